import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFlatGeobuf } from '../../../src-main/core/formats/flatgeobuf/index.js';
import { extentOf } from '../../../src-main/core/formats/vector-summary.js';
import { fixture } from '../../fixtures/index.js';
import { readVectorFile } from '../../support/open-vector.js';
import { ogrFeatures, ogrLayers } from '../../support/ogr-layers.js';

const run = promisify(execFile);
const LEAF_BYTES = 40;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-fgb-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Our display copy of a fixture, written to the scratch folder. */
async function displayCopyOf(source: string): Promise<{ file: string; count: number; start: number }> {
  const read = await readVectorFile(source);
  if (read.info.crs === null) throw new Error('fixture without CRS');
  const bytes = writeFlatGeobuf({
    name: 'display',
    crs: read.info.crs,
    fields: read.info.fields,
    features: read.features,
  });
  const file = path.join(dir, `${path.basename(source)}.fgb`);
  await writeFile(file, bytes);
  const count = read.features.filter((f) => f.geometry !== null).length;
  const headerLength = new DataView(bytes.buffer).getUint32(8, true);
  return { file, count, start: 12 + headerLength };
}

/** Number of features `ogrinfo -spat` finds in a box. */
async function countIn(file: string, box: readonly number[]): Promise<number> {
  const { stdout } = await run('ogrinfo', ['-ro', '-al', '-so', '-spat', ...box.map(String), file]);
  return Number(/^Feature Count: (\d+)/m.exec(stdout)?.[1] ?? NaN);
}

describe('indexed FlatGeobuf display copy, as GDAL reads it', () => {
  it.each([
    ['containers', '钻孔-indexed.fgb'],
    ['containers', '采矿权-noindex.fgb'],
    ['shapefile', 'naturalearth_lowres', 'naturalearth_lowres.shp'],
    ['shapefile', 'mbostock_polylines', 'polylines.shp'],
  ])('%s/%s: count, CRS, fields and every feature equal the source, by feature number', async (...parts) => {
    const source = fixture(...parts);
    const { file } = await displayCopyOf(source);
    const [[ours], [theirs]] = await Promise.all([ogrLayers(file), ogrLayers(source)]);
    if (ours === undefined || theirs === undefined) throw new Error('GDAL saw no layer');
    const [read, reference] = await Promise.all([ogrFeatures(file, null), ogrFeatures(source, null)]);
    const drawn = reference.filter((f) => f.geometry !== null);
    expect(ours.featureCount).toBe(drawn.length);
    expect(ours.epsg).toBe(theirs.epsg);
    expect(ours.fields.map((f) => f.name)).toEqual([...theirs.fields.map((f) => f.name), 'strata_fid']);
    expect(ours.fields.at(-1)?.type).toBe('Integer');
    expect(ours.extent).toEqual(theirs.extent);
    const numbers = read.map((f) => Number(f.properties['strata_fid']));
    expect(new Set(numbers).size).toBe(read.length);
    for (const feature of read) {
      const n = Number(feature.properties['strata_fid']);
      const expected = reference[n - 1];
      expect(feature.geometry, `#${String(n)}`).toEqual(expected?.geometry);
      const properties = Object.fromEntries(
        Object.entries(feature.properties).filter(([k]) => k !== 'strata_fid'),
      );
      const wanted = Object.fromEntries(
        Object.entries(expected?.properties ?? {}).map(([k, v]) => [k, v ?? null]),
      );
      expect(
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v ?? null])),
        `#${String(n)}`,
      ).toEqual(wanted);
    }
  });

  it('keeps Chinese attribute text as GDAL reads it', async () => {
    const { file } = await displayCopyOf(fixture('containers', '钻孔-indexed.fgb'));
    const read = await ogrFeatures(file, null);
    expect(read.find((f) => f.properties['孔号'] === 'ZK001')?.properties).toMatchObject({
      矿区: '凤凰山铜矿',
      已验收: false,
    });
    expect(read.find((f) => f.properties['孔号'] === 'ZK002')?.properties['备注']).toBe('第2号孔');
  });

  it('answers spatial filters through its index: GDAL finds by the tree, not by the geometries', async () => {
    const source = fixture('containers', '钻孔-indexed.fgb');
    const { file, count, start } = await displayCopyOf(source);
    const read = await readVectorFile(source);
    const [minX = 0, minY = 0, maxX = 0, maxY = 0] = read.info.extent ?? [];
    const box = [minX, minY, (minX + maxX) / 2, (minY + maxY) / 2];
    const inside = read.features.filter((f) => {
      const [x = 0, y = 0] = extentOf([f]) ?? [];
      return x >= (box[0] ?? 0) && x <= (box[2] ?? 0) && y >= (box[1] ?? 0) && y <= (box[3] ?? 0);
    }).length;
    expect(inside).toBeGreaterThan(0);
    expect(await countIn(file, box)).toBe(inside);
    // Move every leaf's box far away, features untouched: a reader that uses the index finds none.
    const bytes = new Uint8Array(await readFile(file));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let nodes = count;
    let total = count;
    while (nodes > 1) {
      nodes = Math.ceil(nodes / 16);
      total += nodes;
    }
    const firstLeaf = start + (total - count) * LEAF_BYTES;
    for (let i = 0; i < count; i++)
      for (let k = 0; k < 4; k++) view.setFloat64(firstLeaf + i * LEAF_BYTES + 8 * k, 1e9, true);
    const moved = path.join(dir, 'moved-leaves.fgb');
    await writeFile(moved, bytes);
    expect(await countIn(moved, box)).toBe(0);
    expect(await countIn(file, [1e9 - 1, 1e9 - 1, 1e9 + 1, 1e9 + 1])).toBe(0);
  });

  it('is copied by ogr2ogr like any FlatGeobuf', async () => {
    const { file, count } = await displayCopyOf(fixture('containers', '采矿权-noindex.fgb'));
    const out = path.join(dir, 'copied.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', out, file]);
    const [copied] = await ogrLayers(out);
    expect(copied?.featureCount).toBe(count);
  });
});
