import { createPublicKey, verify } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src-main/api/caller.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { headlessDispatcher } from '../../../src-main/hosting/system-handlers.js';
import { localUserCaller } from '../../support/test-dispatch.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { parseStatement, statementBytes } from '../../../src-main/core/review/approval.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { runCommand } from '../../support/gdal.js';
import { readyForRelease } from '../../support/release-ready.js';
import { ROOT, copyFixture, tempDir } from '../../support/samples.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A workstation in a scratch home, and a client acting as its local (accounts-less) user. */
async function scratch(): Promise<{ dir: string; home: string; ws: Workstation; local: Client }> {
  const { dir, cleanup } = await tempDir('strata-verdicts-');
  cleanups.push(cleanup);
  const home = path.join(dir, 'home');
  const ws = await openWorkstation({ home });
  cleanups.push(() => ws.close());
  return { dir, home, ws, local: as(ws, localUserCaller(ws, 'zhang.san')) };
}

const as = (ws: Workstation, caller: CallContext): Client =>
  clientOf(
    headlessDispatcher(ws, 'cli', 'test', caller, (_method, error) => {
      throw error;
    }),
  );

async function login(ws: Workstation, name: string, password: string): Promise<Client> {
  return as(ws, await as(ws, localUserCaller(ws, '')).call('session.login', { name, password }));
}

