import { app, dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import type { Handlers } from '../api/contract.js';
import type { Workstation } from '../hosting/workstation.js';
import { callableBy } from '../api/permissions.js';
import { renderMessage, type Lang } from '../api/messages.js';
import { dialogFilters } from '../core/formats/registry.js';

type SystemHandlers = Pick<Handlers, 'system.info' | 'system.pickFiles'>;

/**
 * File types the import dialog offers, named in `lang`, from the format registry; the first entry
 * lists every supported format.
 */
export function pickFilters(lang: Lang): FileFilter[] {
  const each = dialogFilters(lang);
  return [
    { name: renderMessage('dialog.supportedFiles', {}, lang), extensions: each.flatMap((f) => f.extensions) },
    ...each,
  ];
}

/** The `system.*` methods of the Electron host (native dialogs included). */
export function systemHandlers(workstation: Workstation, window: () => BrowserWindow | null): SystemHandlers {
  return {
    'system.info': (_args, ctx) =>
      Promise.resolve({
        version: app.getVersion(),
        user: ctx.user,
        roles: ctx.roles,
        host: 'electron',
        canPickFiles: true,
        readOnly: workstation.readOnly,
        accountsEnabled: workstation.accountsEnabled,
        callable: callableBy(ctx.roles),
      }),
    'system.pickFiles': async ({ lang = 'zh-CN' }) => {
      const options: OpenDialogOptions = {
        title: renderMessage('dialog.pickTitle', {}, lang),
        properties: ['openFile', 'multiSelections'],
        filters: pickFilters(lang),
      };
      const owner = window();
      const picked = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return { paths: picked.canceled ? [] : picked.filePaths };
    },
  };
}
