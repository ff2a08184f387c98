// The resampler that releases use (ADR 0085): the same bytes as the in-process resample, progress
// across the thread boundary, and a cancel or close that leaves nothing behind, whether the worker
// stops by itself or is terminated.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResampler, resampleToPublic } from '../../../src-main/node/raster/index.js';
import { writeNoiseRaster } from '../../support/noise-raster.js';
import { tempDir } from '../../support/samples.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let noise: string;

beforeAll(async () => {
  scratch = await tempDir('strata-resample-worker-');
  // 3000² × 2 bands Float32 (72 MB), kept at its grid: enough blocks to stop half-way.
  noise = await writeNoiseRaster(scratch.dir, 'noise.tif', 3000);
});
afterAll(async () => {
  await scratch.cleanup();
});

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** Output folder for one case, empty at the start. */
async function outDir(name: string): Promise<string> {
  const dir = path.join(scratch.dir, name);
  await mkdir(dir);
  return dir;
}

describe('resampler in a worker thread', () => {
  it('writes the same bytes as the in-process resample and reports progress to the last block', async () => {
    const dir = await outDir('same');
    const resampler = createResampler();
    try {
      const progress: [number, number][] = [];
      const info = await resampler.resampleToPublic(noise, path.join(dir, 'worker.tif'), [10, 10], {
        onProgress: (done, total) => progress.push([done, total]),
      });
      await resampleToPublic(noise, path.join(dir, 'local.tif'), [10, 10]);
      expect([info.width, info.height, info.bandCount]).toEqual([1500, 1500, 2]);
      const local = await sha256(path.join(dir, 'local.tif'));
      expect(await sha256(path.join(dir, 'worker.tif'))).toBe(local);
      // The next call runs on the worker kept from the first: same bytes again.
      await resampler.resampleToPublic(noise, path.join(dir, 'again.tif'), [10, 10]);
      expect(await sha256(path.join(dir, 'again.tif'))).toBe(local);
      expect(progress.length).toBeGreaterThanOrEqual(2);
      const total = progress[0]?.[1] ?? 0;
      expect(progress.every(([, t]) => t === total)).toBe(true);
      expect(progress.at(-1)).toEqual([total, total]);
    } finally {
      await resampler.close();
    }
  });

  it('an abort during the work rejects CANCELLED and leaves no file, with or without the grace period', async () => {
    for (const cancelGraceMs of [5_000, 0]) {
      const dir = await outDir(`cancel-${String(cancelGraceMs)}`);
      const resampler = createResampler({ cancelGraceMs });
      try {
        const controller = new AbortController();
        // Aborted from the first progress report: the worker is mid-way whatever the machine's speed.
        const run = resampler.resampleToPublic(noise, path.join(dir, 'out.tif'), [5, 5], {
          signal: controller.signal,
          onProgress: () => {
            controller.abort();
          },
        });
        await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
        expect(await readdir(dir)).toEqual([]);
      } finally {
        await resampler.close();
      }
    }
  });

  it('close() stops running work with CANCELLED, cleans up, and refuses later calls', async () => {
    const dir = await outDir('close');
    const resampler = createResampler();
    const closing: Promise<void>[] = [];
    const run = resampler.resampleToPublic(noise, path.join(dir, 'out.tif'), [5, 5], {
      onProgress: () => {
        if (closing.length === 0) closing.push(resampler.close());
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    await Promise.all(closing);
    expect(await readdir(dir)).toEqual([]);
    await expect(
      resampler.resampleToPublic(noise, path.join(dir, 'again.tif'), [5, 5]),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
