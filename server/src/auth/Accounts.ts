import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { AlreadyExistsError, ForbiddenError, InvalidStateError, NotFoundError, UnauthenticatedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccountRecord, ClinicStore, LoginSessionRecord, Role } from '../store/ClinicStore.js';
import { parseCookies, SESSION_COOKIE, SESSION_TTL_MS } from './cookies.js';
import { PasswordHasher } from './PasswordHasher.js';
import { SignInThrottle, type AttemptOutcome } from './SignInThrottle.js';

/** A staff member as the rest of the server sees them: never the password hash. */
export type Account = { id: string; email: string; displayName: string; role: Role };
export type NewAccount = { email: string; password: string; displayName: string; role: Role };
/** A staff account as admins manage it. */
export type StaffAccount = Account & { disabled: boolean; createdAt: number };
/** One browser's sign-in: `loginId` names its login session (a hash, never the cookie value). */
export type SignIn = { account: Account; loginId: string };

/** Whose live connections must close: one sign-in's, or all of an account's but perhaps one. */
export type EndedSignIns = { loginId: string } | { accountId: string; exceptLoginId?: string };

export const toAccount = ({ id, email, displayName, role }: AccountRecord): Account => ({ id, email, displayName, role });
const toStaffAccount = (record: AccountRecord): StaffAccount => ({ ...toAccount(record), disabled: record.disabled === true, createdAt: record.createdAt });
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** What a login session is filed under: a leaked store then holds no usable cookie value. */
const loginIdOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * Staff accounts, sign-in (throttled, see SignInThrottle) and the login sessions behind the
 * cookie. A login session counts while it lasts, its account is enabled and no change since
 * it began has ended all the account's sign-ins (signInEpoch). Whoever holds the live
 * connections listens to `onSignInsEnded` and closes those that ended.
 */
export class Accounts {
  readonly #store: ClinicStore;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #hasher: PasswordHasher;
  readonly #throttle: SignInThrottle;
  readonly #endedListeners: ((ended: EndedSignIns) => void)[] = [];
  /** Checked against for unknown emails, so their answer takes as long as a wrong password. */
  readonly #dummyHash: Promise<string>;

  constructor(deps: { store: ClinicStore; clock: Clock; log: Logger; hasher?: PasswordHasher; throttle?: SignInThrottle }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#log = deps.log;
    this.#hasher = deps.hasher ?? new PasswordHasher();
    this.#throttle = deps.throttle ?? new SignInThrottle();
    this.#dummyHash = this.#hasher.hash(randomBytes(24).toString('base64'));
    this.#dummyHash.catch(() => undefined);
  }

