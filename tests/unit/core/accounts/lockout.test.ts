import { describe, expect, it } from 'vitest';
import {
  AFTER_SUCCESS,
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  afterFailure,
  lockedUntil,
  type LoginCounters,
} from '../../../../src-main/core/accounts/lockout.js';

const at = (minutes: number): Date => new Date(Date.UTC(2026, 11, 4, 8, minutes));

describe('login lockout', () => {
  it('locks on the fifth failure in a row, for LOCKOUT_MS from that failure', () => {
    let counters: LoginCounters = AFTER_SUCCESS;
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i += 1) {
      counters = afterFailure(counters, at(i));
      expect(counters).toEqual({ failedAttempts: i, lockedUntil: null });
      expect(lockedUntil(counters, at(i))).toBeNull();
    }
    counters = afterFailure(counters, at(5));
    const until = new Date(at(5).getTime() + LOCKOUT_MS).toISOString();
    expect(counters).toEqual({ failedAttempts: 5, lockedUntil: until });
    expect(lockedUntil(counters, at(6))).toBe(until);
    expect(lockedUntil(counters, new Date(Date.parse(until) - 1))).toBe(until);
    expect(lockedUntil(counters, new Date(until))).toBeNull();
  });

  it('starts a fresh count once a lock has run out, and a success clears everything', () => {
    const locked: LoginCounters = { failedAttempts: 5, lockedUntil: at(20).toISOString() };
    expect(afterFailure(locked, at(21))).toEqual({ failedAttempts: 1, lockedUntil: null });
    expect(afterFailure({ failedAttempts: 3, lockedUntil: null }, at(0))).toEqual({
      failedAttempts: 4,
      lockedUntil: null,
    });
    expect(AFTER_SUCCESS).toEqual({ failedAttempts: 0, lockedUntil: null });
  });
});
