// A world-file scan through the whole archive flow (ADR 0136): imported with its side files stored
// beside it, shown from a GeoTIFF working copy, reviewed from the staged set (the resolution check
// uses the world file's pixel size), and refused a public version with a translated reason.
import { cp, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { fixture } from '../../fixtures/index.js';
import type { Client } from '../../support/contract-client.js';
import { gdalinfo, runCommand } from '../../support/gdal.js';
import { ROOT, tempDir } from '../../support/samples.js';
import { signingTeam, type SigningTeam } from '../../support/signing-team.js';
import { readyForRelease } from '../../support/release-ready.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let team: SigningTeam;
let client: Client;

/** Copies a scan and its side files (same stem) into the scratch folder; returns the image's path. */
async function copyScan(name: string, sides: readonly string[]): Promise<string> {
  const stem = name.replace(/\.[^.]+$/, '');
  for (const ext of sides)
    await cp(fixture('scans', `${stem}.${ext}`), path.join(scratch.dir, `${stem}.${ext}`));
  await cp(fixture('scans', name), path.join(scratch.dir, name));
  return path.join(scratch.dir, name);
}

beforeAll(async () => {
  scratch = await tempDir('strata-scan-flow-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  team = await signingTeam(ws);
  client = team.curator;
});
afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

describe('a world-file scan in the archive', () => {
  it('imports, is shown from its working copy, reviews with its pixel size, and is released from its copy', async () => {
    const png = await copyScan('rgb_cgcs2000_cm117.png', ['pgw', 'prj']);
    const { datasets, failures } = await client.call('datasets.import', { paths: [png] });
    expect(failures).toEqual([]);
    const [dataset] = datasets;
    if (!dataset) throw new Error('import');
    expect(dataset).toMatchObject({ format: 'PNG', crs: 'EPSG:4548', width: 400, height: 360, bandCount: 3 });
    // Image, world file and .prj are stored as one set, like a shapefile's parts.
    const sizes = await Promise.all(
      ['png', 'pgw', 'prj'].map((ext) => stat(png.replace(/png$/, ext)).then((s) => s.size)),
    );
    expect(dataset.byteSize).toBe(sizes.reduce((a, b) => a + b, 0));
    // The map reads a GeoTIFF: the display file is a working copy placed where the world file says.
    const { display } = await client.call('datasets.get', { id: dataset.id });
    expect(display.contentType).toBe('image/tiff');
    const served = await ws.resolveFile(display.path);
    if (!served || !('path' in served)) throw new Error('no display file on disk');
    const shown = await gdalinfo(served.path);
    expect(shown.geoTransform).toEqual([440000, 30, 0, 3530000, 0, -30]);
    expect(shown.bands).toHaveLength(3);
    expect(shown.stac?.['proj:epsg']).toBe(4548);

    // 30 m imagery is coarser than the profile's imagery threshold: no resolution finding.
    const review = await client.call('review.run', { id: dataset.id });
    expect(review.findings.filter((f) => f.ruleId === 'raster-resolution')).toEqual([]);

    // The public version is resampled from the working copy: the same pixels, placed by the world file.
    await readyForRelease(team, dataset.id);
    const released = await client.call('release.create', { id: dataset.id });
    expect(released.dataset).toMatchObject({ crs: 'EPSG:4548', width: 400, height: 360, format: 'GeoTIFF' });
    expect(released.review.passed).toBe(true);
  });

  it('a scan the working copy cannot keep (min-is-white) is refused a public version, saying why', async () => {
    const tif = await copyScan('miniswhite_cgcs2000_cm117.tif', ['tfw', 'prj']);
    const [dataset] = (await client.call('datasets.import', { paths: [tif] })).datasets;
    if (!dataset) throw new Error('import');
    expect(dataset).toMatchObject({ format: 'GeoTIFF', crs: 'EPSG:4548' });
    const refused = await client.fail('release.create', { id: dataset.id });
    expect(refused).toMatchObject({ code: 'RELEASE_REFUSED', params: { reason: 'reason.scanRelease' } });
    expect(renderMessage('error.RELEASE_REFUSED', refused.params, 'en')).toContain('world file');
    expect(renderMessage('error.RELEASE_REFUSED', refused.params, 'zh-CN')).toContain('坐标文件');
  });

  it('a 10 m plain-TIFF DEM scan is reviewed from its world file: the resolution check blocks it', async () => {
    const tif = await copyScan('survey_cgcs2000_cm117.tif', ['tfw', 'prj']);
    const [dataset] = (await client.call('datasets.import', { paths: [tif] })).datasets;
    if (!dataset) throw new Error('import');
    expect(dataset).toMatchObject({ format: 'GeoTIFF', crs: 'EPSG:4548', dataType: 'UInt16' });
    const review = await client.call('review.run', { id: dataset.id });
    const resolution = review.findings.find((f) => f.ruleId === 'raster-resolution');
    expect(resolution).toMatchObject({ severity: 'blocking', params: { resolution: 10 } });
    // Released from its working copy, block-averaged to the DEM threshold (100 m) on the world file's grid.
    await readyForRelease(team, dataset.id);
    const released = await client.call('release.create', { id: dataset.id });
    expect(released.dataset).toMatchObject({ crs: 'EPSG:4548', width: 30, height: 20 });
    expect(released.dataset.extent).toEqual([440000, 3528000, 443000, 3530000]);
  });

  it('a 16-bit PNG DEM without .prj asks for a CRS, and its display range comes from its pixels', async () => {
    const png = await copyScan('dem16_no_prj.png', ['wld']);
    const imported = await client.call('datasets.import', { paths: [png] });
    const [dataset] = imported.datasets;
    if (!dataset) throw new Error('import');
    expect(dataset).toMatchObject({ format: 'PNG', crs: null, dataType: 'UInt16' });
    expect(imported.notices).toContainEqual(expect.objectContaining({ code: 'crs.missing' }));
    const { display } = await client.call('datasets.get', { id: dataset.id });
    const stats = await gdalinfo(png, '-mm');
    const band = stats.bands[0] as unknown as { computedMin: number; computedMax: number };
    const [min, max] = display.valueRange ?? [Number.NaN, Number.NaN];
    // A display range (read from the copy's overview), inside the true one and most of it.
    expect(min).toBeGreaterThanOrEqual(band.computedMin);
    expect(max).toBeLessThanOrEqual(band.computedMax);
    expect(max - min).toBeGreaterThan(0.8 * (band.computedMax - band.computedMin));
  });
});

describe('strata import of a scan', () => {
  it('strata import scan.png --json gives the dataset in the .prj’s CRS with GDAL’s extent', async () => {
    const png = await copyScan('rgb_cgcs2000_cm117.png', ['pgw', 'prj']);
    const run = await runCommand(process.execPath, [
      path.join(ROOT, 'bin', 'strata.js'),
      '--home',
      path.join(scratch.dir, 'cli-home'),
      '--lang',
      'en',
      'import',
      png,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [dataset, ...rest] = JSON.parse(run.stdout) as { format: string; crs: string; extent: number[] }[];
    expect(rest).toEqual([]);
    expect(dataset).toMatchObject({
      format: 'PNG',
      crs: 'EPSG:4548',
      extent: [440000, 3519200, 452000, 3530000],
    });
  });

  it('a scan with a malformed world file fails with a one-line reason', async () => {
    const dir = path.join(scratch.dir, 'bad');
    await cp(fixture('scans_bad'), dir, { recursive: true });
    const run = await runCommand(process.execPath, [
      path.join(ROOT, 'bin', 'strata.js'),
      '--home',
      path.join(scratch.dir, 'cli-home'),
      '--lang',
      'en',
      'import',
      path.join(dir, 'five_lines.png'),
      '--json',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/five_lines\.png.*world file must hold 6 numbers/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
