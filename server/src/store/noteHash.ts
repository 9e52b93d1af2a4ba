import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { GroupSection, IndividualSection, NoteFacts } from '@hearth/shared';

/** What a signature covers: the whole note as signed, the signer and the time included. */
export type SignedContent = {
  sessionId: string;
  memberId: string;
  group: GroupSection | null;
  individual: IndividualSection;
  facts: NoteFacts;
  signature: { accountId: string; name: string; credential: string; at: number };
};

/**
 * The SHA-256 (hex) of a note's canonical form: RFC 8785 JSON (the canonicalize package:
 * keys sorted, numbers and strings written one way), so the same note hashes the same on
 * every node and in every year, whatever order its fields were built in. The audit log
 * keeps this hash, never the note.
 */
export function noteContentHash(content: SignedContent): string {
  return contentHashOf(content);
}

/** The same for any JSON value (an addendum). */
export function contentHashOf(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('only JSON values have a canonical form');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
