import { emptyIndividual, type GroupSection, type NoteAnswer, type NoteFacts, type NotesSettings, type NoteStatus, type SignatureAnswer } from '@hearth/shared';
import type { MemberRecord } from '../store/ClinicStore.js';
import type { NoteRecord, StoredSignature } from '../store/NotesStore.js';

const iso = (ms: number) => new Date(ms).toISOString();
const signatureAnswer = (s: StoredSignature | null): SignatureAnswer | null => (s ? { accountId: s.accountId, name: s.name, credential: s.credential, at: iso(s.at) } : null);

export function noteStatus(note: NoteRecord | undefined): NoteStatus {
  if (note?.coSignature) return 'co-signed';
  return note?.signature ? 'signed' : 'draft';
}

/**
 * One participant's note as the API answers it: a draft shows the group section and the
 * facts as they are now, a signed note those it was signed with (GNOTE1). A participant
 * with no note yet gets an empty draft of the cohort's template.
 */
export function noteAnswer(member: MemberRecord, sessionId: string, note: NoteRecord | undefined, now: { group: GroupSection | null; facts: NoteFacts; settings: NotesSettings }): NoteAnswer {
  return {
    sessionId,
    memberId: member.id,
    pseudonym: member.pseudonym,
    status: noteStatus(note),
    group: note?.signed ? note.signed.group : now.group,
    individual: note?.individual ?? emptyIndividual(now.settings.template),
    facts: note?.signed ? note.signed.facts : now.facts,
    updatedAt: note ? iso(note.updatedAt) : null,
    signature: signatureAnswer(note?.signature ?? null),
    coSignature: signatureAnswer(note?.coSignature ?? null),
    contentHash: note?.signed?.contentHash ?? null,
    addenda: (note?.addenda ?? []).map((a) => ({ at: iso(a.at), authorId: a.authorId, authorName: a.authorName, text: a.text })),
  };
}
