import type { CallContext } from '../api/caller.js';
import type { Handlers } from '../api/contract.js';
import {
  createDispatcher,
  forCaller,
  type ContextDispatch,
  type Dispatch,
  type DispatcherOptions,
} from '../api/dispatcher.js';
import { StrataError } from '../api/errors.js';
import { callableBy } from '../api/permissions.js';
import type { Workstation } from './workstation.js';

/** `system.*` for hosts without native dialogs (the harness and the CLI). */
export function headlessSystemHandlers(
  workstation: Workstation,
  host: 'harness' | 'cli',
  version: string,
): Pick<Handlers, 'system.info' | 'system.pickFiles'> {
  return {
    'system.info': (_args, ctx) =>
      Promise.resolve({
        version,
        user: ctx.user,
        roles: ctx.roles,
        host,
        canPickFiles: false,
        readOnly: workstation.readOnly,
        accountsEnabled: workstation.accountsEnabled,
        callable: callableBy(ctx.roles),
      }),
    'system.pickFiles': () => Promise.reject(new StrataError('UNSUPPORTED_BY_HOST')),
  };
}

/**
 * The dispatcher of a host without native dialogs (the workstation's services plus `system.*`),
 * taking the caller with each call: the harness's, from its session gate.
 */
export function headlessContextDispatcher(
  workstation: Workstation,
  host: 'harness' | 'cli',
  version: string,
  onInternalError: DispatcherOptions['onInternalError'],
): ContextDispatch {
  return createDispatcher(
    { ...workstation.handlers, ...headlessSystemHandlers(workstation, host, version) },
    { readOnly: () => workstation.readOnly, onInternalError },
  );
}

/** The same, bound to one caller: the CLI's run, a test's user. */
export const headlessDispatcher = (
  workstation: Workstation,
  host: 'harness' | 'cli',
  version: string,
  caller: CallContext,
  onInternalError: DispatcherOptions['onInternalError'],
): Dispatch => forCaller(headlessContextDispatcher(workstation, host, version, onInternalError), caller);
