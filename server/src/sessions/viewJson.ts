import type { SessionView } from '@hearth/shared';

/**
 * Writes the views of one `viewsAt` as JSON, each part that several views share (the
 * roster, the round, the queue: the same object in each) written once and reused: a group's
 * N snapshots cost one roster's serialisation instead of N (T2b). Gives exactly what
 * JSON.stringify(view) gives. For one broadcast only: parts are remembered by identity, so
 * the views must not change while it is in use.
 */
export function viewJsonWriter(): (view: SessionView) => string {
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
  return (view) => {
    const fields: string[] = [];
    for (const [key, value] of Object.entries(view)) {
      // As JSON.stringify: a field whose value is undefined is left out.
      if (value !== undefined) fields.push(`${JSON.stringify(key)}:${part(value)}`);
    }
    return `{${fields.join(',')}}`;
  };
}
