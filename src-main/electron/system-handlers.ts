import { app, dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import type { Handlers } from '../api/contract.js';
import type { Workstation } from '../hosting/workstation.js';
import { renderMessage, type Lang } from '../api/messages.js';

type SystemHandlers = Pick<Handlers, 'system.info' | 'system.pickFiles'>;

/** File types the import dialog offers, named in `lang`; the first entry lists every supported format. */
export const pickFilters = (lang: Lang): FileFilter[] => [
  {
    name: renderMessage('dialog.supportedFiles', {}, lang),
    extensions: ['tif', 'tiff', 'geojson', 'json', 'shp'],
  },
  { name: 'GeoTIFF', extensions: ['tif', 'tiff'] },
  { name: 'GeoJSON', extensions: ['geojson', 'json'] },
  { name: 'Shapefile', extensions: ['shp'] },
];

/** The `system.*` methods of the Electron host (native dialogs included). */
export function systemHandlers(workstation: Workstation, window: () => BrowserWindow | null): SystemHandlers {
  return {
    'system.info': (_args, ctx) =>
      Promise.resolve({
        version: app.getVersion(),
        user: ctx.user,
        host: 'electron',
        canPickFiles: true,
        readOnly: workstation.readOnly,
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
