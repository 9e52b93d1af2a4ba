import { z } from 'zod';
import { InvalidPayloadError } from '../errors.js';

/** Request bodies are untrusted until their schema has parsed them. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InvalidPayloadError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** For actions that take no fields: no body, or `{}`. */
export const NoFields = z.strictObject({}).optional();
