/** Failed logins in a row that lock an account (ADR 0170). */
export const MAX_FAILED_ATTEMPTS = 5;
/** How long a locked account refuses logins. */
export const LOCKOUT_MS = 15 * 60 * 1000;

/** An account's login counters. */
export interface LoginCounters {
  readonly failedAttempts: number;
  /** ISO time; null when not locked. */
  readonly lockedUntil: string | null;
}

/** The time until which logins are refused, or null when a login may be tried now. */
export function lockedUntil(counters: LoginCounters, now: Date): string | null {
  if (counters.lockedUntil === null) return null;
  return Date.parse(counters.lockedUntil) > now.getTime() ? counters.lockedUntil : null;
}

/**
 * The counters after a wrong password: one more failure, and the fifth in a row locks the account
 * for LOCKOUT_MS. A lock that has run out starts a fresh count.
 */
export function afterFailure(counters: LoginCounters, now: Date): LoginCounters {
  const expired = counters.lockedUntil !== null && lockedUntil(counters, now) === null;
  const failedAttempts = (expired ? 0 : counters.failedAttempts) + 1;
  return failedAttempts >= MAX_FAILED_ATTEMPTS
    ? { failedAttempts, lockedUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString() }
    : { failedAttempts, lockedUntil: null };
}

/** The counters after a correct password. */
export const AFTER_SUCCESS: LoginCounters = Object.freeze({ failedAttempts: 0, lockedUntil: null });
