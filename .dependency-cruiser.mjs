/**
 * Keeps the server's folders a tree of layers: no folder directly under server/src may
 * import, through any chain, a folder that imports it back (issue 11, item 6). Run by
 * `npm run lint`.
 */
export default {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders under server/src must not depend on each other in a circle: move the shared piece down (lib/, store/ or @hearth/shared).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/src/[^/]+' },
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a type imported in a circle ties the folders together all the same.
    tsPreCompilationDeps: true,
    // @hearth/shared is another workspace: its inside is not the server's layering.
    doNotFollow: { path: ['node_modules', '^shared/'] },
    exclude: { path: ['^server/dist/'] },
  },
};
