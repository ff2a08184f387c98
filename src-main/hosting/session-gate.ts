import { createHash } from 'node:crypto';
import { SIGNED_OUT, type CallContext } from '../api/caller.js';
import { ANYONE, isMethodName, policyOf } from '../api/contract.js';
import type { ContextDispatch } from '../api/dispatcher.js';
import type { ErrorCode, Result } from '../api/errors.js';
import type { AccountView } from '../api/types.js';
import type { SessionTable } from './sessions.js';

// Between a host's transport and the dispatcher (ADR 0175): which caller a call with a given
// session id acts as, and what the client holds afterwards. The harness keeps the id in an
// HttpOnly cookie, Electron per window; neither host decides anything about sessions itself.

/** Why a session ended, as its audit entry says. */
export type SessionEnd = 'logout' | 'closed';

/** What the gate needs of the workstation: the live mode and the audit of sessions. */
export interface GatedWorkstation {
  /** Read on every call, so enabling accounts takes effect at once. */
  readonly accountsEnabled: boolean;
  recordSession(
    action: 'session.login' | 'session.logout',
    caller: CallContext,
    details: Readonly<Record<string, string>>,
  ): Promise<void>;
}

export interface SessionGateOptions {
  /** The host's dispatcher (its own `system.*` included). */
  readonly dispatch: ContextDispatch;
  readonly workstation: GatedWorkstation;
  readonly sessions: SessionTable;
  /** Who calls while the catalogue has no accounts (ADR 0170's open mode): the local user, every role. */
  readonly localUser: CallContext;
  /**
   * With accounts, who a call without a live session acts as; nobody unless given. Only the
   * harness gives one: the `--user` it was started logged in as (development and e2e).
   */
  readonly withoutSession?: CallContext;
}

/** The outcome of one call, and the session id the client holds after it (null: none). */
export interface GateAnswer {
  readonly result: Result<unknown>;
  readonly session: string | null;
}

export interface SessionGate {
  /** Runs a call made with `session` (null when the client holds none). */
  call(method: string, args: unknown, session: string | null): Promise<GateAnswer>;
  /** Whether a client with `session` may read stored files (any live session may). */
  admits(session: string | null): boolean;
  /** Ends a session the client can no longer use (its window closed); audited. */
  close(session: string): Promise<void>;
}

/** Names a session in the audit log without giving away its id, so a login and its logout pair up. */
export const sessionRef = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 16);

const refusal = (code: ErrorCode): Result<never> => ({ ok: false, error: { code, params: {} } });

export function createSessionGate(options: SessionGateOptions): SessionGate {
  const { dispatch, workstation, sessions } = options;

  async function end(id: string, reason: SessionEnd): Promise<void> {
    const caller = sessions.end(id);
    if (caller !== null)
      await workstation.recordSession('session.logout', caller, { session: sessionRef(id), reason });
  }

  async function login(args: unknown, held: string | null): Promise<GateAnswer> {
    const result = await dispatch('session.login', args, SIGNED_OUT);
    if (!result.ok) return { result, session: held };
    // A new id at every login: whoever had the old one (or planted it) gets nothing.
    if (held !== null) await end(held, 'logout');
    const caller = result.value as CallContext;
    const id = sessions.create(caller);
    await workstation.recordSession('session.login', caller, { session: sessionRef(id) });
    return { result, session: id };
  }

  /** Sessions follow what an administrator did to an account: a disabled one ends, new roles apply. */
  function follow(method: string, result: Result<unknown>): void {
    if (!result.ok) return;
    const account = result.value as AccountView;
    if (method === 'users.disable') sessions.endUser(account.name);
    if (method === 'users.setRole') sessions.setRoles(account.name, account.roles);
  }

  return {
    async call(method, args, held) {
      if (!workstation.accountsEnabled)
        return { result: await dispatch(method, args, options.localUser), session: null };
      if (method === 'session.login') return login(args, held);
      const found = held === null ? ({ state: 'unknown' } as const) : sessions.lookup(held);
      if (found.state === 'active') {
        const result = await dispatch(method, args, found.caller);
        follow(method, result);
        if (method === 'session.logout' && result.ok && held !== null) {
          await end(held, 'logout');
          return { result, session: null };
        }
        return { result, session: held };
      }
      if (options.withoutSession !== undefined)
        return { result: await dispatch(method, args, options.withoutSession), session: null };
      // Without a live session only what a login screen needs runs, as nobody.
      if (isMethodName(method) && policyOf(method).roles !== ANYONE)
        return {
          result: refusal(found.state === 'expired' ? 'SESSION_EXPIRED' : 'SESSION_REQUIRED'),
          session: null,
        };
      return { result: await dispatch(method, args, SIGNED_OUT), session: null };
    },
    admits(held) {
      if (!workstation.accountsEnabled || options.withoutSession !== undefined) return true;
      return held !== null && sessions.lookup(held).state === 'active';
    },
    close: (id) => end(id, 'closed'),
  };
}
