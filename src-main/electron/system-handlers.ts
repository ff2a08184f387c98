import { app, dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions } from 'electron';
import type { Handlers } from '../api/contract.js';
import type { Workstation } from '../hosting/workstation.js';
import { setLanguageHandler, type LanguageSetting } from '../hosting/system-handlers.js';

type SystemHandlers = Pick<Handlers, 'system.info' | 'system.pickFiles' | 'system.setLanguage'>;

/** File types the import dialog offers; the first entry lists every supported format. */
export const PICK_FILTERS: FileFilter[] = [
  { name: '支持的数据 (GeoTIFF, GeoJSON, Shapefile)', extensions: ['tif', 'tiff', 'geojson', 'json', 'shp'] },
  { name: 'GeoTIFF', extensions: ['tif', 'tiff'] },
  { name: 'GeoJSON', extensions: ['geojson', 'json'] },
  { name: 'Shapefile', extensions: ['shp'] },
];

/** The `system.*` methods of the Electron host (native dialogs included). */
export function systemHandlers(
  workstation: Workstation,
  window: () => BrowserWindow | null,
  language: LanguageSetting,
): SystemHandlers {
  return {
    'system.setLanguage': setLanguageHandler(language),
    'system.info': (_args, ctx) =>
      Promise.resolve({
        version: app.getVersion(),
        user: ctx.user,
        host: 'electron',
        canPickFiles: true,
        readOnly: workstation.readOnly,
      }),
    'system.pickFiles': async () => {
      const options: OpenDialogOptions = {
        title: '选择要导入的数据',
        properties: ['openFile', 'multiSelections'],
        filters: PICK_FILTERS,
      };
      const owner = window();
      const picked = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return { paths: picked.canceled ? [] : picked.filePaths };
    },
  };
}
