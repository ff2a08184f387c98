import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCrsRegistry,
  crsFromEpsg,
  datumOfEpsg,
  installCrsRegistry,
  registryRows,
} from '../../../../src-main/core/crs/index.js';
import { EPSG_RESOURCE, installBundledCrs, loadCrsRegistry } from '../../../../src-main/node/crs/index.js';
import { ROOT, tempDir } from '../../../support/samples.js';

const RESOURCES = path.join(ROOT, 'resources');
const COMMITTED = path.join(RESOURCES, EPSG_RESOURCE);

/** A resources folder holding `text` as the EPSG table. */
async function resourcesWith(dir: string, text: string): Promise<string> {
  await mkdir(path.join(dir, 'crs'), { recursive: true });
  await writeFile(path.join(dir, EPSG_RESOURCE), text);
  return dir;
}

const table = (rows: unknown[]): string =>
  JSON.stringify({ source: 'test', columns: ['code', 'name', 'proj4', 'datum'], rows });

describe('the bundled EPSG table', () => {
  afterEach(async () => {
    await installBundledCrs(RESOURCES);
  });

  it('is reproduced byte for byte by its generator', async () => {
    const scratch = await tempDir();
    try {
      const out = path.join(scratch.dir, 'epsg.json');
      await promisify(execFile)(process.execPath, [path.join(ROOT, 'build', 'gen-epsg-table.mjs'), out]);
      const [fresh, committed] = await Promise.all([readFile(out), readFile(COMMITTED)]);
      expect(fresh.length).toBe(committed.length);
      expect(fresh.equals(committed)).toBe(true);
    } finally {
      await scratch.cleanup();
    }
  });

  it('loads as the registry the lookups use, CGCS2000 and the Chinese datums included', async () => {
    const registry = await loadCrsRegistry(RESOURCES);
    expect(registry.rows.length).toBeGreaterThan(2000);
    expect(registry.byCode(4490)?.[1]).toBe('China Geodetic Coordinate System 2000');
    expect(registry.byCode(2431)?.[3]).toBe('Beijing_1954');
    expect(registryRows()).toHaveLength(registry.rows.length);
  });

  it('holds the full EPSG set proj4js can express, SIRGAS 2000 / UTM 25S included (load time reported, not asserted)', async () => {
    const started = performance.now();
    const registry = await loadCrsRegistry(RESOURCES);
    const loadMs = performance.now() - started;
    expect(registry.rows.length).toBeGreaterThan(6500);
    expect(registry.byCode(31985)?.[1]).toBe('SIRGAS 2000 / UTM zone 25S');
    expect(registry.byCode(4548)?.[1]).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 117E');
    const bytes = (await readFile(COMMITTED)).length;
    // A figure for the record (machine-dependent, so never a limit).
    console.info(
      `EPSG table: ${String(registry.rows.length)} rows, ${String(bytes)} bytes, read+validated in ${loadMs.toFixed(1)} ms`,
    );
  });

  it('core answers from whatever table it was handed, not from a copy of its own', () => {
    installCrsRegistry(
      createCrsRegistry([[4490, 'Only CGCS2000', '+proj=longlat +ellps=GRS80 +no_defs', 'China_2000']]),
    );
    expect(crsFromEpsg(4490)?.name).toBe('Only CGCS2000');
    expect(crsFromEpsg(4326)).toBeNull();
    expect(datumOfEpsg(4490)).toBe('China_2000');
  });

  it.each([
    ['not JSON', '{"rows": ['],
    ['no rows', table([])],
    [
      'a code out of order',
      table([
        [4490, 'a', '+proj=longlat', 'x'],
        [4326, 'b', '+proj=longlat', 'y'],
      ]),
    ],
    [
      'a repeated code',
      table([
        [4326, 'a', '+proj=longlat', 'x'],
        [4326, 'b', '+proj=longlat', 'y'],
      ]),
    ],
    ['a definition that is not proj4', table([[4326, 'a', 'GEOGCS["x"]', 'x']])],
    ['a row with a column missing', table([[4326, 'a', '+proj=longlat']])],
  ])('refuses a table with %s', async (_what, text) => {
    const scratch = await tempDir();
    try {
      await expect(loadCrsRegistry(await resourcesWith(scratch.dir, text))).rejects.toThrow();
    } finally {
      await scratch.cleanup();
    }
  });

  it('fails the start when the table is missing', async () => {
    const scratch = await tempDir();
    try {
      await expect(loadCrsRegistry(scratch.dir)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await scratch.cleanup();
    }
  });
});
