// A tiny sparse GeoTIFF can claim ten billion pixels. A release of one is budgeted from its header
// before any pixel is decoded (refused above RELEASE_MAX_SOURCE_PIXELS), and what is accepted runs
// in a worker thread with progress and cancel while other calls go on (ADR 0085).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { Client } from '../../support/contract-client.js';
import { gdal } from '../../support/gdal.js';
import { signingSuite } from '../../support/signing-team.js';
import { readyForRelease } from '../../support/release-ready.js';

const suite = signingSuite();

/** `size` × `size` at 10 m (EPSG:4545), tiled, every tile left out of the file. */
async function sparseTiff(name: string, size: number, type: 'Byte' | 'Int16' | 'Float32'): Promise<string> {
  const file = path.join(suite.dir, name);
  const extent = ['400000', '3000000', String(400_000 + size * 10), String(3_000_000 - size * 10)];
  await gdal('gdal_create', [
    ...['-of', 'GTiff', '-outsize', String(size), String(size), '-bands', '1', '-ot', type],
    ...(type === 'Float32' ? ['-a_nodata', '-9999'] : []),
    ...['-co', 'TILED=YES', '-co', 'SPARSE_OK=TRUE', '-a_srs', 'EPSG:4545', '-a_ullr', ...extent],
    file,
  ]);
  return file;
}

async function importOne(file: string): Promise<string> {
  const [dataset] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
  if (!dataset) throw new Error(`import ${file}`);
  return dataset.id;
}

const elapsedMs = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

describe('releases of sparse rasters that claim billions of pixels', () => {
  it('140,000 × 140,000 (above the budget) is refused from its header, naming the size, in both languages', async () => {
    const file = await sparseTiff('sparse-140k.tif', 140_000, 'Float32');
    expect((await stat(file)).size).toBeLessThan(8 << 20);
    const id = await importOne(file);
    let refused: Awaited<ReturnType<Client['fail']>> | undefined;
    // Decoding its 300,000 empty tiles would take minutes; a header check takes milliseconds.
    expect(
      await elapsedMs(async () => {
        refused = await suite.client.fail('release.create', { id });
      }),
    ).toBeLessThan(20_000);
    expect(refused?.code).toBe('RELEASE_REFUSED');
    expect(refused?.params).toMatchObject({ reason: 'reason.rasterTooLarge' });
    const en = renderMessage('error.RELEASE_REFUSED', refused?.params ?? {}, 'en');
    expect(en).toContain('140,000 × 140,000 pixels');
    expect(en).toContain('17,179,869,184-pixel limit');
    const zh = renderMessage('error.RELEASE_REFUSED', refused?.params ?? {}, 'zh-CN');
    expect(zh).toContain('原始栅格为 140,000 × 140,000 像元');
    expect((await suite.client.call('datasets.get', { id })).publicVersions).toEqual([]);
    expect(await readdir(path.join(suite.home, 'work'))).toEqual([]);
  });

  it('100,000 × 100,000 Byte imagery (kept at its 10 m grid) is refused before decoding: the output would pass 4 GiB', async () => {
    const id = await importOne(await sparseTiff('sparse-100k-byte.tif', 100_000, 'Byte'));
    await readyForRelease(suite.team, id);
    const refused = await suite.client.fail('release.create', { id });
    expect(refused.code).toBe('TOO_LARGE');
    expect(refused.params).toMatchObject({ file: 'sparse-100k-byte.tif', problem: 'problem.output4GiB' });
    expect(renderMessage('error.TOO_LARGE', refused.params, 'en')).toContain(
      'sparse-100k-byte.tif (output would exceed 4 GiB',
    );
    expect(await readdir(path.join(suite.home, 'work'))).toEqual([]);
  });

  it('100,000 × 100,000 Int16 DEM (empty tiles read as 0) runs off the loop, other calls answer, cancel stops it cleanly', async () => {
    const file = await sparseTiff('sparse-100k-int16.tif', 100_000, 'Int16');
    const id = await importOne(file);
    await readyForRelease(suite.team, id);
    const jobId = 'job_sparseint1601';
    const resampling = new Promise<void>((resolve) => {
      const stop = suite.ws.onEvent((event) => {
        if (
          event.name === 'job.progress' &&
          event.payload.jobId === jobId &&
          event.payload.phase === 'resample'
        ) {
          stop();
          resolve();
        }
      });
    });
    let settled = false;
    const release = suite.client.fail('release.create', { id, jobId }).finally(() => {
      settled = true;
    });
    // A release that fails before resampling must fail the test, not leave it waiting.
    await Promise.race([resampling, release.then((e) => Promise.reject(new Error(JSON.stringify(e))))]);
    // Ten billion pixels are minutes of work; meanwhile the loop is free for other calls.
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) waits.push(await elapsedMs(() => suite.client.call('datasets.list', {})));
    expect(settled).toBe(false);
    console.log(`datasets.list during the sparse resample: ${waits.map((w) => w.toFixed(1)).join(', ')} ms`);
    expect(Math.max(...waits)).toBeLessThan(1_000);

    expect(await suite.client.call('jobs.cancel', { jobId })).toEqual({ cancelled: true });
    const error = await release;
    expect(error.code).toBe('CANCELLED');
    expect((await suite.client.call('datasets.get', { id })).publicVersions).toEqual([]);
    expect(await readdir(path.join(suite.home, 'work'))).toEqual([]);
    expect(await readdir(path.join(suite.home, 'store', 'tmp'))).toEqual([]);
  });

  it('100,000 × 100,000 Float32 with nodata: empty tiles carry no weight and are skipped, so it completes', async () => {
    const file = await sparseTiff('sparse-100k-f32.tif', 100_000, 'Float32');
    const id = await importOne(file);
    await readyForRelease(suite.team, id);
    const released = await suite.client.call('release.create', { id });
    expect(released.dataset.status).toBe('public-version');
    expect([released.dataset.width, released.dataset.height]).toEqual([10_000, 10_000]);
    expect(released.dataset.pixelSize).toEqual([100, 100]);
  });
});
