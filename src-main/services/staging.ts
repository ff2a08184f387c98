import { link, copyFile, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStore, StoredFile } from '../core/ports/index.js';

export interface Staged {
  /** Absolute path of the set's main file under its original name. */
  readonly mainPath: string;
  readonly dir: string;
  cleanup(): Promise<void>;
}

/**
 * Lays a stored file set out under its original names in a private scratch directory, so readers
 * that find sidecars by name (.shp/.dbf/.prj) see the set as it was imported. Hard links, not
 * copies, where the file system allows: the objects are read-only and never rewritten.
 */
export async function stageFiles(
  objects: ObjectStore,
  files: readonly StoredFile[],
  workDir: string,
): Promise<Staged> {
  const dir = await mkdtemp(path.join(workDir, 'stage-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.join(dir, path.basename(file.name));
      const source = objects.pathOf(file.sha256);
      await link(source, target).catch(() => copyFile(source, target));
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  const main = files[0];
  if (!main) {
    await cleanup();
    throw new Error('empty file set');
  }
  return { mainPath: path.join(dir, path.basename(main.name)), dir, cleanup };
}
