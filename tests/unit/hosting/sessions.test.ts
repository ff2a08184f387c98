import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_LIMIT_MS,
  IDLE_LIMIT_MS,
  createSessionTable,
  type SessionTableOptions,
} from '../../../src-main/hosting/sessions.js';

const CURATOR = { user: 'wang.wu', roles: ['curator'] } as const;
const REVIEWER = { user: 'li.na', roles: ['reviewer'] } as const;
const MINUTE = 60_000;

function table(options: Partial<SessionTableOptions> = {}) {
  const clock = { now: 1_000_000 };
  const sessions = createSessionTable({ now: () => clock.now, ...options });
  return { clock, sessions };
}

describe('session table', () => {
  it('gives each login a fresh 32-byte random id', () => {
    const { sessions } = table();
    const ids = new Set(Array.from({ length: 50 }, () => sessions.create(CURATOR)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers the caller of a live session, and "unknown" for any other id', () => {
    const { sessions } = table();
    const id = sessions.create(CURATOR);
    expect(sessions.lookup(id)).toEqual({ state: 'active', caller: CURATOR });
    expect(sessions.lookup('0'.repeat(64)).state).toBe('unknown');
    expect(sessions.lookup('').state).toBe('unknown');
  });

  it('expires a session idle for 30 minutes; each use restarts the idle time', () => {
    const { clock, sessions } = table();
    const id = sessions.create(CURATOR);
    clock.now += IDLE_LIMIT_MS - 1;
    expect(sessions.lookup(id).state).toBe('active');
    clock.now += IDLE_LIMIT_MS - 1;
    expect(sessions.lookup(id).state).toBe('active');
    clock.now += IDLE_LIMIT_MS;
    expect(sessions.lookup(id).state).toBe('expired');
    // It is gone: presenting it again still says why, and it never comes back.
    expect(sessions.lookup(id).state).toBe('expired');
    expect(sessions.size).toBe(0);
  });

  it('ends a session at its absolute limit however busy it is', () => {
    const { clock, sessions } = table();
    const id = sessions.create(CURATOR);
    const start = clock.now;
    while (clock.now + 10 * MINUTE < start + ABSOLUTE_LIMIT_MS) {
      clock.now += 10 * MINUTE;
      expect(sessions.lookup(id).state).toBe('active');
    }
    clock.now = start + ABSOLUTE_LIMIT_MS;
    expect(sessions.lookup(id).state).toBe('expired');
  });

  it('a logout ends the session: its id is unknown afterwards, and ending twice gives nothing', () => {
    const { sessions } = table();
    const id = sessions.create(CURATOR);
    expect(sessions.end(id)).toEqual(CURATOR);
    expect(sessions.lookup(id).state).toBe('unknown');
    expect(sessions.end(id)).toBeNull();
  });

  it('ending an expired session returns no caller (nobody was logged in any more)', () => {
    const { clock, sessions } = table({ idleMs: MINUTE });
    const id = sessions.create(CURATOR);
    clock.now += MINUTE;
    expect(sessions.end(id)).toBeNull();
  });

  it('ends every session of a disabled user and gives new roles to a user whose roles changed', () => {
    const { sessions } = table();
    const a = sessions.create(CURATOR);
    const b = sessions.create(CURATOR);
    const c = sessions.create(REVIEWER);
    sessions.endUser('wang.wu');
    expect([sessions.lookup(a).state, sessions.lookup(b).state]).toEqual(['unknown', 'unknown']);
    sessions.setRoles('li.na', ['reviewer', 'publisher']);
    expect(sessions.lookup(c)).toEqual({
      state: 'active',
      caller: { user: 'li.na', roles: ['reviewer', 'publisher'] },
    });
  });

  it('keeps at most `max` sessions: expired ones go first, then the one used longest ago', () => {
    const { clock, sessions } = table({ max: 2, idleMs: 10 * MINUTE });
    const old = sessions.create(CURATOR);
    clock.now += MINUTE;
    const recent = sessions.create(REVIEWER);
    clock.now += MINUTE;
    expect(sessions.lookup(old).state).toBe('active');
    clock.now += MINUTE;
    // `recent` is now the one used longest ago.
    const third = sessions.create(CURATOR);
    expect(sessions.size).toBe(2);
    expect(sessions.lookup(recent).state).toBe('unknown');
    expect(sessions.lookup(old).state).toBe('active');
    expect(sessions.lookup(third).state).toBe('active');
    clock.now += 10 * MINUTE;
    sessions.create(REVIEWER);
    expect(sessions.size).toBe(1);
  });
});
