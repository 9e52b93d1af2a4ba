import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { ServerBusyError } from '../errors.js';
import { hashPassword, verifyPassword } from './password.js';

/**
 * How many password hashes run at once and how many may wait. Each scrypt takes 32 MiB and
 * tens of milliseconds of a core; unbounded, 200 sign-ins at once put 200 hashes in front of the
 * real facilitator's (9.8 s measured). With 2 running and 16 waiting, an answer comes within
 * about eight hash times or at once as SERVER_BUSY, and hashing never holds more than 64 MiB.
 * `reserved` more places are kept for staff work: a sign-in from an address the account has
 * signed in from before, a password being set. That work also goes to the front of the queue,
 * so a flood of strangers' guesses from many addresses cannot keep staff out.
 */
export type HashingLimits = { concurrency: number; maxWaiting: number; reserved: number };

export const DEFAULT_HASHING_LIMITS: HashingLimits = { concurrency: Math.min(2, availableParallelism()), maxWaiting: 16, reserved: 8 };

/** Whose work it is: staff work may use the reserved places and runs first. */
export type HashPriority = 'staff' | 'anyone';

/** scrypt behind a bounded priority queue (p-queue runs it; the bound on waiting is ours). */
export class PasswordHasher {
  readonly #queue: PQueue;
  readonly #bound: number;
  readonly #reserved: number;
  /** Running and waiting, counted here: the queue starts added work a tick later. */
  #inFlight = 0;

  constructor(limits: HashingLimits = DEFAULT_HASHING_LIMITS) {
    this.#queue = new PQueue({ concurrency: limits.concurrency });
    this.#bound = limits.concurrency + limits.maxWaiting;
    this.#reserved = limits.reserved;
  }

  /** Hashing a new password is always staff work (setup, an admin, the account's owner). */
  hash(password: string): Promise<string> {
    return this.#run(() => hashPassword(password), 'staff');
  }

  verify(password: string, stored: string, priority: HashPriority): Promise<boolean> {
    return this.#run(() => verifyPassword(password, stored), priority);
  }

  /** Hashes running or waiting, for tests and metrics. */
  get inFlight(): number {
    return this.#inFlight;
  }

  async #run<T>(work: () => Promise<T>, priority: HashPriority): Promise<T> {
    const bound = priority === 'staff' ? this.#bound + this.#reserved : this.#bound;
    if (this.#inFlight >= bound) throw new ServerBusyError('too many sign-ins are being checked right now; try again in a moment');
    this.#inFlight++;
    try {
      return await this.#queue.add(work, { priority: priority === 'staff' ? 1 : 0 });
    } finally {
      this.#inFlight--;
    }
  }
}
