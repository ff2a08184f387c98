import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { copyFixture } from '../../support/samples.js';
import { approveCurrent, signingSuite } from '../../support/signing-team.js';

const suite = signingSuite();

const markingOf = (report: ReviewReport) =>
  report.findings.filter((f) => f.ruleId === 'marking').map((f) => [f.messageKey, f.where, f.action]);

/** Runs SQL on the catalogue file as another program would, beside the running workstation. */
async function tamper(sql: string, params: readonly (string | number)[]): Promise<void> {
  const conn = await SqliteConnection.open(path.join(suite.home, 'catalogue.sqlite'));
  try {
    await conn.run(sql, [...params]);
  } finally {
    await conn.close();
  }
}

const FIELDS = {
  title: '桂林幅数字高程模型',
  abstract: '覆盖阳朔县北部',
  level: '秘密',
  period: '',
} as const;
const SOURCE = '广西壮族自治区地质调查院';

describe('the marking rule through the review service and the catalogue (ADR 0168)', () => {
  it('a dataset without a data source gets a marking finding; with one it gets none, and its public version carries it', async () => {
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
    if (!dem) throw new Error('import');

    const bare = await suite.client.call('review.run', { id: dem.id });
    expect(bare.profile.rules).toContainEqual({ id: 'marking', version: 1 });
    expect(markingOf(bare)).toEqual([
      ['finding.markingAttribution', { part: 'metadata.attribution' }, 'refuse'],
    ]);
    const finding = bare.findings.find((f) => f.ruleId === 'marking');
    expect(finding?.severity).toBe('blocking');
    expect(renderMessage(finding?.messageKey ?? 'where.dataset', finding?.params ?? {}, 'zh-CN')).toContain(
      '数据来源',
    );
    // Without a source to cite, no transform can make it public, approved or not: the plan refuses
    // before anything is written, naming the finding the curator must answer (ADR 0186).
    await approveCurrent(suite.team.reviewer, dem.id);
    const number = bare.findings.findIndex((f) => f.ruleId === 'marking') + 1;
    const refused = await suite.client.fail('release.create', { id: dem.id });
    expect(refused).toMatchObject({
      code: 'RELEASE_REFUSED',
      params: { reason: 'reason.planNeedsCurator', findings: String(number) },
    });

    await suite.client.call('catalogue.save', {
      id: dem.id,
      baseVersion: 1,
      fields: { ...FIELDS, attribution: SOURCE },
    });
    // A client that sends no data source keeps the one recorded.
    const kept = await suite.client.call('catalogue.save', {
      id: dem.id,
      baseVersion: 2,
      fields: { ...FIELDS, abstract: '覆盖阳朔县北部。' },
    });
    expect(kept).toMatchObject({ version: 3, fields: { attribution: SOURCE } });
    const complete = await suite.client.call('review.run', { id: dem.id });
    expect(markingOf(complete)).toEqual([]);
    await approveCurrent(suite.team.reviewer, dem.id);

    const released = await suite.client.call('release.create', { id: dem.id });
    expect(released.review.passed).toBe(true);
    expect(released.review.profile.rules).toContainEqual({ id: 'marking', version: 1 });
    const detail = await suite.client.call('datasets.get', { id: released.id });
    expect(detail.record.fields).toMatchObject({ level: '公开', attribution: SOURCE });
    // Reviewed again as stored: its lineage and its source's review are found in the catalogue.
    expect(markingOf(await suite.client.call('review.run', { id: released.id }))).toEqual([]);

    // A row written around the application: a period the contract would refuse.
    await tamper(
      `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, attribution, author, created_at)
       VALUES (?, 4, '桂林幅', '', '秘密', '十年', ?, 'curator', '2026-12-01T00:00:00.000Z')`,
      [dem.id, SOURCE],
    );
    expect(markingOf(await suite.client.call('review.run', { id: dem.id }))).toEqual([
      ['finding.markingPeriod', { part: 'metadata.period' }, 'refuse'],
    ]);

    // A newer review of the source that is not of the bytes the public version was made from.
    await tamper(
      `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
       VALUES ('rv_00000000000000ff', ?, 'cn-default', 4, '默认', '[]', ?, 'reviewer', '2099-01-01T00:00:00.000Z')`,
      [dem.id, 'ee'.repeat(32)],
    );
    expect(markingOf(await suite.client.call('review.run', { id: released.id }))).toEqual([
      ['finding.markingSourceReview', { part: 'source-review' }, 'refuse'],
    ]);
  });
});
