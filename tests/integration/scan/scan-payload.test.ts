import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VectorFeature } from '../../../src-main/core/model/index.js';
import { dropFieldFinding } from '../../support/findings.js';
import { buildInventory } from '../../../src-main/core/scan/build-inventory.js';
import { secretPatterns } from '../../../src-main/core/scan/secret-patterns.js';
import { scanPayload } from '../../../src-main/node/scan/scan-payload.js';
import { gdal } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';

// Positive controls for the export's re-scan (issue 9, ADR 0178): a public version written by the
// most trusted engine with one safeguard off (a field not dropped, coordinates not degraded) is
// caught in GeoJSON, a GBK shapefile and a GeoPackage; written with both on it passes.

const FEATURES: VectorFeature[] = [
  {
    geometry: { type: 'Point', coordinates: [108.123456, 22.654321] },
    properties: { name: '一号矿点', reserve: '推断储量一千二百万吨', grade: 3.14159 },
  },
  {
    geometry: { type: 'Point', coordinates: [108.234567, 22.765432] },
    properties: { name: '二号矿点', reserve: '控制储量八百万吨', grade: 2.71828 },
  },
];
const { inventory, coordinates } = buildInventory({
  features: FEATURES,
  findings: [dropFieldFinding('reserve'), dropFieldFinding('grade')],
  hidden: [{ part: 'tiff.tag', text: 'ZK-0417 钻孔原始记录' }],
  grid: null,
});
const patterns = secretPatterns(inventory);

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let source = '';

/** A bag's data/ directory with one file ogr2ogr writes from the source. */
async function payload(name: string, file: string, ...args: string[]): Promise<string> {
  const data = path.join(dir, name);
  await mkdir(data);
  await gdal('ogr2ogr', [...args, path.join(data, file), source]);
  return data;
}

const kinds = async (data: string): Promise<string[]> =>
  [...new Set((await scanPayload(data, patterns, coordinates)).map((h) => `${h.kind}:${h.encoding}`))].sort();

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('strata-scan-payload-'));
  source = path.join(dir, 'source.geojson');
  await writeFile(
    source,
    JSON.stringify({
      type: 'FeatureCollection',
      features: FEATURES.map((f) => ({ type: 'Feature', ...f })),
    }),
  );
});
afterAll(() => cleanup());

describe('the re-scan of a payload written by GDAL', () => {
  it('passes a public GeoJSON with the fields dropped and the coordinates rounded', async () => {
    const data = await payload(
      'clean',
      'public.geojson',
      '-select',
      'name',
      '-lco',
      'COORDINATE_PRECISION=2',
    );
    expect(await kinds(data)).toEqual([]);
  });

  it('catches a field that was not dropped (UTF-8 text, the number as decimal text)', async () => {
    const data = await payload('field', 'public.geojson', '-lco', 'COORDINATE_PRECISION=2');
    expect(await kinds(data)).toEqual(['droppedField:UTF-8']);
  });

  it('catches exact source coordinates, whatever else was done', async () => {
    const data = await payload('coords', 'public.geojson', '-select', 'name');
    expect(await kinds(data)).toEqual(['sourceCoordinate:decimal']);
  });

  it('catches the dropped values in a GBK shapefile and the exact coordinates as binary doubles', async () => {
    const data = await payload('shp', 'public.shp', '-f', 'ESRI Shapefile', '-lco', 'ENCODING=GBK');
    // The text values in GBK; the grades are ASCII digits (reported as UTF-8).
    expect(await kinds(data)).toEqual(['droppedField:GBK', 'droppedField:UTF-8', 'sourceCoordinate:float64']);
  });

  it('a shapefile with the fields dropped and the points moved passes', async () => {
    const data = await payload(
      'shp-clean',
      'public.shp',
      '-f',
      'ESRI Shapefile',
      '-select',
      'name',
      '-dialect',
      'SQLite',
      '-sql',
      'SELECT name, ST_Translate(geometry, 0.01, 0.01, 0) AS geometry FROM source',
    );
    expect(await kinds(data)).toEqual([]);
  });

  it('catches the dropped values in a GeoPackage', async () => {
    const data = await payload('gpkg', 'public.gpkg', '-f', 'GPKG');
    expect(await kinds(data)).toContain('droppedField:UTF-8');
  });

  it('catches withheld metadata written into the public metadata', async () => {
    const data = await payload('meta', 'public.geojson', '-select', 'name', '-lco', 'COORDINATE_PRECISION=2');
    await writeFile(path.join(data, 'metadata.json'), JSON.stringify({ abstract: 'ZK-0417 钻孔原始记录' }));
    expect(await kinds(data)).toEqual(['withheldMetadata:UTF-8']);
  });
});
