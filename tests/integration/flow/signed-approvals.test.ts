import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { ReviewId } from '../../../src-main/core/model/index.js';
import {
  reportBytes,
  statementBytes,
  statementJson,
  type ApprovalStatement,
} from '../../../src-main/core/review/approval.js';
import { unwrapUserKey } from '../../../src-main/node/accounts/account-crypto.js';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { readyForRelease } from '../../support/release-ready.js';
import { copyFixture } from '../../support/samples.js';
import { TEAM, approveCurrent, signingSuite } from '../../support/signing-team.js';

// Approvals are signatures by the reviewer's own key (ADR 0176). An insider who can write the
// catalogue file, but holds no reviewer's password, cannot make one: each attack below edits rows
// as another program would, and release or export refuses it with the reason.

const suite = signingSuite();
const catalogueFile = (): string => path.join(suite.home, 'catalogue.sqlite');

async function sql(statement: string, params: readonly (string | number)[] = []): Promise<void> {
  const conn = await SqliteConnection.open(catalogueFile());
  try {
    await conn.run(statement, [...params]);
  } finally {
    await conn.close();
  }
}

/** The secret 5 m DEM imported by the curator (its own dataset each time). */
async function importSecretDem(): Promise<string> {
  const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
  const [dem] = (await suite.client.call('datasets.import', { paths: [file], allowDuplicate: true }))
    .datasets;
  if (!dem) throw new Error('import');
  return dem.id;
}

/** An original approved by the reviewer and its public version, whose own review is not approved yet. */
async function releasedDem(): Promise<{ source: string; released: string; reviewId: ReviewId }> {
  const source = await importSecretDem();
  await readyForRelease(suite.team, source);
  const released = await suite.client.call('release.create', { id: source });
  return { source, released: released.id, reviewId: released.review.id };
}

/**
 * A statement over review `reviewId` as the service would make it (the stored review and decisions
 * hashed), signed with `key` and written straight into review_verdicts under `signer`'s name.
 */
async function forgeVerdict(
  reviewId: ReviewId,
  signer: string,
  key: KeyObject,
  edit: (s: ApprovalStatement) => ApprovalStatement = (s) => s,
): Promise<void> {
  const catalogue = await openCatalogue(catalogueFile(), { readOnly: true });
  let statement: ApprovalStatement;
  try {
    const review = await catalogue.getReview(reviewId);
    if (review === null) throw new Error('no review');
    const report = reportBytes(review, await catalogue.decisions(reviewId));
    statement = edit({
      reviewId,
      datasetId: review.datasetId,
      contentSha256: review.contentSha256,
      reportSha256: createHash('sha256').update(report).digest('hex'),
      reviewer: signer,
      comment: '',
      approvedAt: '2026-12-04T12:00:00.000Z',
    });
  } finally {
    await catalogue.close();
  }
  const signature = sign(null, statementBytes(statement), key).toString('base64');
  await sql(
    `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at, statement, signature)
     VALUES (?, 'approve', '', ?, ?, ?, ?, ?)`,
    [reviewId, statement.contentSha256, signer, statement.approvedAt, statementJson(statement), signature],
  );
}

/** The private key of an account, unwrapped with its password, as an insider who knows it would. */
async function ownKey(name: string, password: string): Promise<KeyObject> {
  const catalogue = await openCatalogue(catalogueFile(), { readOnly: true });
  try {
    const row = await catalogue.getAccount(name);
    if (row === null) throw new Error(`no account ${name}`);
    return await unwrapUserKey(name, row, password);
  } finally {
    await catalogue.close();
  }
}

const exportOf = (id: string, out: string) =>
  suite.client.fail('exchange.export', { id, outDir: path.join(suite.dir, out) });

