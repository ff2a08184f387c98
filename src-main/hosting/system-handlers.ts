import type { Handlers } from '../api/contract.js';
import { createDispatcher, type Dispatch, type DispatcherOptions } from '../api/dispatcher.js';
import { StrataError } from '../api/errors.js';
import type { Workstation } from './workstation.js';

/** `system.*` for hosts without native dialogs (the harness and the CLI). */
export function headlessSystemHandlers(
  workstation: Workstation,
  host: 'harness' | 'cli',
  version: string,
): Pick<Handlers, 'system.info' | 'system.pickFiles'> {
  return {
    'system.info': () =>
      Promise.resolve({
        version,
        user: workstation.user,
        host,
        canPickFiles: false,
        readOnly: workstation.readOnly,
      }),
    'system.pickFiles': () => Promise.reject(new StrataError('UNSUPPORTED_BY_HOST')),
  };
}

/** The dispatcher of a host without native dialogs: the workstation's services plus `system.*`. */
export function headlessDispatcher(
  workstation: Workstation,
  host: 'harness' | 'cli',
  version: string,
  onInternalError: DispatcherOptions['onInternalError'],
): Dispatch {
  return createDispatcher(
    { ...workstation.handlers, ...headlessSystemHandlers(workstation, host, version) },
    { onInternalError },
  );
}
