import { localCaller } from '../../../src-main/api/caller.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../../src-main/api/events.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { testDispatch } from '../../support/test-dispatch.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { writeNoiseRaster } from '../../support/noise-raster.js';
import { copyFixture, tempDir } from '../../support/samples.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;
let ws: Workstation;
let client: Client;

async function objectCount(): Promise<number> {
  const dirs = await readdir(path.join(home, 'store', 'objects'));
  const counts = await Promise.all(
    dirs.map(async (d) => (await readdir(path.join(home, 'store', 'objects', d))).length),
  );
  return counts.reduce((a, b) => a + b, 0);
}

beforeAll(async () => {
  scratch = await tempDir('strata-import-cancel-');
  home = path.join(scratch.dir, 'home');
  ws = await openWorkstation({ home });
  client = clientOf(testDispatch(ws, 'cli'));
});
afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

describe('cancelling an import batch', () => {
  it('keeps the files imported before, leaves nothing of the file being stored, skips the rest', async () => {
    const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const noise = await writeNoiseRaster(scratch.dir, 'noise.tif', 4000);
    const world = await copyFixture(scratch.dir, 'geojson', 'world.zh.json');
    const jobId = 'job_import0001';
    const seen: JobProgressEvent[] = [];
    const unsubscribe = ws.onEvent((event) => {
      if (event.name !== 'job.progress' || event.payload.jobId !== jobId) return;
      seen.push(event.payload);
      // Cancel while the second file's bytes are being stored, not before or after.
      const p = event.payload;
      if (p.item === 2 && p.phase === 'store' && p.done < p.total)
        void ws.handlers['jobs.cancel']({ jobId }, localCaller('curator'));
    });

    const error = await client.fail('datasets.import', { paths: [dem, noise, world], jobId });
    unsubscribe();

    expect(error).toEqual({ code: 'CANCELLED', params: {} });
    expect(seen).toContainEqual(expect.objectContaining({ phase: 'import', item: 1, items: 3 }));
    expect(seen).toContainEqual(expect.objectContaining({ phase: 'store', item: 1, items: 3 }));
    expect(seen.some((p) => p.item === 3)).toBe(false);
    const list = await client.call('datasets.list', {});
    expect(list.map((d) => d.name)).toEqual([path.basename(dem)]);
    // The first file and its display working copy (ADR 0125).
    expect(await objectCount()).toBe(2);
    expect(await readdir(path.join(home, 'store', 'tmp'))).toEqual([]);
    const audit = await client.call('audit.list', { limit: 10 });
    expect(audit.filter((e) => e.action === 'dataset.import')).toHaveLength(1);
  });
});
