import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { AlreadyExistsError, LockedOutError, UnauthenticatedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccountRecord, ClinicStore, Role } from '../store/ClinicStore.js';
import { parseCookies, SESSION_COOKIE, SESSION_TTL_MS } from './cookies.js';
import { DEFAULT_LOCKOUT, isLockedOut, withFailure, type LockoutPolicy } from './lockout.js';
import { hashPassword, verifyPassword } from './password.js';

/** A staff member as the rest of the server sees them: never the password hash. */
export type Account = { id: string; email: string; displayName: string; role: Role };

export type NewAccount = { email: string; password: string; displayName: string; role: Role };

export const toAccount = ({ id, email, displayName, role }: AccountRecord): Account => ({ id, email, displayName, role });

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** What a login session is filed under: a leaked store then holds no usable cookie value. */
const sessionKey = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Staff accounts, sign-in with lock-out, and the login sessions behind the cookie. */
export class Accounts {
  readonly #store: ClinicStore;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #policy: LockoutPolicy;
  /** Checked against for unknown emails, so their answer takes as long as a wrong password. */
  readonly #dummyHash: Promise<string>;

  constructor(deps: { store: ClinicStore; clock: Clock; log: Logger; lockout?: LockoutPolicy }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#log = deps.log;
    this.#policy = deps.lockout ?? DEFAULT_LOCKOUT;
    this.#dummyHash = hashPassword(randomBytes(24).toString('base64'));
    this.#dummyHash.catch(() => undefined);
  }

  /** The one-time setup: creates an admin only while no account exists at all. */
  async setupFirstAdmin(input: Omit<NewAccount, 'role'>): Promise<Account> {
    const alreadySetUp = new AlreadyExistsError('this Hearth is already set up; sign in as its admin');
    if ((await this.#store.accounts.count()) > 0) throw alreadySetUp;
    const record = await this.#record({ ...input, role: 'admin' });
    if (!(await this.#store.accounts.insertFirst(record))) throw alreadySetUp;
    this.#log.info({ accountId: record.id }, 'first admin created');
    return toAccount(record);
  }

  async create(input: NewAccount): Promise<Account> {
    const record = await this.#record(input);
    if (!(await this.#store.accounts.insert(record))) throw new AlreadyExistsError('an account with this email exists');
    this.#log.info({ accountId: record.id, role: record.role }, 'account created');
    return toAccount(record);
  }

  /**
   * Unknown email and wrong password fail alike (same error, same hashing work). Failures
   * are counted per email before and after the hash, so parallel guesses cannot slip past
   * the lock-out: once it is in force every answer is LOCKED_OUT, even the right password.
   */
  async login(emailInput: string, password: string): Promise<{ account: Account; token: string }> {
    const email = normaliseEmail(emailInput);
    if (isLockedOut(await this.#store.loginFailures.get(email), this.#clock())) throw new LockedOutError();
    const record = await this.#store.accounts.findByEmail(email);
    const matches = await verifyPassword(password, record?.passwordHash ?? (await this.#dummyHash));
    const now = this.#clock();
    if (!record || !matches) {
      let wasLocked = false;
      await this.#store.loginFailures.update(email, (current) => {
        wasLocked = isLockedOut(current, now);
        return withFailure(current, now, this.#policy);
      });
      this.#log.info({ accountId: record?.id }, 'sign-in refused');
      throw wasLocked ? new LockedOutError() : new UnauthenticatedError('wrong email or password');
    }
    if (isLockedOut(await this.#store.loginFailures.get(email), now)) throw new LockedOutError();
    await this.#store.loginFailures.update(email, () => undefined);
    const token = randomBytes(32).toString('base64url');
    await this.#store.loginSessions.insert({ id: sessionKey(token), accountId: record.id, expiresAt: now + SESSION_TTL_MS });
    this.#log.info({ accountId: record.id }, 'signed in');
    return { account: toAccount(record), token };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.#store.loginSessions.delete(sessionKey(token));
  }

  /** The account behind a session cookie's value, while the session lasts. */
  async fromToken(token: string | undefined): Promise<Account | undefined> {
    if (!token || token.length > 128) return undefined;
    const key = sessionKey(token);
    const session = await this.#store.loginSessions.get(key);
    if (!session) return undefined;
    if (session.expiresAt <= this.#clock()) {
      await this.#store.loginSessions.delete(key);
      return undefined;
    }
    const record = await this.#store.accounts.get(session.accountId);
    return record && toAccount(record);
  }

  /** For the Socket.IO handshake and HTTP alike: the signed-in staff member, if any. */
  async fromCookie(cookieHeader: string | undefined): Promise<Account | undefined> {
    return this.fromToken(parseCookies(cookieHeader).get(SESSION_COOKIE));
  }

  async #record(input: NewAccount): Promise<AccountRecord> {
    return {
      id: newId(),
      email: normaliseEmail(input.email),
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: this.#clock(),
    };
  }
}
