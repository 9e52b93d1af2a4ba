import { z } from 'zod';

/**
 * What a clinic tells every participant about itself: its name and where to turn in a
 * crisis. Set by the clinic's admins (numbers and words for its own country), shown one
 * click away on every participant screen. Nothing here is private.
 */
export const CrisisResource = z.strictObject({
  /** What it is, in the clinic's words: "Suicide & Crisis Lifeline". */
  label: z.string().trim().min(1, 'give it a name').max(80, 'at most 80 characters'),
  /** How to reach it: a call, a text message, or a web page. */
  kind: z.enum(['call', 'text', 'web']),
  /** The number to call or text, or the page's https address. */
  value: z.string().trim().min(1, 'give the number or address').max(200, 'at most 200 characters'),
  /** A short line of how and when: "Call or text, any time". For a text line, what to send. */
  detail: z.string().trim().max(160, 'at most 160 characters').optional(),
})
  // Shown as a link on participants' screens: only a real web page, never a script.
  .refine((r) => r.kind !== 'web' || /^https:\/\/[^\s]+$/.test(r.value), { message: 'a web page’s address starts with https://', path: ['value'] });
export type CrisisResource = z.infer<typeof CrisisResource>;

export const ClinicInfo = z.strictObject({
  name: z.string().trim().min(1, 'give the clinic a name').max(80, 'at most 80 characters'),
  /** ISO 3166 country the resources are for, e.g. "US". */
  country: z.string().trim().regex(/^[A-Z]{2}$/, 'a two-letter country code, such as US'),
  /** In the order they are shown; an emergency number belongs in here too. */
  crisisResources: z.array(CrisisResource).min(1, 'list at least one crisis resource').max(8, 'at most 8 resources'),
});
export type ClinicInfo = z.infer<typeof ClinicInfo>;
