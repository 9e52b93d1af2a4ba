import type { DisclosedWhat, DisclosureRequest } from '@hearth/shared';
import type { Records } from './Records.js';

/** One export of participants' data, as 42 CFR Part 2's accounting of disclosures needs it. */
export type DisclosureRecord = DisclosureRequest & {
  id: string;
  at: number;
  /** The staff account that exported it. */
  byId: string;
  /** Every participant whose data it held: an export of a whole session discloses everyone in it. */
  memberIds: string[];
  what: DisclosedWhat;
  /** A readable line for `what`, fixed when disclosed: the accounting outlives a purged session. */
  description: string;
};

const key = {
  disclosure: (id: string) => `disclosure:${id}`,
  ofMember: (memberId: string) => `member:${memberId}:disclosures`,
};

/**
 * The disclosure log, over either backend: a record per disclosure and, per member, the list
 * of their disclosures' ids, oldest first, written together. Append-only: the accounting must
 * be kept six years from the disclosure (42 CFR 2.24 / 45 CFR 164.528, 164.316), so a
 * retention purge never touches it (records/purge.ts has no kind for it).
 */
export class DisclosureLog {
  constructor(private readonly records: Records) {}

  append(disclosure: DisclosureRecord): Promise<void> {
    return this.records.write((tx) => {
      tx.set(key.disclosure(disclosure.id), disclosure);
      for (const memberId of new Set(disclosure.memberIds)) tx.push(key.ofMember(memberId), disclosure.id);
    });
  }

  /** Every disclosure of this member's data, oldest first. */
  async ofMember(memberId: string): Promise<DisclosureRecord[]> {
    const ids = await this.records.range(key.ofMember(memberId), 0, -1);
    return this.records.getAll<DisclosureRecord>(ids.map(key.disclosure));
  }
}