describe('a signed approval from review to export (ADR 0176)', () => {
  it('approve the original, release, approve the public version, export: the bag names the approver', async () => {
    const { source, released } = await releasedDem();
    const approved = await approveCurrent(suite.team.reviewer, released);
    expect(approved.verdict).toMatchObject({ verdict: 'approve', by: TEAM.reviewer.name });
    const exported = await suite.client.call('exchange.export', {
      id: released,
      outDir: path.join(suite.dir, 'happy'),
    });
    expect((await suite.client.call('exchange.verify', { bag: exported.bag })).ok).toBe(true);
    const bagInfo = await readFile(path.join(exported.bag, 'bag-info.txt'), 'utf8');
    expect(bagInfo).toContain('Strata-Reviewer: wang.shen');
    const audit = await suite.team.admin.call('audit.list', { limit: 50 });
    // The package holds both chain tails at export (ADR 0185): the newest entry before the export's own.
    const before = audit.find((e) => e.action === 'exchange.export');
    const head = audit.find((e) => e.seq === (before?.seq ?? 0) - 1);
    expect(bagInfo).toContain(
      `Strata-Audit-Head: ${head?.hash ?? '?'}\nStrata-Audit-Seq: ${String(head?.seq)}\n`,
    );
    expect(bagInfo).toMatch(/Strata-Version-Head: [0-9a-f]{64}\nStrata-Version-Seq: [1-9]\d*\n/);
    expect(audit.filter((e) => e.action === 'review.approve').map((e) => e.subject)).toEqual(
      expect.arrayContaining([source, released]),
    );
    expect(audit.find((e) => e.action === 'review.approve')?.details).toMatchObject({ signed: true });
  });

  it('the curator cannot approve what she prepared, and a wrong password signs nothing', async () => {
    const { released, reviewId } = await releasedDem();
    expect(await suite.client.fail('review.approve', { reviewId, password: TEAM.curator.password })).toEqual({
      code: 'FOUR_EYES',
      params: { problem: 'problem.fourEyesPreparer', name: 'li.na' },
    });
    expect(await suite.team.reviewer.fail('review.approve', { reviewId, password: 'guess' })).toEqual({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.approvePassword', user: 'wang.shen' },
    });
    expect((await suite.client.call('datasets.get', { id: released })).review?.verdict).toBeNull();
  });
});