  onSignInsEnded(listener: (ended: EndedSignIns) => void): void {
    this.#endedListeners.push(listener);
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
   * Unknown email and wrong password fail alike (same error, same hashing work), and both
   * count against the throttle. A disabled account is named only to someone with its password.
   * `address` is the client's network address, for the throttle only (never logged).
   */
  async login(emailInput: string, password: string, address: string): Promise<SignIn & { token: string }> {
    const email = normaliseEmail(emailInput);
    const record = await this.#checkPassword(email, password, address);
    if (!record) throw new UnauthenticatedError('wrong email or password');
    const { token, loginId } = await this.#startLoginSession(record);
    this.#log.info({ accountId: record.id }, 'signed in');
    return { account: toAccount(record), token, loginId };
  }

  /** Ends this browser's sign-in; its live connections close. */
  async logout(token: string | undefined): Promise<SignIn | undefined> {
    if (!token) return undefined;
    const signIn = await this.fromToken(token);
    const loginId = loginIdOf(token);
    await this.#store.loginSessions.delete(loginId);
    this.#ended({ loginId });
    return signIn;
  }

  /** The signed-in staff member behind a session cookie's value, while the sign-in counts. */
  async fromToken(token: string | undefined): Promise<SignIn | undefined> {
    if (!token || token.length > 128) return undefined;
    const loginId = loginIdOf(token);
    const session = await this.#store.loginSessions.get(loginId);
    if (!session) return undefined;
    if (session.expiresAt <= this.#clock()) {
      await this.#store.loginSessions.delete(loginId);
      return undefined;
    }
    const record = await this.#store.accounts.get(session.accountId);
    if (!record || record.disabled || (session.epoch ?? 0) !== (record.signInEpoch ?? 0)) return undefined;
    return { account: toAccount(record), loginId };
  }

  /** For the Socket.IO handshake and HTTP alike: the signed-in staff member, if any. */
  async fromCookie(cookieHeader: string | undefined): Promise<SignIn | undefined> {
    return this.fromToken(parseCookies(cookieHeader).get(SESSION_COOKIE));
  }

  async list(): Promise<StaffAccount[]> {
    return (await this.#store.accounts.list()).map(toStaffAccount);
  }

  /**
   * Disables or enables another account. Disabling ends all its sign-ins at once (and they
   * stay ended when it is enabled again). An admin cannot disable themself, so the clinic
   * always keeps an enabled admin.
   */
  async setDisabled(actorId: string, targetId: string, disabled: boolean): Promise<StaffAccount> {
    if (actorId === targetId) throw new InvalidStateError('you cannot disable or enable your own account');
    const record = await this.#store.accounts.update(targetId, (a) => ({ ...a, disabled, ...(disabled ? { signInEpoch: (a.signInEpoch ?? 0) + 1 } : {}) }));
    if (!record) throw new NotFoundError('staff account');
    if (disabled) this.#ended({ accountId: record.id });
    this.#log.info({ accountId: record.id, disabled }, disabled ? 'account disabled' : 'account enabled');
    return toStaffAccount(record);
  }

  /** An admin gives another account a new password; every sign-in of that account ends. */
  async resetPassword(actorId: string, targetId: string, password: string): Promise<StaffAccount> {
    if (actorId === targetId) throw new InvalidStateError('change your own password with your current one');
    if (!(await this.#store.accounts.get(targetId))) throw new NotFoundError('staff account');
    const record = await this.#setPassword(targetId, await this.#hasher.hash(password));
    this.#ended({ accountId: record.id });
    this.#log.info({ accountId: record.id }, 'password reset');
    return toStaffAccount(record);
  }

  /**
   * A signed-in staff member changes their own password, proving it with the current one
   * (throttled like a sign-in). Their other sign-ins end; this browser gets a new one.
   */
  async changePassword(token: string | undefined, current: string, next: string, address: string): Promise<SignIn & { token: string }> {
    const signIn = await this.fromToken(token);
    if (!signIn) throw new UnauthenticatedError();
    const record = await this.#checkPassword(signIn.account.email, current, address);
    if (record?.id !== signIn.account.id) throw new ForbiddenError('that is not your current password');
    const changed = await this.#setPassword(record.id, await this.#hasher.hash(next));
    const started = await this.#startLoginSession(changed);
    await this.#store.loginSessions.delete(signIn.loginId);
    this.#ended({ accountId: changed.id, exceptLoginId: signIn.loginId });
    this.#log.info({ accountId: changed.id }, 'password changed');
    return { account: toAccount(changed), ...started };
  }

  /** The account when the password is its own and it may sign in; undefined when not. Throttled. */
  async #checkPassword(email: string, password: string, address: string): Promise<AccountRecord | undefined> {
    const attempt = await this.#throttle.admit(email, address);
    let outcome: AttemptOutcome = 'withdrawn';
    try {
      const record = await this.#store.accounts.findByEmail(email);
      const matches = await this.#hasher.verify(password, record?.passwordHash ?? (await this.#dummyHash), attempt.known ? 'staff' : 'anyone');
      outcome = record && matches && !record.disabled ? 'succeeded' : 'failed';
      if (outcome === 'failed') this.#log.info({ accountId: record?.id }, 'sign-in refused');
      if (record && matches && record.disabled) throw new ForbiddenError('this account is disabled; a clinic admin can enable it again');
      return outcome === 'succeeded' ? record : undefined;
    } finally {
      await attempt.settle(outcome);
    }
  }

  async #startLoginSession(record: AccountRecord): Promise<{ token: string; loginId: string }> {
    const token = randomBytes(32).toString('base64url');
    const session: LoginSessionRecord = { id: loginIdOf(token), accountId: record.id, expiresAt: this.#clock() + SESSION_TTL_MS, epoch: record.signInEpoch ?? 0 };
    await this.#store.loginSessions.insert(session);
    return { token, loginId: session.id };
  }

  async #setPassword(id: string, passwordHash: string): Promise<AccountRecord> {
    const record = await this.#store.accounts.update(id, (a) => ({ ...a, passwordHash, signInEpoch: (a.signInEpoch ?? 0) + 1 }));
    if (!record) throw new NotFoundError('staff account');
    return record;
  }

  #ended(ended: EndedSignIns): void {
    for (const listener of this.#endedListeners) {
      try {
        listener(ended);
      } catch (err) {
        this.#log.error({ err }, 'closing ended sign-ins failed');
      }
    }
  }

  async #record(input: NewAccount): Promise<AccountRecord> {
    return {
      id: newId(),
      email: normaliseEmail(input.email),
      displayName: input.displayName,
      role: input.role,
      passwordHash: await this.#hasher.hash(input.password),
      createdAt: this.#clock(),
    };
  }
}
