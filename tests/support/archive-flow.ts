import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Client } from './contract-client.js';
import { copyFixture } from './samples.js';
import { TEST_ATTRIBUTION } from './release-ready.js';
import { approveCurrent } from './signing-team.js';

/**
 * The thin archive flow as one contract scenario, run in process and over the harness:
 * import a real DEM and a real Chinese shapefile, describe, review, approve (signed by `reviewer`,
 * who prepared none of it), release, approve the public version, export, verify. `client` is the
 * curator who prepares (and runs the reviews).
 */
export async function archiveFlow(
  client: Client,
  reviewer: Client,
  scratch: string,
): Promise<{ bag: string; demPublicId: string }> {
  const dem = await copyFixture(scratch, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
  const points = await copyFixture(scratch, 'chinese', 'shapefile', 'kuangdian_gbk_cpg');
  const shp = path.join(points, (await readdir(points)).find((f) => f.endsWith('.shp')) ?? '');

  const imported = await client.call('datasets.import', {
    paths: [dem, shp, path.join(scratch, 'missing.tif')],
  });
  expect(imported.failures).toEqual([
    expect.objectContaining({ file: 'missing.tif', code: 'FILE_NOT_FOUND' }),
  ]);
  const [raster, vector] = imported.datasets;
  expect(raster).toMatchObject({
    format: 'GeoTIFF',
    crs: 'EPSG:2364',
    width: 1200,
    height: 1000,
    bandCount: 1,
    level: '内部',
  });
  expect(vector).toMatchObject({
    format: 'Shapefile',
    crs: 'EPSG:4545',
    featureCount: 57,
    geometryType: 'Point',
  });
  if (!raster || !vector) throw new Error('import');

  const saved = await client.call('catalogue.save', {
    id: raster.id,
    baseVersion: 1,
    fields: {
      title: '桂林幅 1:5万 数字高程模型',
      abstract: '西安80 高斯-克吕格 40 带',
      level: '秘密',
      period: '',
      attribution: TEST_ATTRIBUTION,
    },
  });
  expect(saved).toMatchObject({ version: 2, marking: '秘密★10年' });
  const stale = await client.fail('catalogue.save', {
    id: raster.id,
    baseVersion: 1,
    fields: { title: 'x', abstract: '', level: '公开', period: '' },
  });
  expect(stale.code).toBe('CONFLICT');
  const invalid = await client.fail('catalogue.save', {
    id: raster.id,
    baseVersion: 2,
    fields: { title: 'x', abstract: '', level: '秘密', period: '十年' },
  });
  expect(invalid.code).toBe('INVALID_ARGUMENT');

  const review = await client.call('review.run', { id: raster.id });
  expect(review.passed).toBe(false);
  expect(review.findings).toContainEqual(
    expect.objectContaining({ ruleId: 'raster-resolution', severity: 'blocking' }),
  );
  await client.call('catalogue.save', {
    id: vector.id,
    baseVersion: 1,
    fields: { title: '矿点', abstract: '', level: '内部', period: '', attribution: TEST_ATTRIBUTION },
  });
  const vectorReview = await client.call('review.run', { id: vector.id });
  expect(vectorReview.findings).toContainEqual(
    expect.objectContaining({ ruleId: 'position-precision', severity: 'blocking' }),
  );

  const refusedOriginal = await client.fail('exchange.export', {
    id: raster.id,
    outDir: path.join(scratch, 'out'),
  });
  expect(refusedOriginal.code).toBe('EXPORT_REFUSED');

  // No public version of an original whose review nobody approved.
  const unapproved = await client.fail('release.create', { id: raster.id });
  expect(unapproved).toMatchObject({ code: 'RELEASE_REFUSED', params: { reason: 'reason.notApproved' } });
  await approveCurrent(reviewer, raster.id);
  await approveCurrent(reviewer, vector.id);
  const demPublic = await client.call('release.create', { id: raster.id });
  expect(demPublic.sourceId).toBe(raster.id);
  expect(demPublic.review.passed).toBe(true);
  expect(demPublic.dataset).toMatchObject({
    format: 'GeoTIFF',
    crs: 'EPSG:2364',
    pixelSize: [100, 100],
    width: 60,
    height: 50,
    level: '公开',
  });
  const vectorPublic = await client.call('release.create', { id: vector.id });
  expect(vectorPublic.review.passed).toBe(true);
  expect(vectorPublic.dataset).toMatchObject({ format: 'GeoJSON', crs: 'EPSG:4545', featureCount: 57 });
  // The reserves and grades the review flagged (sensitive-field, drop-field) are not in it.
  expect(vectorPublic.lineage.steps.map((s) => s.step)).toContain('drop-fields');
  const publicFeatures = await client.call('datasets.features', { id: vectorPublic.id });
  expect(Object.keys(publicFeatures.features[0]?.properties ?? {})).toEqual(['名称', '矿种']);

  const detail = await client.call('datasets.get', { id: demPublic.id });
  expect(detail.lineage?.sourceId).toBe(raster.id);
  expect(detail.lineage?.steps.map((s) => s.step)).toContain('resample-block-average');
  expect((await client.call('datasets.get', { id: raster.id })).publicVersions).toEqual([demPublic.id]);

  // A public version re-marked above 公开 cannot leave.
  await client.call('catalogue.save', {
    id: vectorPublic.id,
    baseVersion: 1,
    fields: { title: 't', abstract: '', level: '内部', period: '' },
  });
  const refusedLevel = await client.fail('exchange.export', {
    id: vectorPublic.id,
    outDir: path.join(scratch, 'out'),
  });
  expect(refusedLevel.code).toBe('EXPORT_REFUSED');
  expect(refusedLevel.params).toMatchObject({ reason: 'reason.levelAbovePublic', level: 'level.内部' });

  // The public version's own review must be approved too before it leaves.
  const notApproved = await client.fail('exchange.export', {
    id: demPublic.id,
    outDir: path.join(scratch, 'out'),
  });
  expect(notApproved.params).toEqual({ reason: 'reason.notApproved', id: demPublic.id });
  await approveCurrent(reviewer, demPublic.id);
  const exported = await client.call('exchange.export', {
    id: demPublic.id,
    outDir: path.join(scratch, 'out'),
  });
  const verified = await client.call('exchange.verify', { bag: exported.bag });
  expect(verified.ok).toBe(true);
  const bagInfo = await readFile(path.join(exported.bag, 'bag-info.txt'), 'utf8');
  expect(bagInfo).toContain(`External-Identifier: ${demPublic.id}`);
  expect(bagInfo).toContain('Strata-Release-Level: 公开');
  expect(bagInfo).toContain('Strata-Reviewer: wang.shen');

  const audit = await client.call('audit.verify', {});
  expect(audit.ok).toBe(true);
  const actions = (await client.call('audit.list', { limit: 100 })).map((e) => e.action);
  for (const action of [
    'dataset.import',
    'catalogue.save',
    'review.run',
    'review.approve',
    'release.create',
    'exchange.export',
  ]) {
    expect(actions).toContain(action);
  }
  return { bag: exported.bag, demPublicId: demPublic.id };
}
