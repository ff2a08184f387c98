import type { CallContext } from '../api/caller.js';
import type { Handlers } from '../api/contract.js';
import { createDispatcher, forCaller, type Dispatch, type DispatcherOptions } from '../api/dispatcher.js';
import { StrataError } from '../api/errors.js';
import type { Lang } from '../api/messages.js';
import type { Workstation } from './workstation.js';

/** The language a host renders messages in; the UI sets it with `system.setLanguage`. */
export interface LanguageSetting {
  readonly get: () => Lang;
  readonly set: (lang: Lang) => void;
}

export function languageSetting(initial: Lang): LanguageSetting {
  let current = initial;
  return {
    get: () => current,
    set: (lang) => {
      current = lang;
    },
  };
}

export const setLanguageHandler =
  (language: LanguageSetting): Handlers['system.setLanguage'] =>
  ({ lang }) => {
    language.set(lang);
    return Promise.resolve({ lang });
  };

/** `system.*` for hosts without native dialogs (the harness and the CLI). */
export function headlessSystemHandlers(
  workstation: Workstation,
  host: 'harness' | 'cli',
  language: LanguageSetting,
  version: string,
): Pick<Handlers, 'system.info' | 'system.pickFiles' | 'system.setLanguage'> {
  return {
    'system.info': (_args, ctx) =>
      Promise.resolve({
        version,
        user: ctx.user,
        host,
        canPickFiles: false,
        readOnly: workstation.readOnly,
      }),
    'system.pickFiles': () => Promise.reject(new StrataError('UNSUPPORTED_BY_HOST')),
    'system.setLanguage': setLanguageHandler(language),
  };
}

/**
 * The dispatcher of a host without native dialogs (the workstation's services plus `system.*`),
 * bound to the one caller of that host: the CLI's run, the harness's local user.
 */
export function headlessDispatcher(
  workstation: Workstation,
  host: 'harness' | 'cli',
  language: LanguageSetting,
  version: string,
  caller: CallContext,
  onInternalError: DispatcherOptions['onInternalError'],
): Dispatch {
  const dispatch = createDispatcher(
    { ...workstation.handlers, ...headlessSystemHandlers(workstation, host, language, version) },
    { lang: language.get, readOnly: () => workstation.readOnly, onInternalError },
  );
  return forCaller(dispatch, caller);
}
