import type { Router } from 'express';

/** What a test reads of Express's router stack (router 2.x): route layers, and routers used inside. */
type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle: unknown; slash?: boolean };

/**
 * Every route of a router as `METHOD <prefix><path>`, the routers it uses inside it included,
 * so a test can go through each one and a new route cannot be left out. Routers used at a
 * path of their own are refused: their prefix is not kept in the stack.
 */
export function apiRouteList(router: Router, prefix: string): string[] {
  const found = new Set<string>();
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) if (method !== '_all') found.add(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
        continue;
      }
      const inner = (layer.handle as { stack?: Layer[] }).stack;
      if (!inner) continue;
      if (!layer.slash) throw new Error('a router used at a path of its own: apiRouteList cannot tell its routes’ paths');
      walk(inner);
    }
  };
  walk(router.stack as Layer[]);
  return [...found].sort();
}
