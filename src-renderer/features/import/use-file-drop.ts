import { useEffect, useState } from 'react';
import { usePlatform } from '../../platform/platform-context.js';
import { addImportPaths, setDropRefused } from '../../state/app-store.js';

const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;

/**
 * Files dropped anywhere on the window go to the import dialog, as absolute paths the host reads
 * (Electron's webUtils through the preload). A browser (the harness) cannot tell paths: there the
 * drop is still taken, so the browser does not navigate away to the file, and the workspace says
 * to use the import dialog instead. Returns whether files are being dragged over the window where
 * a drop can import them.
 */
export function useFileDrop(): boolean {
  const platform = usePlatform();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const canImport = platform.kind === 'electron';
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (canImport) setOver(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setOver(false);
      if (!canImport) {
        setDropRefused('layers.dropInBrowser');
        return;
      }
      const paths = Array.from(event.dataTransfer?.files ?? [])
        .map((file) => platform.pathForFile(file))
        .filter((p): p is string => p !== null && p !== '');
      if (paths.length > 0) addImportPaths(paths);
      else setDropRefused('layers.dropNoPath');
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [platform]);
  return over;
}
