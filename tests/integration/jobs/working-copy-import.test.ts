// The display working copy at import (ADR 0125), through the workstation as the app and the CLI
// run it: the import returns once the copy is stored and named as the dataset's display file;
// cancelling while it is written leaves no record and no derived object.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCaller } from '../../../src-main/api/caller.js';
import type { JobProgressEvent } from '../../../src-main/api/events.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { gdalinfo, runCommand } from '../../support/gdal.js';
import { writeNoiseRaster } from '../../support/noise-raster.js';
import { ROOT, copyFixture, tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  scratch = await tempDir('strata-working-copy-import-');
});
afterAll(async () => {
  await scratch.cleanup();
});

async function objects(home: string): Promise<string[]> {
  const root = path.join(home, 'store', 'objects');
  const dirs = await readdir(root);
  const names = await Promise.all(
    dirs.map(async (d) => (await readdir(path.join(root, d))).map((n) => d + n)),
  );
  return names.flat();
}

async function open(name: string): Promise<{ ws: Workstation; client: Client; home: string }> {
  const home = path.join(scratch.dir, name);
  const ws = await openWorkstation({ home });
  return { ws, client: clientOf(testDispatch(ws, 'cli')), home };
}

type Checksummed = Awaited<ReturnType<typeof gdalinfo>> & {
  bands: { checksum: number; overviews?: { size: [number, number] }[] }[];
};

describe('working copy at import', () => {
  it('serves a copy with overviews and the same pixels as the display file, the original kept', async () => {
    const { ws, client, home } = await open('done');
    try {
      const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
      const seen: JobProgressEvent[] = [];
      const off = ws.onEvent((event) => {
        if (event.name === 'job.progress' && event.payload.jobId === 'job_copy00001')
          seen.push(event.payload);
      });
      const result = await client.call('datasets.import', { paths: [dem], jobId: 'job_copy00001' });
      off();
      expect(seen.some((p) => p.phase === 'overviews')).toBe(true);
      const id = result.datasets[0]?.id ?? '';
      const served = await ws.resolveFile(`datasets/${id}/display`);
      expect(served?.contentType).toBe('image/tiff');
      const servedPath = served && 'path' in served ? served.path : '';
      const stored = await objects(home);
      expect(stored).toHaveLength(2);
      const copy = (await gdalinfo(servedPath, '-checksum')) as Checksummed;
      const original = (await gdalinfo(dem, '-checksum')) as Checksummed;
      expect(copy.bands[0]?.checksum).toBe(original.bands[0]?.checksum);
      expect(copy.bands[0]?.overviews?.length).toBeGreaterThan(0);
      expect(original.bands[0]?.overviews ?? []).toEqual([]);
      const audit = await client.call('audit.list', { limit: 5 });
      const entry = audit.find((e) => e.action === 'dataset.import');
      expect(entry?.details['displaySha256']).toBe(
        path.basename(path.dirname(servedPath)) + path.basename(servedPath),
      );
    } finally {
      await ws.close();
    }
  });

  it('strata import returns once the copy is stored: the display file has overviews as the command exits', async () => {
    const home = path.join(scratch.dir, 'cli');
    const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guangxi_dem_cgcs2000_geo.tif');
    const result = await runCommand(process.execPath, [
      path.join(ROOT, 'bin', 'strata.js'),
      '--home',
      home,
      '--json',
      'import',
      dem,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const stored = await objects(home);
    expect(stored).toHaveLength(2);
    const infos = await Promise.all(
      stored.map(
        async (key) =>
          (await gdalinfo(path.join(home, 'store', 'objects', key.slice(0, 2), key.slice(2)))) as Checksummed,
      ),
    );
    expect(infos.filter((i) => (i.bands[0]?.overviews ?? []).length > 0)).toHaveLength(1);
  });

  it('cancelling while the copy is written leaves no record and no derived object', async () => {
    const { ws, client, home } = await open('cancel');
    try {
      // 3000² × 2 Float32 tiles: enough blocks to be stopped half-way.
      const noise = await writeNoiseRaster(scratch.dir, 'noise.tif', 3000);
      const jobId = 'job_copy00002';
      const phases = new Set<string>();
      const off = ws.onEvent((event) => {
        if (event.name !== 'job.progress' || event.payload.jobId !== jobId) return;
        const p = event.payload;
        phases.add(p.phase);
        if (p.phase === 'overviews' && p.done > 0 && p.done < p.total)
          void ws.handlers['jobs.cancel']({ jobId }, localCaller('curator'));
      });
      const error = await client.fail('datasets.import', { paths: [noise], jobId });
      off();
      expect(phases.has('overviews')).toBe(true);
      expect(error).toEqual({ code: 'CANCELLED', params: {} });
      expect(await client.call('datasets.list', {})).toEqual([]);
      // Only the original's bytes, unreferenced (as a cancel while storing a set leaves them).
      expect(await objects(home)).toHaveLength(1);
      expect(await readdir(path.join(home, 'store', 'tmp'))).toEqual([]);
      expect((await readdir(path.join(home, 'work'))).filter((n) => n.includes('display'))).toEqual([]);
    } finally {
      await ws.close();
    }
  });
});
