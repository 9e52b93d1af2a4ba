import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

/**
 * Sign-in throttling: slow a guesser down without handing a stranger a way to lock staff out.
 * The old rule (5 wrong passwords from anyone lock the email for 15 minutes) let anyone who
 * knew a facilitator's email keep them out of an evening group. Now:
 *
 * 1. Per address: 30 attempts per 15 minutes that did not succeed, whatever the emails. Counted
 *    before the password is checked, so parallel requests cannot slip past; given back when
 *    an attempt succeeds or is never checked. Past it, RATE_LIMITED at once, no hashing.
 * 2. Per email from one address: 5 attempts per 15 minutes that did not succeed. Only that
 *    address is refused for that email; the staff member anywhere else is not. A success
 *    clears the count.
 * 3. Per email from all addresses: 50 attempts per hour from addresses the account has not
 *    signed in from in the last 14 days. Past it (a guesser spread over many addresses), only
 *    those known addresses may try, so the staff member at their usual place still signs in
 *    with the right password while every stranger is refused at once.
 *
 * So one address gets at most 5 guesses at an account per 15 minutes, many addresses at most
 * 50 an hour between them, and no amount of failing stops the right password from a known
 * address, nor (short of the third tier) from any other address. Counters live in Redis when
 * REDIS_URL is set (rate-limiter-flexible), so the limits hold across nodes.
 */
export type SignInLimits = {
  perAddress: { attempts: number; windowS: number };
  perEmailFromAddress: { attempts: number; windowS: number };
  perEmailFromStrangers: { attempts: number; windowS: number };
  /** How long a successful sign-in makes its address known to the account. */
  knownAddressS: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { attempts: 30, windowS: 15 * 60 },
  perEmailFromAddress: { attempts: 5, windowS: 15 * 60 },
  perEmailFromStrangers: { attempts: 50, windowS: 60 * 60 },
  // Under 24.8 days: the in-memory limiter expires keys with setTimeout, which cannot wait longer.
  knownAddressS: 14 * 24 * 60 * 60,
};

/** What happened to an admitted attempt: `withdrawn` when the password was never checked. */
export type AttemptOutcome = 'succeeded' | 'failed' | 'withdrawn';

/**
 * One attempt let through to the password check; it must be settled once. `known`: the account
 * has signed in from this address before (its check may go ahead of strangers' guesses).
 */
export type AdmittedAttempt = { known: boolean; settle(outcome: AttemptOutcome): Promise<void> };

export class SignInThrottle {
  readonly #perAddress: RateLimiterAbstract;
  readonly #perEmailFromAddress: RateLimiterAbstract;
  readonly #perEmailFromStrangers: RateLimiterAbstract;
  readonly #knownAddresses: RateLimiterAbstract;
  readonly #knownAddressS: number;

  constructor(options: { redis?: Redis | undefined; limits?: SignInLimits } = {}) {
    const limits = options.limits ?? DEFAULT_SIGN_IN_LIMITS;
    const limiter = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
      const opts = { keyPrefix, points, duration };
      return options.redis ? new RateLimiterRedis({ ...opts, storeClient: options.redis }) : new RateLimiterMemory(opts);
    };
    this.#perAddress = limiter('signin-address', limits.perAddress.attempts, limits.perAddress.windowS);
    this.#perEmailFromAddress = limiter('signin-email-address', limits.perEmailFromAddress.attempts, limits.perEmailFromAddress.windowS);
    this.#perEmailFromStrangers = limiter('signin-email', limits.perEmailFromStrangers.attempts, limits.perEmailFromStrangers.windowS);
    this.#knownAddresses = limiter('signin-known', 1, limits.knownAddressS);
    this.#knownAddressS = limits.knownAddressS;
  }

  /**
   * Counts the attempt in every tier that applies and lets it through, or throws
   * RateLimitedError (having counted it against the address only). `email` is normalised.
   */
  async admit(email: string, address: string): Promise<AdmittedAttempt> {
    // An email cannot contain a space; an address never does.
    const pair = `${address} ${email}`;
    await refuseWhenOver(this.#perAddress.consume(address), 'too many sign-in attempts from this address; try again later');
    const counted: [RateLimiterAbstract, string][] = [[this.#perAddress, address]];
    const giveBack = () => Promise.all(counted.map(([limiter, key]) => limiter.reward(key)));
    let known = false;
    try {
      await refuseWhenOver(this.#perEmailFromAddress.consume(pair), 'too many sign-in attempts for this email from here; try again later');
      counted.push([this.#perEmailFromAddress, pair]);
      known = (await this.#knownAddresses.get(pair)) !== null;
      if (!known) {
        await refuseWhenOver(
          this.#perEmailFromStrangers.consume(email),
          'too many sign-in attempts for this email; sign in where you usually do, or try again later',
        );
        counted.push([this.#perEmailFromStrangers, email]);
      }
    } catch (err) {
      // Refused by a later tier: the address keeps the count (hammering it costs), the others do not.
      counted.splice(0, 1);
      await giveBack();
      throw err;
    }
    let settled = false;
    return {
      known,
      settle: async (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === 'failed') return;
        await giveBack();
        if (outcome === 'succeeded') {
          await this.#perEmailFromAddress.delete(pair);
          await this.#knownAddresses.set(pair, 1, this.#knownAddressS);
        }
      },
    };
  }
}

/** A limiter's refusal (a RateLimiterRes) as RATE_LIMITED; a store failure stays an error. */
async function refuseWhenOver(consumed: Promise<RateLimiterRes>, message: string): Promise<void> {
  try {
    await consumed;
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(message, err.msBeforeNext);
    throw err;
  }
}
