import { z } from 'zod';

/*
 * Group notes (PRODUCT.md, "Documentation and billing"): per participant per session, a
 * shared group section written once and an individual section from the cohort's template,
 * pre-filled with facts Hearth knows (counts and minutes, never what was said). Signed and
 * then locked (GNOTE1); later changes are dated addenda. The server parses every body with
 * these schemas; the notes page uses them for its forms.
 */

export const NOTE_TEMPLATES = ['DAP', 'SOAP', 'BIRP'] as const;
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number];

/** Each template's sections, in the order a note prints them. */
export const TEMPLATE_SECTIONS = {
  DAP: [
    { key: 'data', label: 'Data' },
    { key: 'assessment', label: 'Assessment' },
    { key: 'plan', label: 'Plan' },
  ],
  SOAP: [
    { key: 'subjective', label: 'Subjective' },
    { key: 'objective', label: 'Objective' },
    { key: 'assessment', label: 'Assessment' },
    { key: 'plan', label: 'Plan' },
  ],
  BIRP: [
    { key: 'behavior', label: 'Behavior' },
    { key: 'intervention', label: 'Intervention' },
    { key: 'response', label: 'Response' },
    { key: 'plan', label: 'Plan' },
  ],
} as const satisfies Record<NoteTemplate, readonly { key: string; label: string }[]>;

/** Long enough for a clinical section; four of them stay well under the API's 16 kB body limit. */
export const NOTE_SECTION_MAX = 2_000;
const sectionText = z
  .string({ error: 'Write this section as text.' })
  .trim()
  .max(NOTE_SECTION_MAX, `Keep each section under ${NOTE_SECTION_MAX} characters.`)
  .default('');

/** The individual section; a draft may leave any section empty. */
export const IndividualSection = z.discriminatedUnion(
  'template',
  [
    z.strictObject({ template: z.literal('DAP'), data: sectionText, assessment: sectionText, plan: sectionText }),
    z.strictObject({ template: z.literal('SOAP'), subjective: sectionText, objective: sectionText, assessment: sectionText, plan: sectionText }),
    z.strictObject({ template: z.literal('BIRP'), behavior: sectionText, intervention: sectionText, response: sectionText, plan: sectionText }),
  ],
  { error: 'Choose DAP, SOAP or BIRP.' },
);
export type IndividualSection = z.output<typeof IndividualSection>;

/** The text of one section of an individual section, by the template's key. */
export function sectionTextOf(individual: IndividualSection, key: string): string {
  return (individual as Record<string, string>)[key] ?? '';
}

/** An empty individual section of a template. */
export function emptyIndividual(template: NoteTemplate): IndividualSection {
  return IndividualSection.parse({ template });
}

/** The part every participant's note of a session shares: written once for the group. */
export const GroupSection = z.strictObject({
  topic: z.string({ error: 'Enter the topic.' }).trim().min(1, 'Enter the topic.').max(200, 'Keep the topic under 200 characters.'),
  interventions: z.string().trim().max(NOTE_SECTION_MAX, `Keep the interventions under ${NOTE_SECTION_MAX} characters.`).default(''),
});
export type GroupSection = z.output<typeof GroupSection>;

/** PUT …/notes/:memberId: the draft's individual section. */
export const NoteDraft = z.strictObject({ individual: IndividualSection });
export type NoteDraftInput = z.input<typeof NoteDraft>;

const person = {
  name: z.string({ error: 'Enter your name as you sign.' }).trim().min(1, 'Enter your name as you sign.').max(120, 'Keep the name under 120 characters.'),
  credential: z.string({ error: 'Enter your credential (e.g. LCSW).' }).trim().min(1, 'Enter your credential (e.g. LCSW).').max(40, 'Keep the credential under 40 characters.'),
};

/** POST …/sign: the clinician's name and credential; the server stamps who and when. */
export const SignRequest = z.strictObject(person);
export type SignRequest = z.output<typeof SignRequest>;

