import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointsFromCsv, runCommand } from '../../support/gdal.js';
import { ogrLayers } from '../../support/ogr-layers.js';
import { approveCurrent, citeSource } from '../../support/release-ready.js';
import { signingSuite } from '../../support/signing-team.js';
import { TEAM } from '../../support/team.js';

const suite = signingSuite();

/** 240 points (a file of its own per `seed`) in CGCS2000 at 1e-7° (≈ 1 cm); every third names a forces' post; a 储量 field. */
async function minesShapefile(name: string, seed: number): Promise<string> {
  const rows = Array.from({ length: 240 }, (_, i) => {
    const x = (108.3 + (i % 20) * 0.0123457).toFixed(7);
    const y = (22.8 + seed * 0.5 + Math.floor(i / 20) * 0.0098765).toFixed(7);
    const label = i % 3 === 0 ? `某部队营区${String(i)}号` : `大厂${String(i)}号矿点`;
    return `${x},${y},${label},${String(3254.67 + i)}`;
  });
  const csv = path.join(suite.dir, `${name}.csv`);
  await writeFile(csv, ['x,y,名称,储量', ...rows].join('\n'), 'utf8');
  const shp = path.join(suite.dir, `${name}.shp`);
  await pointsFromCsv(csv, shp, { format: 'ESRI Shapefile', fields: '名称,储量', typed: true });
  return shp;
}

async function imported(name: string, seed: number) {
  const [dataset] = (
    await suite.client.call('datasets.import', { paths: [await minesShapefile(name, seed)] })
  ).datasets;
  if (!dataset) throw new Error('import');
  await citeSource(suite.team.curator, dataset.id);
  const review = await suite.team.reviewer.call('review.run', { id: dataset.id });
  return { id: dataset.id, review };
}

const numbersOf = (findings: readonly { action: string | null }[], action: string): number[] =>
  findings.flatMap((f, i) => (f.action === action ? [i + 1] : []));

