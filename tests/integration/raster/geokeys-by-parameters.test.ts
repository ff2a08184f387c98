// Projected CRSs spelt out by parameters in user-defined GeoKeys (ADR 0134) get the EPSG code PROJ
// identifies for them (`gdalsrsinfo -e`), once the registry holds that code: first with the
// bundled table (a code it lacks must give no code, never a wrong one), then with every
// geographic and projected CRS of the pinned EPSG index installed as the registry, as the full
// offline EPSG set will be.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createCrsRegistry,
  crsFromEpsg,
  installCrsRegistry,
  type EpsgRow,
} from '../../../src-main/core/crs/index.js';
import { installBundledCrs } from '../../../src-main/node/crs/index.js';
import { readRasterInfo } from '../../../src-main/node/raster/index.js';
import { gdalEpsg } from '../../support/gdal.js';
import { ROOT } from '../../support/samples.js';
import { fixture } from '../../fixtures/index.js';

const FILES = readdirSync(fixture('crs_params')).filter((f) => f.endsWith('.tif'));

/** Every 2D geographic and projected CRS of epsg-index, in the bundled table's row format. */
function fullRows(): EpsgRow[] {
  const require = createRequire(import.meta.url);
  const all = require('epsg-index/all.json') as Record<
    string,
    { code: string; kind: string; name: string; proj4?: string | null; wkt?: string | null }
  >;
  const rows: EpsgRow[] = [];
  for (const e of Object.values(all)) {
    const code = Number(e.code);
    if (!Number.isInteger(code) || !e.proj4 || !e.wkt) continue;
    if (e.kind !== 'CRS-GEOGCRS' && e.kind !== 'CRS-PROJCRS') continue;
    if (/deprecated/i.test(e.name)) continue;
    if (e.kind === 'CRS-GEOGCRS' && !e.proj4.includes('+proj=longlat')) continue;
    const proj4 = e.proj4
      .replace(/\s*\+type=crs/g, '')
      .replace(/\s*\+no_defs/g, '')
      .replace(/\s*\+nadgrids=(?!@null\b)\S+/g, '')
      .trim();
    rows.push([code, e.name, proj4, /DATUM\["([^"]+)"/.exec(e.wkt)?.[1] ?? '']);
  }
  return rows.sort((a, b) => a[0] - b[0]);
}

afterAll(async () => {
  await installBundledCrs(path.join(ROOT, 'resources'));
});

describe('user-defined GeoKeys matched to the EPSG code GDAL/PROJ finds', () => {
  it.each(FILES)('bundled table: %s', async (name) => {
    const file = fixture('crs_params', name);
    const expected = await gdalEpsg(file);
    expect(expected).toBe(`EPSG:${name.replace(/\D/g, '')}`);
    const info = await readRasterInfo(file);
    const known = crsFromEpsg(Number(expected?.slice(5))) !== null;
    expect(info.crs?.code ?? null).toBe(known ? expected : null);
  });

  it('with the full EPSG index as the registry, every file gets its code', async () => {
    installCrsRegistry(createCrsRegistry(fullRows()));
    const found: Record<string, string | null> = {};
    const wanted: Record<string, string | null> = {};
    for (const name of FILES) {
      const file = fixture('crs_params', name);
      found[name] = (await readRasterInfo(file)).crs?.code ?? null;
      wanted[name] = await gdalEpsg(file);
    }
    expect(found).toEqual(wanted);
  });
});
