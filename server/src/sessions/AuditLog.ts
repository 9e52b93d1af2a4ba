import type { AuditAction } from '@hearth/shared';

export type AuditEntry = {
  at: number;
  sessionId: string;
  action: AuditAction;
  actorId: string | null;
  targetId: string | null;
};

/** Append-only record of who did what; hash-chaining and Redis come with clinic records. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  list(sessionId: string): Promise<AuditEntry[]>;
}

export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];

  async append(entry: AuditEntry): Promise<void> {
    this.#entries.push({ ...entry });
  }

  async list(sessionId: string): Promise<AuditEntry[]> {
    return this.#entries.filter((e) => e.sessionId === sessionId).map((e) => ({ ...e }));
  }
}
