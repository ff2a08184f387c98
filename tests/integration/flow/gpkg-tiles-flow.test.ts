// A GeoPackage tile table through the whole archive flow (ADR 0181): imported as a raster beside
// nothing else, shown from its GeoTIFF working copy (the pixels identify reads are GDAL's), reviewed
// from the re-opened file, and released from the copy — the one decoding of its tiles.
import { execFileSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { TILES_DIR } from '../../fixtures/gpkg-tiles.js';
import { fixture } from '../../fixtures/index.js';
import type { Client } from '../../support/contract-client.js';
import { gdalinfo } from '../../support/gdal.js';
import { readyForRelease } from '../../support/release-ready.js';
import { tempDir } from '../../support/samples.js';
import { signingTeam, type SigningTeam } from '../../support/signing-team.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let team: SigningTeam;
let client: Client;

beforeAll(async () => {
  scratch = await tempDir('strata-gpkg-tiles-flow-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  team = await signingTeam(ws);
  client = team.curator;
});
afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

const valuesAt = (source: string, x: number, y: number): number[] =>
  execFileSync('gdallocationinfo', ['-valonly', source, String(x), String(y)], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .map(Number);

describe('a GeoPackage tile table in the archive', () => {
  it('imports as a raster, is shown from its working copy with GDAL’s pixels, reviews and is released', async () => {
    const gpkg = path.join(scratch.dir, 'rgb_png.gpkg');
    await cp(fixture(TILES_DIR, 'rgb_png.gpkg'), gpkg);
    const { datasets, failures } = await client.call('datasets.import', { paths: [gpkg] });
    expect(failures).toEqual([]);
    const [dataset, ...rest] = datasets;
    if (!dataset) throw new Error('import');
    expect(rest).toEqual([]);
    expect(dataset).toMatchObject({
      kind: 'raster',
      format: 'GeoPackage',
      layer: '地形图',
      crs: 'EPSG:4547',
      width: 700,
      height: 500,
      bandCount: 3,
    });
    const { display } = await client.call('datasets.get', { id: dataset.id });
    expect(display.contentType).toBe('image/tiff');
    const served = await ws.resolveFile(display.path);
    if (!served || !('path' in served)) throw new Error('no display file on disk');
    const shown = await gdalinfo(served.path);
    expect(shown.geoTransform).toEqual([500000, 10, 0, 2800000, 0, -10]);
    expect(shown.stac?.['proj:epsg']).toBe(4547);
    // Identify reads the copy: the values at a pixel are the ones GDAL reads from the tiles.
    for (const [x, y] of [
      [0, 0],
      [255, 255],
      [256, 256],
      [699, 499],
      [512, 100],
    ] as const)
      expect(valuesAt(served.path, x, y)).toEqual(valuesAt(`GPKG:${gpkg}:地形图`, x, y));

    const review = await client.call('review.run', { id: dataset.id });
    expect(review.datasetId).toBe(dataset.id);

    await readyForRelease(team, dataset.id);
    const released = await client.call('release.create', { id: dataset.id });
    expect(released.dataset).toMatchObject({ crs: 'EPSG:4547', format: 'GeoTIFF', bandCount: 3 });
    expect(released.review.passed).toBe(true);
  });
});
