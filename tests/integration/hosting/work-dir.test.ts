import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { openWorkDir } from '../../../src-main/hosting/work-dir.js';
import { tempDir } from '../../support/samples.js';

describe('the shared scratch folder of a data directory', () => {
  it('a start keeps what another process is writing and removes only a crashed run’s day-old leftovers', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const work = path.join(dir, 'work');
      await mkdir(path.join(work, 'release-busy'), { recursive: true });
      await writeFile(path.join(work, 'release-busy', 'part.tif'), 'x');
      await mkdir(path.join(work, 'release-crashed'));
      const now = new Date('2026-12-04T20:00:00Z');
      const twoDaysAgo = new Date(now.getTime() - 2 * 24 * 3600 * 1000);
      await utimes(path.join(work, 'release-crashed'), twoDaysAgo, twoDaysAgo);
      await utimes(path.join(work, 'release-busy'), now, now);
      await openWorkDir(work, now);
      expect(await readdir(work)).toEqual(['release-busy']);
    } finally {
      await cleanup();
    }
  });

  it('a second workstation on the same home opening and closing leaves the first one’s scratch alone', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const home = path.join(dir, 'home');
      const first = await openWorkstation({ home });
      await mkdir(path.join(home, 'work', 'release-running'));
      const second = await openWorkstation({ home });
      await second.close();
      expect(await readdir(path.join(home, 'work'))).toEqual(['release-running']);
      await first.close();
    } finally {
      await cleanup();
    }
  });
});
