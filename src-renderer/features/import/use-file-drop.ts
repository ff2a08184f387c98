import { useEffect, useState } from 'react';
import { usePlatform } from '../../platform/platform-context.js';
import { addImportPaths } from '../../state/app-store.js';

const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;

/**
 * Files dropped anywhere on the window go to the import dialog, as absolute paths the host reads
 * (Electron's webUtils through the preload). In the harness a browser cannot tell paths, so drops
 * are ignored there. Returns whether files are being dragged over the window.
 */
export function useFileDrop(): boolean {
  const platform = usePlatform();
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (platform.kind !== 'electron') return undefined;
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setOver(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setOver(false);
      const paths = Array.from(event.dataTransfer?.files ?? [])
        .map((file) => platform.pathForFile(file))
        .filter((p): p is string => p !== null && p !== '');
      if (paths.length > 0) addImportPaths(paths);
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