/** POST …/co-sign: the supervisor's name and credential, where the cohort asks for it. */
export const CoSignRequest = z.strictObject(person);
export type CoSignRequest = z.output<typeof CoSignRequest>;

/** POST …/addenda: a dated addition to a signed note. */
export const AddendumRequest = z.strictObject({
  text: z.string({ error: 'Write the addendum.' }).trim().min(1, 'Write the addendum.').max(NOTE_SECTION_MAX, `Keep the addendum under ${NOTE_SECTION_MAX} characters.`),
});
export type AddendumRequest = z.output<typeof AddendumRequest>;

/** A cohort's notes: which template, and whether a supervisor co-signs. */
export const NotesSettings = z.strictObject({
  template: z.enum(NOTE_TEMPLATES, { error: 'Choose DAP, SOAP or BIRP.' }),
  coSign: z.boolean({ error: 'Say whether notes are co-signed.' }),
});
export type NotesSettings = z.output<typeof NotesSettings>;
export const DEFAULT_NOTES_SETTINGS: NotesSettings = { template: 'DAP', coSign: false };

/*
 * Answers. Times are ISO strings. NoteAnswer is a schema as well as a type: the JSON export
 * is checked against it.
 */

/** What Hearth knows about one participant at one session: counts and minutes, never content. */
export const NoteFacts = z.strictObject({
  attendedMinutes: z.number(),
  treatmentMinutes: z.number(),
  /** How they attended: video, audio-only, or both at different times. */
  modality: z.array(z.enum(['video', 'audio-only'])),
  /** Telehealth modifier (95 video, 93 audio only), null when absent. */
  modifier: z.enum(['95', '93']).nullable(),
  /** Not yet asked at the consent gate: null until it is recorded. */
  placeOfService: z.enum(['10', '02']).nullable(),
  turnsTaken: z.number().int(),
  turnsPassed: z.number().int(),
  feedbackGiven: z.number().int(),
  feedbackReceived: z.number().int(),
  pulseAnswers: z.array(z.strictObject({ question: z.string(), answer: z.number().int() })),
  /** Minutes heard as the active speaker; null when the session's state is no longer kept. */
  talkMinutes: z.number().nullable(),
  helpRequests: z.number().int(),
});
export type NoteFacts = z.output<typeof NoteFacts>;

export const NOTE_STATUSES = ['draft', 'signed', 'co-signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const SignatureAnswer = z.strictObject({ accountId: z.string(), name: z.string(), credential: z.string(), at: z.string() });
export type SignatureAnswer = z.output<typeof SignatureAnswer>;

export const AddendumAnswer = z.strictObject({ at: z.string(), authorId: z.string(), authorName: z.string(), text: z.string() });
export type AddendumAnswer = z.output<typeof AddendumAnswer>;

export const NoteAnswer = z.strictObject({
  sessionId: z.string(),
  memberId: z.string(),
  pseudonym: z.string(),
  status: z.enum(NOTE_STATUSES),
  group: GroupSection.nullable(),
  individual: IndividualSection,
  /** Live until the note is signed, then as they were at signing. */
  facts: NoteFacts,
  updatedAt: z.string().nullable(),
  signature: SignatureAnswer.nullable(),
  coSignature: SignatureAnswer.nullable(),
  /** SHA-256 (hex) of the note's canonical form at signing, as the audit log holds it. */
  contentHash: z.string().nullable(),
  addenda: z.array(AddendumAnswer),
});
export type NoteAnswer = z.output<typeof NoteAnswer>;

export const SessionNotesAnswer = z.strictObject({
  sessionId: z.string(),
  cohortId: z.string(),
  title: z.string(),
  /** YYYY-MM-DD on the cohort's clock. */
  date: z.string(),
  settings: NotesSettings,
  group: GroupSection.nullable(),
  /** Once a note is signed the group section it includes is locked too. */
  groupLocked: z.boolean(),
  notes: z.array(NoteAnswer),
});
export type SessionNotesAnswer = z.output<typeof SessionNotesAnswer>;
