import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { runCommand } from '../../support/gdal.js';
import { ROOT, copyFixture } from '../../support/samples.js';
import { workstationSuite } from '../../support/workstation-suite.js';

const suite = workstationSuite();

async function reviewedDem(): Promise<{ datasetId: string; reviewId: string }> {
  const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
  // Each scenario decides on its own dataset: the same bytes again, asked for deliberately.
  const [dem] = (await suite.client.call('datasets.import', { paths: [file], allowDuplicate: true }))
    .datasets;
  if (!dem) throw new Error('import');
  const review = await suite.client.call('review.run', { id: dem.id });
  expect(review.findings.length).toBeGreaterThan(0);
  return { datasetId: dem.id, reviewId: review.id };
}

describe('a reviewer decides on each finding', () => {
  it('records must-fix, then accept with a reason; the latest holds, is shown with the review and audited', async () => {
    const { datasetId, reviewId } = await reviewedDem();
    const first = await suite.client.call('review.decide', {
      reviewId,
      finding: 1,
      decision: 'must-fix',
      reason: '',
    });
    expect(first.decisions).toEqual([
      { finding: 1, decision: 'must-fix', reason: '', by: 'curator', at: expect.any(String) as string },
    ]);
    await suite.client.call('review.decide', {
      reviewId,
      finding: 1,
      decision: 'accept',
      reason: '  该区域 5 米格网已由上级批准公开  ',
    });
    const detail = await suite.client.call('datasets.get', { id: datasetId });
    expect(detail.review?.decisions).toEqual([
      expect.objectContaining({ finding: 1, decision: 'accept', reason: '该区域 5 米格网已由上级批准公开' }),
    ]);
    const audit = await suite.client.call('audit.list', { limit: 5 });
    expect(audit.filter((e) => e.action === 'review.decide' && e.subject === datasetId)).toHaveLength(2);
    expect(audit.find((e) => e.action === 'review.decide')?.details).toMatchObject({
      reviewId,
      finding: 1,
      ruleId: 'raster-resolution',
      decision: 'accept',
    });
    // The store keeps every decision; none can be changed or removed afterwards.
    const conn = await SqliteConnection.open(path.join(suite.home, 'catalogue.sqlite'));
    try {
      await expect(conn.run("UPDATE finding_decisions SET decision = 'must-fix'")).rejects.toThrow(
        /append-only/,
      );
      await expect(conn.run('DELETE FROM finding_decisions')).rejects.toThrow(/append-only/);
    } finally {
      await conn.close();
    }
  });

  it('refuses what cannot be decided, saying why in both languages', async () => {
    const { datasetId, reviewId } = await reviewedDem();
    const noReason = await suite.client.fail('review.decide', {
      reviewId,
      finding: 1,
      decision: 'false-positive',
      reason: ' ',
    });
    expect(noReason).toMatchObject({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.decisionNeedsReason' },
    });
    expect(renderMessage('error.INVALID_ARGUMENT', noReason.params, 'zh-CN')).toContain('须写明理由');
    const count = (await suite.client.call('datasets.get', { id: datasetId })).review?.findings.length ?? 0;
    const beyond = await suite.client.fail('review.decide', {
      reviewId,
      finding: count + 1,
      decision: 'must-fix',
      reason: '',
    });
    expect(beyond.params).toMatchObject({ detail: 'detail.noSuchFinding', count });
    expect(renderMessage('error.INVALID_ARGUMENT', beyond.params, 'en')).toContain(
      `has ${String(count)} finding(s)`,
    );
    const unknown = await suite.client.fail('review.decide', {
      reviewId: 'rv_0123456789abcdef',
      finding: 1,
      decision: 'must-fix',
      reason: '',
    });
    expect(unknown.code).toBe('NOT_FOUND');
    await suite.client.call('review.run', { id: datasetId });
    const stale = await suite.client.fail('review.decide', {
      reviewId,
      finding: 1,
      decision: 'must-fix',
      reason: '',
    });
    expect(stale.params).toMatchObject({ detail: 'detail.reviewSuperseded' });
  });

  it('from the command line: review numbers the findings, decide records and prints the decision', async () => {
    await suite.whileClosed(async () => {
      const cli = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
        runCommand(process.execPath, [
          path.join(ROOT, 'bin', 'strata.js'),
          '--home',
          suite.home,
          '--lang',
          'zh-CN',
          ...args,
        ]);
      const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
      const imported = await cli('import', file, '--allow-duplicate', '--json');
      const [dem] = JSON.parse(imported.stdout) as { id: string }[];
      if (!dem) throw new Error('import');
      const review = await cli('review', dem.id);
      expect(review.stdout).toMatch(/审查未通过（\d+ 项阻断）\s+rv_[0-9a-f]{16}/);
      expect(review.stdout).toContain('  1. blocking raster-resolution');
      const reviewId = /rv_[0-9a-f]{16}/.exec(review.stdout)?.[0] ?? '';
      const decided = await cli(
        'decide',
        reviewId,
        '1',
        '--as',
        'false-positive',
        '--reason',
        '已按 100 米格网重采样',
      );
      expect(decided.code, decided.stderr).toBe(0);
      expect(decided.stdout).toContain('→ 误报: 已按 100 米格网重采样');
      const refused = await cli('decide', reviewId, '1', '--as', 'accept');
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('接受或判为误报时须写明理由');
    });
  });
});
