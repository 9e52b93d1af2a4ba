/**
 * A payload that brings its own JSON: the signalling encoder (signalling/rawJsonParser.ts)
 * writes that text instead of serialising the object again. The object itself stays as it
 * is for everyone else who reads it (tests, in-process links). Symbol-keyed, so neither
 * JSON.stringify nor Socket.IO's binary scan sees the tag.
 */
const RAW_JSON = Symbol('hearth.rawJson');

type Tagged = { [RAW_JSON]?: () => string };

/** `payload`, tagged with how to write it; `json()` must give what JSON.stringify(payload) would. */
export function withJson<T extends object>(payload: T, json: () => string): T {
  Object.defineProperty(payload, RAW_JSON, { value: json, enumerable: false });
  return payload;
}

/** The JSON a tagged payload brings, or undefined for any other value. */
export function rawJsonOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Tagged)[RAW_JSON]?.();
}
