import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What a bag directory holds, found without following any symbolic link. Paths are `/`-separated. */
export interface BagTree {
  /** Regular files with their sizes in bytes. */
  readonly files: ReadonlyMap<string, number>;
  readonly directories: readonly string[];
  readonly symlinks: readonly string[];
  /** FIFOs, sockets, devices: never part of a bag. */
  readonly special: readonly string[];
  /** Set when the walk stopped early at {@link WALK_LIMITS}. */
  readonly truncated: boolean;
}

/** A hostile bag cannot make the walk unbounded. */
export const WALK_LIMITS = { entries: 1_000_000, depth: 64 } as const;

/** Lists a bag directory recursively; `lstat` semantics throughout. */
export async function walkBag(root: string): Promise<BagTree> {
  const files = new Map<string, number>();
  const directories: string[] = [];
  const symlinks: string[] = [];
  const special: string[] = [];
  let entries = 0;
  let truncated = false;
  const visit = async (relative: string, depth: number): Promise<void> => {
    if (depth > WALK_LIMITS.depth) {
      truncated = true;
      return;
    }
    const listing = await readdir(relative === '' ? root : join(root, relative), { withFileTypes: true });
    for (const entry of listing) {
      entries += 1;
      if (entries > WALK_LIMITS.entries) {
        truncated = true;
        return;
      }
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) symlinks.push(path);
      else if (entry.isDirectory()) {
        directories.push(path);
        await visit(path, depth + 1);
      } else if (entry.isFile()) files.set(path, (await lstat(join(root, path))).size);
      else special.push(path);
    }
  };
  await visit('', 0);
  return { files, directories, symlinks, special, truncated };
}
