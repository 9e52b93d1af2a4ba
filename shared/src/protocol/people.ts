import * as z from 'zod/mini';

/*
 * The two schemas a participant's own screens validate with (the name on an open room's
 * pre-join, the consent gate). They are written with zod's tree-shakable "mini" API, which
 * the server's schemas embed like any other: a participant's phone then loads a few
 * kilobytes of validation instead of all of zod.
 */

/** First or chosen name; trimmed, no control characters. */
export const DisplayName = z.string().check(
  z.trim(),
  z.minLength(1, 'enter a name'),
  z.maxLength(40, 'at most 40 characters'),
  z.regex(/^[^\p{Cc}]+$/u, 'no control characters'),
);

/** What a participant gives at the consent gate, every session. */
export const ConsentInput = z.strictObject({
  agreed: z.literal(true, { error: 'the confidentiality agreement must be accepted' }),
  location: z.string().check(z.trim(), z.minLength(2, 'say where you are right now'), z.maxLength(200, 'at most 200 characters')),
  callbackNumber: z.string().check(z.trim(), z.regex(/^\+?[0-9 ()\-.]{6,24}$/, 'a phone number we can call back')),
  /**
   * "Are you at home?": the place of service a claim needs (10 home, 02 elsewhere). Optional
   * in the protocol so a client from before the question still gets in (its time is reported
   * with the place unknown, never guessed); the consent form always asks it.
   */
  atHome: z.optional(z.boolean({ error: 'say whether you are at home' })),
});
export type ConsentInput = z.infer<typeof ConsentInput>;
