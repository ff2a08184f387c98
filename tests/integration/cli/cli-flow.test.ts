import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash, generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdalEpsg, gdalinfo } from '../../support/gdal.js';
import { ogrSummary } from '../../support/ogr-summary.js';
import { fixture } from '../../fixtures/index.js';
import { ROOT, copyFixture, tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';
import { runCommand } from '../../support/gdal.js';
import { approveByCli, cliTeam, strataAs } from '../../support/cli-team.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

/** Every command as the curator li.na; the reviewer wang.shen approves (tests/support/cli-team.ts). */
async function strata(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return strataAs(home, 'curator')(...args);
}

async function strataJson<T>(...args: string[]): Promise<T> {
  const result = await strata(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

interface Dataset {
  id: string;
  format: string;
  crs: string | null;
  extent: [number, number, number, number];
  width?: number;
  height?: number;
  bandCount?: number;
  featureCount?: number;
  geometryType?: string;
}

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir();
  home = path.join(scratch.dir, 'home');
  await cliTeam(home);
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata CLI — the archive flow from the command line', () => {
  // The whole flow in one scenario: some forty commands, each a fresh process that logs in.
  it(
    'imports, describes, reviews, releases, exports, verifies and receives; GDAL reads what we wrote',
    { timeout: 300_000 },
    async () => {
      const dem = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
      const world = await copyFixture(scratch.dir, 'geojson', 'world.zh.json');

      const imported = await strataJson<Dataset[]>('import', dem, world);
      const [raster, vector] = imported;
      if (!raster || !vector) throw new Error('import');
      const reference = await gdalinfo(dem, '-mdd', 'all');
      const gt = reference.geoTransform ?? [];
      expect(raster).toMatchObject({
        format: 'GeoTIFF',
        crs: 'EPSG:2364',
        width: reference.size[0],
        height: reference.size[1],
        bandCount: 1,
      });
      expect(raster.extent[0]).toBeCloseTo(gt[0] ?? NaN, 6);
      expect(raster.extent[3]).toBeCloseTo(gt[3] ?? NaN, 6);
      expect(raster.extent[2]).toBeCloseTo((gt[0] ?? 0) + (gt[1] ?? 0) * reference.size[0], 6);
      const ogr = await ogrSummary(world);
      expect(vector).toMatchObject({ format: 'GeoJSON', crs: 'EPSG:4326', featureCount: ogr.featureCount });
      ogr.extent?.forEach((v, i) => {
        expect(vector.extent[i]).toBeCloseTo(v, 6);
      });

      const shown = await strataJson<Dataset>('show', raster.id);
      expect(shown.id).toBe(raster.id);
      const described = await strataJson<{ version: number; marking: string }>(
        'describe',
        raster.id,
        '--title',
        '桂林 DEM',
        '--level',
        '机密',
        '--attribution',
        '广西壮族自治区地质调查院',
      );
      expect(described).toMatchObject({
        version: 2,
        marking: '机密★20年',
        fields: { attribution: '广西壮族自治区地质调查院' },
      });

      const review = await strataJson<{
        passed: boolean;
        findings: { ruleId: string }[];
        profile: { id: string; version: number; sha256: string; rules: { id: string; version: number }[] };
      }>('review', raster.id);
      expect(review.passed).toBe(false);
      // The report names exactly what judged it: the profile's bytes and every rule it ran.
      const bundled = await readFile(path.join(ROOT, 'resources/profiles/default.json'), 'utf8');
      expect(review.profile).toEqual({
        id: 'cn-default',
        version: 4,
        name: expect.any(String) as string,
        sha256: createHash('sha256')
          .update(JSON.stringify(JSON.parse(bundled)))
          .digest('hex'),
        rules: [
          { id: 'position-precision', version: 2 },
          { id: 'raster-resolution', version: 2 },
          { id: 'contour-interval', version: 1 },
          { id: 'coverage-area', version: 1 },
          { id: 'restricted-zone', version: 1 },
          { id: 'forbidden-content', version: 1 },
          { id: 'sensitive-field', version: 1 },
          { id: 'graticule', version: 1 },
          { id: 'geodetic-gravity', version: 1 },
          { id: 'hidden-content', version: 1 },
          { id: 'marking', version: 1 },
        ],
      });
      expect(review.findings.filter((f) => f.ruleId === 'marking')).toEqual([]);
      const refused = await strata('export', raster.id, '--out', path.join(scratch.dir, 'out'), '--json');
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toBe('');
      expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'EXPORT_REFUSED' } });

      const unapproved = await strata('release', raster.id, '--json');
      expect(JSON.parse(unapproved.stderr)).toMatchObject({
        error: { code: 'RELEASE_REFUSED', params: { reason: 'reason.notApproved' } },
      });
      await approveByCli(home, raster.id);
      // The plan is shown first (ADR 0186): the block average to the profile's grid, then the write.
      const plan = await strataJson<{ steps: { transform: string }[]; refusal: null }>('plan', raster.id);
      expect(plan.steps.map((s) => s.transform)).toEqual(['resample-block-average@1', 'write-allow-list@1']);
      const planText = await strata('plan', raster.id, '--lang', 'zh-CN');
      expect(planText.code).toBe(0);
      expect(planText.stdout).toContain('resample-block-average@1');
      expect(planText.stdout).toContain('按块平均重采样至 100 m');
      const demPublic = await strataJson<{ id: string; sourceId: string }>('release', raster.id);
      expect(demPublic.sourceId).toBe(raster.id);
      // A public version cites its source and needs a review of it (the marking rule, ADR 0168).
      await strataJson('describe', vector.id, '--attribution', 'Natural Earth');
      await strataJson('review', vector.id);
      await approveByCli(home, vector.id);
      const worldPublic = await strataJson<{
        id: string;
        sourceId: string;
        lineage: { steps: { step: string; params: { grid?: number } }[] };
      }>('release', vector.id);
      const grid =
        worldPublic.lineage.steps.find((s) => s.step === 'degrade-coordinates')?.params.grid ?? NaN;
      // Conservative: ≥ 50 m east-west even at the layer's poleward edge, on a 1-2-5 decimal ladder.
      expect([0.001, 0.002, 0.005, 0.01, 0.02, 0.05]).toContain(grid);

      await approveByCli(home, demPublic.id);
      await approveByCli(home, worldPublic.id);
      const demBag = (
        await strataJson<{ bag: string }>('export', demPublic.id, '--out', path.join(scratch.dir, 'out'))
      ).bag;
      const worldBag = (
        await strataJson<{ bag: string }>('export', worldPublic.id, '--out', path.join(scratch.dir, 'out'))
      ).bag;

      // GDAL reads the released DEM: same CRS, 100 m grid, same origin, no leftover metadata.
      const tif = path.join(
        demBag,
        'data',
        (await readdir(path.join(demBag, 'data'))).find((f) => f.endsWith('.tif')) ?? '',
      );
      const released = await gdalinfo(tif, '-mdd', 'all');
      expect(await gdalEpsg(tif)).toBe('EPSG:2364');
      const releasedGt = released.geoTransform ?? [];
      expect(releasedGt[1]).toBe(100);
      expect(releasedGt[5]).toBe(-100);
      expect(releasedGt[0]).toBeCloseTo(gt[0] ?? NaN, 6);
      expect(released.size).toEqual([60, 50]);
      expect(released.bands[0]?.noDataValue).toBe(reference.bands[0]?.noDataValue);

      // GDAL reads the released vector: same CRS and count, every coordinate on the recorded grid.
      const geojson = path.join(
        worldBag,
        'data',
        (await readdir(path.join(worldBag, 'data'))).find((f) => f.endsWith('.geojson')) ?? '',
      );
      const releasedVector = await ogrSummary(geojson);
      expect(releasedVector.epsg).toBe('EPSG:4326');
      expect(releasedVector.featureCount).toBe(ogr.featureCount);
      const numbers =
        (await readFile(geojson, 'utf8'))
          .match(/"coordinates":[^}]*/g)
          ?.join(',')
          .match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
      expect(numbers.length).toBeGreaterThan(1000);
      for (const n of numbers)
        expect(Math.abs(Number(n) / grid - Math.round(Number(n) / grid))).toBeLessThan(1e-6);

      // verify: with the workstation key, with the exported PEM, with a stranger's key, after tampering.
      expect((await strata('verify', demBag)).code).toBe(0);
      const pem = (await strata('key', 'export')).stdout;
      expect(pem).toContain('BEGIN PUBLIC KEY');
      await writeFile(path.join(scratch.dir, 'workstation.pem'), pem);
      expect((await strata('verify', demBag, '--key', path.join(scratch.dir, 'workstation.pem'))).code).toBe(
        0,
      );
      const stranger = generateKeyPairSync('ed25519')
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString();
      await writeFile(path.join(scratch.dir, 'stranger.pem'), stranger);
      expect((await strata('verify', demBag, '--key', path.join(scratch.dir, 'stranger.pem'))).code).toBe(1);

      // The public side of the gateway pins this workstation's key and takes both packages in (ADR 0177).
      const publicSide = (...args: string[]) =>
        runCommand(process.execPath, [CLI, '--home', path.join(scratch.dir, 'public-side'), ...args]);
      expect((await publicSide('keys', 'trust', path.join(scratch.dir, 'workstation.pem'))).code).toBe(0);
      for (const bag of [demBag, worldBag]) {
        const received = await publicSide('receive', bag, '--json');
        expect(received.code, received.stdout).toBe(0);
        const result = JSON.parse(received.stdout) as { datasets: { id: string; title: string }[] };
        expect(result.datasets).toHaveLength(1);
      }
      const taken = JSON.parse((await publicSide('list', '--json')).stdout) as {
        level: string;
        format: string;
      }[];
      expect(taken.map((d) => [d.format, d.level]).sort()).toEqual([
        ['GeoJSON', '公开'],
        ['GeoTIFF', '公开'],
      ]);
      await appendFile(tif, Buffer.from([0]));
      const tampered = await strata('verify', demBag, '--json');
      expect(tampered.code).toBe(1);
      expect(JSON.parse(tampered.stdout)).toMatchObject({ ok: false });

      expect((await strata('audit', 'verify')).code).toBe(0);
    },
  );

  it('a file held already: says so, names the dataset holding it, exits 3; --allow-duplicate makes a second one', async () => {
    const file = await copyFixture(scratch.dir, 'chinese', 'raster', 'guangxi_dem_cgcs2000_geo.tif');
    const listed = async (): Promise<number> =>
      (JSON.parse((await strata('list', '--json')).stdout) as unknown[]).length;
    const before = await listed();
    const first = await strata('import', file, '--json');
    expect(first.code, first.stderr).toBe(0);
    const [dem] = JSON.parse(first.stdout) as { id: string; title: string }[];
    if (!dem) throw new Error('import');

    const again = await strata('import', file, '--json');
    expect(again.code).toBe(3);
    expect(JSON.parse(again.stdout)).toEqual([]);
    const said = JSON.parse(again.stderr) as { notice: Record<string, unknown> };
    expect(said.notice).toMatchObject({
      code: 'import.duplicate',
      file: 'guangxi_dem_cgcs2000_geo.tif',
      layer: null,
      duplicateOf: { id: dem.id, title: 'guangxi_dem_cgcs2000_geo' },
    });
    expect(said.notice['message']).toBe(
      `guangxi_dem_cgcs2000_geo.tif is already in the archive and was not imported again: same content (SHA-256) as “guangxi_dem_cgcs2000_geo” (${dem.id})`,
    );

    const zh = await strata('import', file, '--lang', 'zh-CN');
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`已在馆藏中，未重复导入`);
    expect(zh.stderr).toContain(dem.id);

    const copy = await strata('import', file, '--allow-duplicate', '--json');
    expect(copy.code, copy.stderr).toBe(0);
    const [second] = JSON.parse(copy.stdout) as { id: string }[];
    expect(second?.id).toMatch(/^ds_/);
    expect(second?.id).not.toBe(dem.id);
    expect(await listed()).toBe(before + 2);
  });

  it('reports errors on stderr with a non-zero exit and nothing on stdout', async () => {
    const missing = await strata('show', 'ds_0000000000000000', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const corrupt = await strata('import', fixture('raster_bad', 'truncated.tif'), '--json');
    expect(corrupt.code).toBe(1);
    expect(JSON.parse(corrupt.stdout)).toEqual([]);
    expect(corrupt.stderr).toContain('truncated.tif');
  });
});