describe('approvals made by editing the catalogue are refused', () => {
  it('no public version from an original whose approval row was written in SQL', async () => {
    const id = await importSecretDem();
    const review = await suite.client.call('review.run', { id });
    await sql(
      `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at)
       VALUES (?, 'approve', '', ?, 'wang.shen', '2026-12-04T12:00:00.000Z')`,
      [review.id, review.contentSha256],
    );
    const refused = await suite.client.fail('release.create', { id });
    expect(refused).toEqual({
      code: 'RELEASE_REFUSED',
      params: { reason: 'reason.approvalUnsigned', id },
    });
    expect(renderMessage('error.RELEASE_REFUSED', refused.params, 'en')).toContain(
      'carries no signature of the reviewer’s own key',
    );
  });

  it('a genuine signature copied onto another review names that other review', async () => {
    const first = await releasedDem();
    await approveCurrent(suite.team.reviewer, first.released);
    const second = await releasedDem();
    await sql(
      `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at, statement, signature)
       SELECT ?, verdict, comment, ?, decided_by, decided_at, statement, signature FROM review_verdicts WHERE review_id = ?`,
      [
        second.reviewId,
        (await suite.client.call('datasets.get', { id: second.released })).summary.sha256,
        first.reviewId,
      ],
    );
    expect(await exportOf(second.released, 'copied')).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalMismatch', id: second.released, by: 'wang.shen' },
    });
    // The copied statement edited to name this review: the signature no longer verifies.
    const third = await releasedDem();
    const [copied] = await readVerdicts(first.reviewId);
    if (!copied) throw new Error('no verdict');
    const edited = { ...(JSON.parse(copied.statement) as ApprovalStatement), reviewId: third.reviewId };
    await sql(
      `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at, statement, signature)
       VALUES (?, 'approve', '', ?, 'wang.shen', ?, ?, ?)`,
      [third.reviewId, edited.contentSha256, edited.approvedAt, statementJson(edited), copied.signature],
    );
    const forged = await exportOf(third.released, 'edited');
    expect(forged).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalSignature', id: third.released, by: 'wang.shen' },
    });
    expect(renderMessage('error.EXPORT_REFUSED', forged.params, 'zh-CN')).toContain('批准记录已被改动');
  });

  it('a statement signed with the own key of an account that is not a reviewer', async () => {
    const { released, reviewId } = await releasedDem();
    await forgeVerdict(reviewId, TEAM.admin.name, await ownKey(TEAM.admin.name, TEAM.admin.password));
    const refused = await exportOf(released, 'admin-signed');
    expect(refused).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalSignerRole', id: released, by: 'admin1' },
    });
    expect(renderMessage('error.EXPORT_REFUSED', refused.params, 'zh-CN')).toContain('不具有审查员角色');
  });

  it('bytes changed after the approval void it, and so does a decision added after it', async () => {
    const { source, released } = await releasedDem();
    await approveCurrent(suite.team.reviewer, released);
    // The public version's row and its approved review pointed at other stored bytes.
    const other = await copyFixture(suite.dir, 'raster', 'elev.tif');
    const [decoy] = (await suite.client.call('datasets.import', { paths: [other], allowDuplicate: true }))
      .datasets;
    if (!decoy) throw new Error('import');
    const [kept] = await sqlAll<{ sha256: string; files: string }>(
      'SELECT sha256, files FROM datasets WHERE id = ?',
      [released],
    );
    if (!kept) throw new Error('no row');
    await sql(
      `UPDATE datasets SET sha256 = ?, files = (SELECT files FROM datasets WHERE id = ?) WHERE id = ?`,
      [decoy.sha256, decoy.id, released],
    );
    await sql(`UPDATE reviews SET content_sha256 = ? WHERE dataset_id = ?`, [decoy.sha256, released]);
    const changed = await exportOf(released, 'changed');
    expect(changed).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalContentChanged', id: released, by: 'wang.shen' },
    });
    expect(renderMessage('error.EXPORT_REFUSED', changed.params, 'en')).toContain(
      'no longer what the reviewer approved',
    );
    await sql(`UPDATE reviews SET content_sha256 = ? WHERE dataset_id = ?`, [kept.sha256, released]);
    await sql(`UPDATE datasets SET sha256 = ?, files = ? WHERE id = ?`, [kept.sha256, kept.files, released]);
    // Put back, it leaves: what voided the approval was the change.
    const ok = await suite.client.call('exchange.export', {
      id: released,
      outDir: path.join(suite.dir, 'restored'),
    });
    expect((await suite.client.call('exchange.verify', { bag: ok.bag })).ok).toBe(true);

    // The original's review gets a decision the reviewer never signed.
    const sourceReview = (await suite.client.call('datasets.get', { id: source })).review;
    if (!sourceReview) throw new Error('no review');
    await sql(
      `INSERT INTO finding_decisions (review_id, finding, decision, reason, decided_by, decided_at)
       VALUES (?, 1, 'false-positive', '无问题', 'wang.shen', '2026-12-04T13:00:00.000Z')`,
      [sourceReview.id],
    );
    const out = path.join(suite.dir, 'report');
    const report = await suite.client.fail('exchange.export', { id: released, outDir: out });
    expect(report).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalReportChanged', id: source, by: 'wang.shen' },
    });
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  // Last: it leaves wang.shen's row untrusted.
  it('the reviewer’s public key replaced in SQL by one the insider holds', async () => {
    const { released, reviewId } = await releasedDem();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await sql(`UPDATE accounts SET public_key = ? WHERE name = ?`, [
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      TEAM.reviewer.name,
    ]);
    await forgeVerdict(reviewId, TEAM.reviewer.name, privateKey);
    expect(await exportOf(released, 'rekeyed')).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalSigner', id: released, by: 'wang.shen' },
    });
  });
});

async function sqlAll<T>(query: string, params: readonly string[]): Promise<T[]> {
  const conn = await SqliteConnection.open(catalogueFile());
  try {
    return await conn.all<T>(query, [...params]);
  } finally {
    await conn.close();
  }
}

const readVerdicts = (reviewId: string) =>
  sqlAll<{ statement: string; signature: string }>(
    'SELECT statement, signature FROM review_verdicts WHERE review_id = ?',
    [reviewId],
  );
