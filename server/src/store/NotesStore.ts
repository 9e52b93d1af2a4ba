import { DEFAULT_NOTES_SETTINGS, type GroupSection, type IndividualSection, type NoteFacts, type NotesSettings } from '@hearth/shared';
import { InvalidStateError, NotFoundError, NoteLockedError } from '../errors.js';
import { noteContentHash } from './noteHash.js';
import type { Records } from './Records.js';

/** Who signed (or co-signed), as they signed, and when: stamped by the server from the sign-in. */
export type StoredSignature = { accountId: string; name: string; credential: string; at: number };
export type StoredAddendum = { at: number; authorId: string; authorName: string; text: string };

/** One participant's note at one session. */
export type NoteRecord = {
  sessionId: string;
  memberId: string;
  individual: IndividualSection;
  updatedAt: number;
  updatedBy: string;
  /** Null while a draft. Once set, `individual` and `signed` never change again (GNOTE1). */
  signature: StoredSignature | null;
  /** What was signed beside the individual section: the group section and the facts as they were, and the hash of it all. */
  signed: { group: GroupSection | null; facts: NoteFacts; contentHash: string } | null;
  coSignature: StoredSignature | null;
  /** Oldest first; only appended. */
  addenda: StoredAddendum[];
};

/** A session's group section: written once for every participant's note. */
export type GroupRecord = { sessionId: string; section: GroupSection; updatedAt: number; updatedBy: string; lockedAt: number | null };

const key = {
  settings: (cohortId: string) => `cohort:${cohortId}:notes-settings`,
  group: (sessionId: string) => `session:${sessionId}:notes-group`,
  note: (sessionId: string, memberId: string) => `note:${sessionId}:${memberId}`,
  sessionNotes: (sessionId: string) => `session:${sessionId}:notes`,
};

/**
 * Group notes over either backend (memory or Redis), with the lock rule kept here, where
 * every write passes (GNOTE1): a signed note's sections are never written again, and once
 * any note of a session is signed the group section it includes is locked too. Each change
 * reads and writes atomically, so two staff signing and editing at once cannot slip a
 * change past a signature.
 */
export class NotesStore {
  constructor(private readonly records: Records) {}

  async settings(cohortId: string): Promise<NotesSettings> {
    return (await this.records.get<NotesSettings>(key.settings(cohortId))) ?? DEFAULT_NOTES_SETTINGS;
  }

  setSettings(cohortId: string, settings: NotesSettings): Promise<void> {
    return this.records.write((tx) => tx.set(key.settings(cohortId), settings));
  }

  group(sessionId: string): Promise<GroupRecord | undefined> {
    return this.records.get(key.group(sessionId));
  }

  /** Written once per session, changed freely until the first note that includes it is signed. */
  setGroup(sessionId: string, section: GroupSection, actorId: string, at: number): Promise<GroupRecord> {
    const groupKey = key.group(sessionId);
    return this.records.atomically([groupKey], async (tx) => {
      const current = await this.records.get<GroupRecord>(groupKey);
      if (current !== undefined && current.lockedAt !== null) throw new NoteLockedError('a note of this session is signed, and with it the group section; add an addendum to a note instead');
      const next: GroupRecord = { sessionId, section, updatedAt: at, updatedBy: actorId, lockedAt: null };
      tx.set(groupKey, next);
      return next;
    });
  }

  get(sessionId: string, memberId: string): Promise<NoteRecord | undefined> {
    return this.records.get(key.note(sessionId, memberId));
  }

  /** Every note of the session written so far, in the order they were begun. */
  async listBySession(sessionId: string): Promise<NoteRecord[]> {
    const memberIds = await this.records.range(key.sessionNotes(sessionId), 0, -1);
    return this.records.getAll(memberIds.map((m) => key.note(sessionId, m)));
  }

  /** Retention only (records/purge.ts): every note of the session and its group section, signed or not. */
  async deleteSession(sessionId: string): Promise<void> {
    const memberIds = await this.records.range(key.sessionNotes(sessionId), 0, -1);
    await this.records.write((tx) => {
      for (const m of memberIds) tx.delete(key.note(sessionId, m));
      tx.delete(key.sessionNotes(sessionId));
      tx.delete(key.group(sessionId));
    });
  }

  saveDraft(sessionId: string, memberId: string, individual: IndividualSection, actorId: string, at: number): Promise<NoteRecord> {
    const noteKey = key.note(sessionId, memberId);
    return this.records.atomically([noteKey], async (tx) => {
      const current = await this.records.get<NoteRecord>(noteKey);
      if (current?.signature) throw new NoteLockedError();
      const next: NoteRecord = current
        ? { ...current, individual, updatedAt: at, updatedBy: actorId }
        : { sessionId, memberId, individual, updatedAt: at, updatedBy: actorId, signature: null, signed: null, coSignature: null, addenda: [] };
      tx.set(noteKey, next);
      if (!current) tx.push(key.sessionNotes(sessionId), memberId);
      return next;
    });
  }

  /**
   * Signs the draft as it is stored, with the group section as it is now and the facts
   * given: all three are fixed in the note with the SHA-256 of their canonical form (what
   * the audit log keeps), and the group section is locked.
   */
  sign(sessionId: string, memberId: string, signature: StoredSignature, facts: NoteFacts): Promise<NoteRecord> {
    const noteKey = key.note(sessionId, memberId);
    const groupKey = key.group(sessionId);
    return this.records.atomically([noteKey, groupKey], async (tx) => {
      const current = await this.records.get<NoteRecord>(noteKey);
      if (!current) throw new NotFoundError('note draft');
      if (current.signature) throw new NoteLockedError('this note is already signed');
      const group = await this.records.get<GroupRecord>(groupKey);
      const contentHash = noteContentHash({ sessionId, memberId, group: group?.section ?? null, individual: current.individual, facts, signature });
      const next: NoteRecord = { ...current, signature, signed: { group: group?.section ?? null, facts, contentHash } };
      tx.set(noteKey, next);
      if (group && group.lockedAt === null) tx.set(groupKey, { ...group, lockedAt: signature.at });
      return next;
    });
  }

  /** A dated addition to a signed note: appended, never replacing what was signed. */
  addAddendum(sessionId: string, memberId: string, addendum: StoredAddendum): Promise<NoteRecord> {
    return this.#change(sessionId, memberId, (current) => {
      if (!current.signature) throw new InvalidStateError('a draft is edited, not amended: sign it first');
      return { ...current, addenda: [...current.addenda, addendum] };
    });
  }

  /** A supervisor's co-signature: once, on a signed note, by someone other than the signer. */
  coSign(sessionId: string, memberId: string, coSignature: StoredSignature): Promise<NoteRecord> {
    return this.#change(sessionId, memberId, (current) => {
      if (!current.signature) throw new InvalidStateError('the note must be signed before it is co-signed');
      if (current.coSignature) throw new InvalidStateError('this note is already co-signed');
      if (current.signature.accountId === coSignature.accountId) throw new InvalidStateError('a note is co-signed by someone other than its signer');
      return { ...current, coSignature };
    });
  }

  #change(sessionId: string, memberId: string, change: (current: NoteRecord) => NoteRecord): Promise<NoteRecord> {
    const noteKey = key.note(sessionId, memberId);
    return this.records.atomically([noteKey], async (tx) => {
      const current = await this.records.get<NoteRecord>(noteKey);
      if (!current) throw new NotFoundError('note');
      const next = change(current);
      tx.set(noteKey, next);
      return next;
    });
  }
}