/** Imports the 5 m DEM (its own dataset each time) as `curator` and reviews it as `reviewer`. */
async function reviewedDem(dir: string, curator: Client, reviewer: Client): Promise<ReviewReport> {
  const file = await copyFixture(dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
  const [dem] = (await curator.call('datasets.import', { paths: [file], allowDuplicate: true })).datasets;
  if (!dem) throw new Error('import');
  const review = await reviewer.call('review.run', { id: dem.id });
  expect(review.blocking).toBeGreaterThan(0);
  return review;
}

/** Accepts every blocking finding of `review`, with a reason. */
async function acceptBlocking(reviewer: Client, review: ReviewReport): Promise<void> {
  for (const [i, finding] of review.findings.entries())
    if (finding.severity === 'blocking')
      await reviewer.call('review.decide', {
        reviewId: review.id,
        finding: i + 1,
        decision: 'accept',
        reason: '经上级批准',
      });
}

describe('a reviewer approves or returns a whole review (ADR 0174)', () => {
  it('with accounts: approves after every blocking finding is decided, never the preparer, once', async () => {
    const { dir, home, ws, local } = await scratch();
    await local.call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    const admin = await login(ws, 'admin1', 'admin-pass-1');
    await admin.call('users.add', { name: 'li.na', roles: ['curator', 'reviewer'], password: 'li-na-pass' });
    await admin.call('users.add', { name: 'wang.shen', roles: ['reviewer'], password: 'wang-pass' });
    const preparer = await login(ws, 'li.na', 'li-na-pass');
    const reviewer = await login(ws, 'wang.shen', 'wang-pass');

    const review = await reviewedDem(dir, preparer, reviewer);
    const undecided = await reviewer.fail('review.approve', { reviewId: review.id, password: 'wang-pass' });
    expect(undecided).toMatchObject({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.approveUndecided' },
    });
    expect(renderMessage('error.INVALID_ARGUMENT', undecided.params, 'zh-CN')).toContain('尚未作出决定');
    await acceptBlocking(reviewer, review);
    const first = review.findings.findIndex((f) => f.severity === 'blocking') + 1;
    const decideFirst = (decision: 'must-fix' | 'accept', reason: string): Promise<ReviewReport> =>
      reviewer.call('review.decide', { reviewId: review.id, finding: first, decision, reason });
    await decideFirst('must-fix', '');
    const mustFix = await reviewer.fail('review.approve', { reviewId: review.id, password: 'wang-pass' });
    expect(mustFix.params).toEqual({ detail: 'detail.approveMustFix', findings: String(first) });
    await decideFirst('accept', '经上级批准');

    // Four-eyes: li.na imported the dataset; her reviewer role does not let her approve it.
    const own = await preparer.fail('review.approve', { reviewId: review.id, password: 'li-na-pass' });
    expect(own).toEqual({
      code: 'FOUR_EYES',
      params: { problem: 'problem.fourEyesPreparer', name: 'li.na' },
    });
    expect(renderMessage('error.FOUR_EYES', own.params, 'zh-CN')).toContain('li.na 导入了该数据');
    expect(
      (await preparer.fail('review.approve', { reviewId: review.id, password: 'li-na-pass' })).code,
    ).toBe('FOUR_EYES');

    // The approval is signed with wang.shen's own key: a wrong password unlocks nothing.
    const wrong = await reviewer.fail('review.approve', { reviewId: review.id, password: 'not-his' });
    expect(wrong).toEqual({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.approvePassword', user: 'wang.shen' },
    });
    expect(renderMessage('error.INVALID_ARGUMENT', wrong.params, 'zh-CN')).toContain('密码不正确');
    expect(renderMessage('error.INVALID_ARGUMENT', wrong.params, 'en')).toContain('wrong password');

    const approved = await reviewer.call('review.approve', {
      reviewId: review.id,
      comment: ' 同意 ',
      password: 'wang-pass',
    });
    expect(approved.verdict).toEqual({
      verdict: 'approve',
      comment: '同意',
      by: 'wang.shen',
      at: expect.any(String) as string,
      contentSha256: review.contentSha256,
    });
    const detail = await reviewer.call('datasets.get', { id: review.datasetId });
    expect(detail.review?.verdict).toMatchObject({ verdict: 'approve', by: 'wang.shen' });
    // Concluded: no second verdict, and no decision changes under it.
    const again = await reviewer.fail('review.return', { reviewId: review.id, comment: '再看看' });
    expect(again.params).toMatchObject({ detail: 'detail.reviewAlreadyDecided', by: 'wang.shen' });
    const decideLate = await reviewer.fail('review.decide', {
      reviewId: review.id,
      finding: 1,
      decision: 'must-fix',
      reason: '',
    });
    expect(decideLate.params).toMatchObject({ detail: 'detail.reviewAlreadyDecided' });
    const audit = await admin.call('audit.list', { limit: 3 });
    expect(audit.find((e) => e.action === 'review.approve')).toMatchObject({
      actor: 'wang.shen',
      subject: review.datasetId,
      details: { reviewId: review.id, contentSha256: review.contentSha256, commented: true, signed: true },
    });
    // Append-only: the verdict cannot be changed or removed in SQL.
    const conn = await SqliteConnection.open(path.join(home, 'catalogue.sqlite'));
    try {
      // Stored with the statement wang.shen signed and a signature his public key verifies.
      const [row] = await conn.all<{ statement: string; signature: string; public_key: string }>(
        `SELECT statement, signature, public_key FROM review_verdicts JOIN accounts ON name = decided_by`,
      );
      if (!row) throw new Error('no verdict row');
      const statement = parseStatement(row.statement);
      expect(statement).toMatchObject({
        reviewId: review.id,
        datasetId: review.datasetId,
        contentSha256: review.contentSha256,
        reviewer: 'wang.shen',
        comment: '同意',
      });
      if (!statement) throw new Error('statement');
      const key = createPublicKey(row.public_key);
      expect(verify(null, statementBytes(statement), key, Buffer.from(row.signature, 'base64'))).toBe(true);
      const forged = statementBytes({ ...statement, contentSha256: '00'.repeat(32) });
      expect(verify(null, forged, key, Buffer.from(row.signature, 'base64'))).toBe(false);
      await expect(conn.run("UPDATE review_verdicts SET verdict = 'return'")).rejects.toThrow(/append-only/);
      await expect(conn.run('DELETE FROM review_verdicts')).rejects.toThrow(/append-only/);
    } finally {
      await conn.close();
    }
  });

  it('with accounts: neither the producer of a public version nor its original’s importer approves its review', async () => {
    const { dir, ws, local } = await scratch();
    await local.call('accounts.enable', { name: 'admin1', password: 'admin-pass-1' });
    const admin = await login(ws, 'admin1', 'admin-pass-1');
    const people = [
      ['li.na', ['curator', 'reviewer']],
      ['zhao.lei', ['publisher', 'reviewer']],
      ['wang.shen', ['reviewer']],
    ] as const;
    for (const [name, roles] of people)
      await admin.call('users.add', { name, roles: [...roles], password: `${name}-pass` });
    const [importer, producer, reviewer] = await Promise.all(
      people.map(([name]) => login(ws, name, `${name}-pass`)),
    );
    if (!importer || !producer || !reviewer) throw new Error('login');
    const original = await reviewedDem(dir, importer, reviewer);
    // The public version's record cites its data source (the marking rule); li.na records it.
    await readyForRelease({ curator: importer, reviewer }, original.datasetId);
    const released = await producer.call('release.create', { id: original.datasetId });
    const review = await reviewer.call('review.run', { id: released.id });
    expect(review.blocking).toBe(0);
    for (const [who, name] of [
      [producer, 'zhao.lei'],
      [importer, 'li.na'],
    ] as const)
      expect(await who.fail('review.approve', { reviewId: review.id, password: `${name}-pass` })).toEqual({
        code: 'FOUR_EYES',
        params: { problem: 'problem.fourEyesPreparer', name },
      });
    const approved = await reviewer.call('review.approve', {
      reviewId: review.id,
      password: 'wang.shen-pass',
    });
    expect(approved.verdict).toMatchObject({ verdict: 'approve', comment: '', by: 'wang.shen' });
  });

  it('returns with a comment only; a newer review supersedes the old verdict', async () => {
    const { dir, local } = await scratch();
    const review = await reviewedDem(dir, local, local);
    const noComment = await local.fail('review.return', { reviewId: review.id, comment: '  ' });
    expect(noComment.params).toEqual({ detail: 'detail.returnNeedsComment' });
    expect(renderMessage('error.INVALID_ARGUMENT', noComment.params, 'en')).toContain('needs a comment');
    const returned = await local.call('review.return', {
      reviewId: review.id,
      comment: '请降低坐标精度后重新提交',
    });
    expect(returned.verdict).toMatchObject({
      verdict: 'return',
      comment: '请降低坐标精度后重新提交',
      by: 'zhang.san',
    });
    const rerun = await local.call('review.run', { id: review.datasetId });
    expect(rerun.verdict).toBeNull();
    expect((await local.call('datasets.get', { id: review.datasetId })).review?.verdict).toBeNull();
    const stale = await local.fail('review.approve', { reviewId: review.id, password: '' });
    expect(stale.params).toEqual({ detail: 'detail.reviewSuperseded' });
    expect((await local.fail('review.approve', { reviewId: 'rv_0123456789abcdef', password: '' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('without accounts nobody can approve: the local user prepared everything and is not authenticated', async () => {
    const { dir, local } = await scratch();
    const review = await reviewedDem(dir, local, local);
    await acceptBlocking(local, review);
    const refused = await local.fail('review.approve', { reviewId: review.id, password: '' });
    expect(refused).toEqual({ code: 'FOUR_EYES', params: { problem: 'problem.fourEyesNeedsAccounts' } });
    expect(renderMessage('error.FOUR_EYES', refused.params, 'en')).toContain('accounts are not enabled');
    expect((await local.call('datasets.get', { id: review.datasetId })).review?.verdict).toBeNull();
  });

  it('from the command line: approve refused while undecided, return with a comment', async () => {
    const { dir, cleanup } = await tempDir('strata-verdicts-cli-');
    cleanups.push(cleanup);
    const cli = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
      runCommand(process.execPath, [
        path.join(ROOT, 'bin', 'strata.js'),
        '--home',
        path.join(dir, 'home'),
        '--lang',
        'zh-CN',
        ...args,
      ]);
    const file = await copyFixture(dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = JSON.parse((await cli('import', file, '--json')).stdout) as { id: string }[];
    if (!dem) throw new Error('import');
    const reviewId = /rv_[0-9a-f]{16}/.exec((await cli('review', dem.id)).stdout)?.[0] ?? '';
    const approve = await cli('approve', reviewId, '--json');
    expect(approve.code).not.toBe(0);
    expect(JSON.parse(approve.stderr)).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', params: { detail: 'detail.approveUndecided' } },
    });
    const noComment = await cli('return', reviewId);
    expect(noComment.code).not.toBe(0);
    expect(noComment.stderr).toContain('退回审查时须写明意见');
    const returned = await cli('return', reviewId, '--comment', '请降低精度');
    expect(returned.code, returned.stderr).toBe(0);
    expect(returned.stdout).toMatch(/审查结论：退回（.+，.+）: 请降低精度/);
    const json = await cli('return', reviewId, '--comment', '再次', '--json');
    expect(json.code).not.toBe(0);
    const shown = JSON.parse((await cli('show', dem.id, '--json')).stdout) as {
      detail: { review: { verdict: { verdict: string; comment: string } } };
    };
    expect(shown.detail.review.verdict).toMatchObject({ verdict: 'return', comment: '请降低精度' });
  });
});
