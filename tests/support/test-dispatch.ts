import { SIGNED_OUT, localCaller, type CallContext } from '../../src-main/api/caller.js';
import type { Dispatch } from '../../src-main/api/dispatcher.js';
import { headlessDispatcher } from '../../src-main/hosting/system-handlers.js';
import type { SessionGate } from '../../src-main/hosting/session-gate.js';
import type { Workstation } from '../../src-main/hosting/workstation.js';

/**
 * The harness's dispatcher over a test workstation, calling as the local user `curator` in every
 * role; an unexpected internal error fails the test.
 */
export function testDispatch(ws: Workstation, host: 'harness' | 'cli' = 'harness'): Dispatch {
  return headlessDispatcher(ws, host, 'test', localCaller('curator'), (_method, error) => {
    throw error;
  });
}

/** A harness gate that runs every call through `dispatch` as it is bound: no sessions (open mode). */
export const boundGate = (dispatch: Dispatch): SessionGate => ({
  call: async (method, args) => ({ result: await dispatch(method, args), session: null }),
  admits: () => true,
  close: () => Promise.resolve(),
});

/**
 * Who a test's local user is before any login: every role while the catalogue has no accounts
 * (the transitional mode, ADR 0170), nobody once it has (only `session.login` and `system.info`
 * run) — what the hosts' session gate decides for a call without a session.
 */
export const localUserCaller = (workstation: Workstation, user: string): CallContext =>
  workstation.accountsEnabled ? SIGNED_OUT : localCaller(user);
