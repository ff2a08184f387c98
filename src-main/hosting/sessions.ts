import { randomBytes } from 'node:crypto';
import type { CallContext, Role } from '../api/caller.js';

// The sessions a host keeps for its logged-in callers (ADR 0175): in memory only, so a restart
// signs everybody out; the id is the only secret and never reaches the audit log.

/** A session ends after this long without a call (30 minutes). */
export const IDLE_LIMIT_MS = 30 * 60 * 1000;
/** And in any case this long after its login (12 hours): a working day, not a week. */
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** At most this many sessions at once; a login past it ends the one used longest ago. */
export const MAX_SESSIONS = 256;

export interface SessionTableOptions {
  /** The time in milliseconds; tests pass a fake one. */
  readonly now: () => number;
  readonly idleMs?: number;
  readonly absoluteMs?: number;
  readonly max?: number;
  /** A new session id: 32 random bytes as hex unless a test says otherwise. */
  readonly newId?: () => string;
}

/** What a session id stands for at the moment it is presented. */
export type SessionLookup =
  | { readonly state: 'active'; readonly caller: CallContext }
  /** It was a session, but its idle or absolute limit has passed (it is gone now). */
  | { readonly state: 'expired' }
  /** Never a session here, ended by a logout, or forgotten. */
  | { readonly state: 'unknown' };

export interface SessionTable {
  /** A new session for `caller`; returns its id. */
  create(caller: CallContext): string;
  /** The caller of a live session, counting this as a use; an expired one is ended. */
  lookup(id: string): SessionLookup;
  /** Ends a session; returns its caller, or null when it was not live. */
  end(id: string): CallContext | null;
  /** Ends every session of `user` (their account was disabled). */
  endUser(user: string): void;
  /** Gives every session of `user` these roles (an administrator changed them). */
  setRoles(user: string, roles: readonly Role[]): void;
  /** How many sessions are live (for tests and diagnostics). */
  readonly size: number;
}

interface Entry {
  caller: CallContext;
  readonly createdAt: number;
  lastUsedAt: number;
}

export function createSessionTable(options: SessionTableOptions): SessionTable {
  const idleMs = options.idleMs ?? IDLE_LIMIT_MS;
  const absoluteMs = options.absoluteMs ?? ABSOLUTE_LIMIT_MS;
  const max = options.max ?? MAX_SESSIONS;
  const newId = options.newId ?? ((): string => randomBytes(32).toString('hex'));
  const entries = new Map<string, Entry>();
  /** Ids of sessions that ran out, kept (bounded) so presenting one again says "expired". */
  const expired = new Set<string>();

  const expiresAt = (entry: Entry): number =>
    Math.min(entry.lastUsedAt + idleMs, entry.createdAt + absoluteMs);

  const expire = (id: string): void => {
    entries.delete(id);
    expired.add(id);
    if (expired.size > max) {
      const oldest = expired.values().next();
      if (!oldest.done) expired.delete(oldest.value);
    }
  };

  /** Drops the sessions that ran out; then, if still full, the one used longest ago. */
  const makeRoom = (now: number): void => {
    for (const [id, entry] of entries) if (expiresAt(entry) <= now) expire(id);
    if (entries.size < max) return;
    let stalest: [string, Entry] | null = null;
    for (const pair of entries)
      if (stalest === null || pair[1].lastUsedAt < stalest[1].lastUsedAt) stalest = pair;
    if (stalest) entries.delete(stalest[0]);
  };

  return {
    create(caller) {
      const now = options.now();
      makeRoom(now);
      const id = newId();
      entries.set(id, { caller, createdAt: now, lastUsedAt: now });
      return id;
    },
    lookup(id) {
      const entry = entries.get(id);
      if (entry === undefined) return { state: expired.has(id) ? 'expired' : 'unknown' };
      const now = options.now();
      if (expiresAt(entry) <= now) {
        expire(id);
        return { state: 'expired' };
      }
      entry.lastUsedAt = now;
      return { state: 'active', caller: entry.caller };
    },
    end(id) {
      const entry = entries.get(id);
      expired.delete(id);
      if (entry === undefined) return null;
      entries.delete(id);
      return expiresAt(entry) <= options.now() ? null : entry.caller;
    },
    endUser(user) {
      for (const [id, entry] of entries) if (entry.caller.user === user) entries.delete(id);
    },
    setRoles(user, roles) {
      for (const entry of entries.values())
        if (entry.caller.user === user) entry.caller = { user, roles: [...roles] };
    },
    get size() {
      return entries.size;
    },
  };
}