/** Issue 9, ADR 0186: the release plan from the approved review, shown first, run as shown. */
describe('the release plan', () => {
  it('is shown before it runs, one registered transform per finding action; the release runs it', async () => {
    const { id, review } = await imported('矿点', 0);
    const removals = numbersOf(review.findings, 'remove-features');
    expect(removals.length).toBeGreaterThan(0);
    const plan = await suite.client.call('release.plan', { id });
    expect(plan.refusal).toBeNull();
    expect(plan.reviewId).toBe(review.id);
    expect(plan.steps.map((s) => s.transform)).toEqual([
      'remove-features@1',
      'drop-fields@1',
      'degrade-coordinates@1',
      'write-allow-list@1',
    ]);
    expect(plan.steps[0]).toMatchObject({ params: { count: 80 }, findings: removals });
    expect(plan.steps[1]).toMatchObject({ params: { fields: '储量', count: 1 } });

    await approveCurrent(suite.team.reviewer, id);
    const release = await suite.client.call('release.create', { id });
    expect(release.review.passed).toBe(true);
    expect(release.lineage.steps.map((s) => [s.transform, s.step])).toEqual([
      ['remove-features@1', 'remove-features'],
      ['drop-fields@1', 'drop-fields'],
      ['degrade-coordinates@1', 'degrade-coordinates'],
      ['write-allow-list@1', 'write-allow-list'],
    ]);
    expect(release.lineage.steps[0]?.params).toEqual({ count: 80 });

    // GDAL reads what was written: the 160 kept features, no 储量, no forces' post.
    const { display } = await suite.client.call('datasets.get', { id: release.id });
    const served = await suite.ws.resolveFile(display.path);
    if (!served || !('path' in served)) throw new Error('no public file on disk');
    const [layer] = await ogrLayers(served.path);
    expect(layer?.featureCount).toBe(160);
    expect(layer?.fields.map((f) => f.name)).toEqual(['名称']);
    const { stdout } = await runCommand('ogrinfo', ['-al', '-q', served.path]);
    expect(stdout).not.toContain('部队');
    expect(stdout).toContain('大厂1号矿点');
  });

  it('asks nothing for a finding the reviewer judged a false positive, and its re-review then refuses', async () => {
    const { id, review } = await imported('矿点二', 1);
    const field = numbersOf(review.findings, 'drop-field')[0];
    if (field === undefined) throw new Error('no drop-field finding');
    await suite.team.reviewer.call('review.decide', {
      reviewId: review.id,
      finding: field,
      decision: 'false-positive',
      reason: '储量字段为公开资料',
    });
    for (const [i, finding] of review.findings.entries())
      if (finding.severity === 'blocking' && i + 1 !== field)
        await suite.team.reviewer.call('review.decide', {
          reviewId: review.id,
          finding: i + 1,
          decision: 'accept',
          reason: '公开版处理后可公开',
        });
    const plan = await suite.client.call('release.plan', { id });
    expect(plan.steps.map((s) => s.transform)).not.toContain('drop-fields@1');
    await suite.team.reviewer.call('review.approve', {
      reviewId: review.id,
      password: TEAM.reviewer.password,
    });
    // The public version's own review finds the field again: nothing is kept.
    const refused = await suite.client.fail('release.create', { id });
    expect(refused).toMatchObject({
      code: 'RELEASE_REFUSED',
      params: { reason: 'reason.publicReviewFailed' },
    });
    const { publicVersions } = await suite.client.call('datasets.get', { id });
    expect(publicVersions).toEqual([]);
  });

  it('says why there is none: no review yet, or a finding no transform answers', async () => {
    const [dataset] = (
      await suite.client.call('datasets.import', { paths: [await minesShapefile('未审', 2)] })
    ).datasets;
    if (!dataset) throw new Error('import');
    expect((await suite.client.call('release.plan', { id: dataset.id })).refusal).toEqual({
      reason: 'reason.notReviewed',
    });
    // Reviewed without a 数据来源: the marking finding is the curator's to answer.
    const review = await suite.team.reviewer.call('review.run', { id: dataset.id });
    const marking = review.findings.findIndex((f) => f.ruleId === 'marking') + 1;
    expect((await suite.client.call('release.plan', { id: dataset.id })).refusal).toEqual({
      reason: 'reason.planNeedsCurator',
      findings: String(marking),
    });
  });

  it('writes a GeoPackage when asked: one table, no index, no free page; GDAL and sqlite3 read it; it exports', async () => {
    const { id } = await imported('矿点三', 3);
    expect((await suite.client.call('release.plan', { id, format: 'GeoTIFF' })).refusal).toEqual({
      reason: 'reason.planOutputFormat',
      findings: '',
      format: 'GeoTIFF',
    });
    const plan = await suite.client.call('release.plan', { id, format: 'GeoPackage' });
    expect(plan.steps.at(-1)).toMatchObject({
      transform: 'write-allow-list@1',
      params: { format: 'GeoPackage' },
    });
    await approveCurrent(suite.team.reviewer, id);
    const release = await suite.client.call('release.create', { id, format: 'GeoPackage' });
    expect(release.review.passed).toBe(true);
    expect(release.dataset).toMatchObject({ format: 'GeoPackage', crs: 'EPSG:4490', featureCount: 160 });

    const detail = await suite.client.call('datasets.get', { id: release.id });
    // The map reads it through an indexed FlatGeobuf display copy.
    expect(detail.display.contentType).toBe('application/vnd.flatgeobuf');
    await approveCurrent(suite.team.reviewer, release.id);
    const exported = await suite.client.call('exchange.export', {
      id: release.id,
      outDir: path.join(suite.dir, 'out'),
    });
    expect((await suite.client.call('exchange.verify', { bag: exported.bag })).ok).toBe(true);

    // What left, read by GDAL and by the sqlite3 shell.
    const file = path.join(exported.bag, 'data', release.dataset.name);
    const [layer] = await ogrLayers(file);
    expect(layer).toMatchObject({ name: release.dataset.layer, featureCount: 160 });
    expect(layer?.fields.map((f) => f.name)).toEqual(['名称']);
    const sql = async (query: string) => (await runCommand('sqlite3', [file, query])).stdout.trim();
    expect(await sql('PRAGMA freelist_count')).toBe('0');
    expect(await sql('PRAGMA integrity_check')).toBe('ok');
    expect(
      (await sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).split('\n'),
    ).toEqual(
      [
        'gpkg_contents',
        'gpkg_geometry_columns',
        'gpkg_spatial_ref_sys',
        release.dataset.layer,
        'sqlite_sequence',
      ].sort(),
    );
    const dump = (await runCommand('ogrinfo', ['-al', '-q', file])).stdout;
    expect(dump).not.toContain('部队');
    expect(dump).toContain('大厂1号矿点');
  });
});
