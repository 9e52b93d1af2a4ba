import type { SessionView, ViewPatch } from '@hearth/shared';

/** A view as JSON field by field, in the view's order: what a patch is worked out from. */
export type ViewParts = Map<string, string>;

/**
 * Writes the views of one `viewsAt` as JSON, each part that several views share (the
 * roster, the round, the queue: the same object in each) written once and reused: a group's
 * N snapshots cost one roster's serialisation instead of N (T2b). `json(partsOf(view))` is
 * exactly what JSON.stringify(view) gives. For one broadcast only: parts are remembered by
 * identity, so the views must not change while it is in use.
 */
export function viewJsonWriter(): { partsOf: (view: SessionView) => ViewParts; json: (parts: ViewParts) => string } {
  const written = new Map<object, string>();
  const part = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    let json = written.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      written.set(value, json);
    }
    return json;
  };
  return {
    partsOf: (view) => {
      const parts: ViewParts = new Map();
      // As JSON.stringify: a field whose value is undefined is left out.
      for (const [field, value] of Object.entries(view)) if (value !== undefined) parts.set(field, part(value));
      return parts;
    },
    json: (parts) => `{${fieldsJson(parts, [...parts.keys()])}}`,
  };
}

/**
 * The patch from the view a client was last sent (`base`) to `view` (whose parts are
 * `parts`): the fields whose JSON differs. As an object (for in-process links) and as the
 * JSON the parts already hold.
 */
export function viewPatch(base: ViewParts, parts: ViewParts, view: SessionView): { payload: ViewPatch; json: string } {
  const changed = [...parts.keys()].filter((field) => base.get(field) !== parts.get(field));
  const unset = [...base.keys()].filter((field) => !parts.has(field));
  const from = Number(base.get('version'));
  const fields = view as unknown as Record<string, unknown>;
  return {
    payload: { from, version: view.version, set: Object.fromEntries(changed.map((field) => [field, fields[field]])), unset },
    json: `{"from":${from},"version":${view.version},"set":{${fieldsJson(parts, changed)}},"unset":${JSON.stringify(unset)}}`,
  };
}

const fieldsJson = (parts: ViewParts, fields: string[]) => fields.map((field) => `${JSON.stringify(field)}:${parts.get(field)}`).join(',');
