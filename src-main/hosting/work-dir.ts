import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Scratch left this long ago is a crashed run's: no job of a running process is that old. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the data directory's shared scratch folder (`work/`). The app, the harness and CLI runs
 * may use one data directory at the same time (a reviewer approving from the command line while
 * the app is open), so a start must not clear what another process's job is writing: each job
 * removes its own scratch, and only entries older than a day (a crash's leftovers) go here.
 */
export async function openWorkDir(workDir: string, now: Date): Promise<void> {
  await mkdir(workDir, { recursive: true });
  for (const name of await readdir(workDir)) {
    const entry = path.join(workDir, name);
    const modified = await stat(entry).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (modified !== null && now.getTime() - modified > STALE_MS)
      await rm(entry, { recursive: true, force: true });
  }
}
