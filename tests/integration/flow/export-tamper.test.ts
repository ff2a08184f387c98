import { chmod, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { openObjectStore } from '../../../src-main/node/store/object-store.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { openKeystore } from '../../../src-main/node/exchange/keystore.js';
import { ledgerKey } from '../../../src-main/node/store/ledger-key.js';
import { appendVersionLink } from '../../../src-main/node/store/version-chain.js';
import { copyFixture } from '../../support/samples.js';
import { approveCurrent, signingSuite } from '../../support/signing-team.js';
import { readyForRelease } from '../../support/release-ready.js';

// An insider with write access to the catalogue file and the object store, but not to the
// workstation's review: export must refuse whatever the rows say (SECURITY.md, issue 8). Since
// ADR 0185 a version row written in SQL breaks the keyed version chain; these scenarios give the
// insider the workstation key too, so they test export's own checks, not the audit check.

const suite = signingSuite();

/** Runs SQL on the catalogue file as another program would, beside the running workstation. */
async function tamper(statements: readonly [string, readonly (string | number)[]][]): Promise<void> {
  const conn = await SqliteConnection.open(path.join(suite.home, 'catalogue.sqlite'));
  try {
    for (const [sql, params] of statements) await conn.run(sql, [...params]);
    const key = ledgerKey((await openKeystore(path.join(suite.home, 'keys'))).auditSecret());
    const unlinked = await conn.all<{ dataset_id: string; version: number }>(
      `SELECT dataset_id, version FROM record_versions v WHERE NOT EXISTS
         (SELECT 1 FROM version_chain c WHERE c.dataset_id = v.dataset_id AND c.version = v.version)`,
    );
    for (const v of unlinked) await appendVersionLink(conn, key, v.dataset_id, v.version);
  } finally {
    await conn.close();
  }
}

async function importSecretDem(): Promise<{ id: string; sha256: string }> {
  const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
  // Each scenario tampers with its own dataset: the same bytes again, asked for deliberately.
  const [dem] = (await suite.client.call('datasets.import', { paths: [file], allowDuplicate: true }))
    .datasets;
  if (!dem) throw new Error('import');
  return { id: dem.id, sha256: dem.sha256 };
}

const cleanReview = (id: string, sha256: string): [string, string[]] => [
  `INSERT INTO reviews (id, dataset_id, profile_id, profile_version, profile_name, findings, content_sha256, reviewer, created_at)
   VALUES ('rv_' || lower(hex(randomblob(8))), ?, 'cn-default', 2, '默认', '[]', ?, 'reviewer', '2026-12-01T00:00:00.000Z')`,
  [id, sha256],
];
const publicRecord = (id: string): [string, string[]] => [
  `INSERT INTO record_versions (dataset_id, version, title, abstract, level, period, author, created_at)
   VALUES (?, 99, '公开数据', '', '公开', '', 'curator', '2026-12-01T00:00:00.000Z')`,
  [id],
];

describe('export refuses a secret original dressed up as a public version by editing rows', () => {
  it('the three statements: itself as its source, a review without findings, a version marked 公开', async () => {
    const dem = await importSecretDem();
    await tamper([
      ['UPDATE datasets SET source_id = id, status = ? WHERE id = ?', ['public-version', dem.id]],
      cleanReview(dem.id, dem.sha256),
      publicRecord(dem.id),
    ]);
    expect((await suite.client.call('audit.verify', {})).ok).toBe(true);
    const refused = await suite.client.fail('exchange.export', {
      id: dem.id,
      outDir: path.join(suite.dir, 'out1'),
    });
    expect(refused).toMatchObject({ code: 'EXPORT_REFUSED', params: { reason: 'reason.lineageBroken' } });
    expect(renderMessage('error.EXPORT_REFUSED', refused.params, 'zh-CN')).toContain(
      '沿革记录未指向其原始数据',
    );
  });

  it('with a forged lineage to another original too, the review nobody approved is refused before anything is packaged', async () => {
    const dem = await importSecretDem();
    const other = await copyFixture(suite.dir, 'raster', 'elev.tif');
    const [decoy] = (await suite.client.call('datasets.import', { paths: [other] })).datasets;
    if (!decoy) throw new Error('import');
    const decoySha = decoy.sha256;
    await tamper([
      ['UPDATE datasets SET source_id = ?, status = ? WHERE id = ?', [decoy.id, 'public-version', dem.id]],
      [
        `INSERT INTO lineage (dataset_id, source_id, source_sha256, steps, author, created_at)
         VALUES (?, ?, ?, '[]', 'curator', '2026-12-01T00:00:00.000Z')`,
        [dem.id, decoy.id, decoySha],
      ],
      cleanReview(dem.id, dem.sha256),
      publicRecord(dem.id),
    ]);
    const out = path.join(suite.dir, 'out2');
    const refused = await suite.client.fail('exchange.export', { id: dem.id, outDir: out });
    expect(refused).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.notApproved', id: dem.id },
    });
    expect(renderMessage('error.EXPORT_REFUSED', refused.params, 'en')).toContain(
      'has not been approved by a reviewer',
    );
    // Refused before anything was written: not even the output folder.
    expect(await readdir(out).catch(() => 'none')).toBe('none');

    // A fourth statement, an approval row written in SQL: it carries no reviewer's signature.
    await tamper([
      [
        `INSERT INTO review_verdicts (review_id, verdict, comment, content_sha256, decided_by, decided_at)
         SELECT id, 'approve', '', content_sha256, 'wang.shen', '2026-12-01T00:00:00.000Z' FROM reviews
          WHERE dataset_id = ? ORDER BY pk DESC LIMIT 1`,
        [dem.id],
      ],
    ]);
    expect((await suite.client.call('audit.verify', {})).ok).toBe(true);
    const unsigned = await suite.client.fail('exchange.export', { id: dem.id, outDir: out });
    expect(unsigned).toEqual({
      code: 'EXPORT_REFUSED',
      params: { reason: 'reason.approvalUnsigned', id: dem.id },
    });
    expect(renderMessage('error.EXPORT_REFUSED', unsigned.params, 'zh-CN')).toContain('没有审查员本人的签名');
    expect(await readdir(out).catch(() => 'none')).toBe('none');
  });

  it('a genuine public version whose stored file was swapped afterwards is refused, and leaves no bag', async () => {
    const dem = await importSecretDem();
    await readyForRelease(suite.team, dem.id);
    const released = await suite.client.call('release.create', { id: dem.id });
    await approveCurrent(suite.team.reviewer, released.id);
    const detail = await suite.client.call('datasets.get', { id: released.id });
    const object = (await openObjectStore(path.join(suite.home, 'store'))).pathOf(detail.summary.sha256);
    await chmod(object, 0o644);
    await writeFile(object, 'not the reviewed bytes');
    const out = path.join(suite.dir, 'out3');
    const refused = await suite.client.fail('exchange.export', { id: released.id, outDir: out });
    expect(refused).toMatchObject({ code: 'EXPORT_REFUSED', params: { reason: 'reason.payloadAltered' } });
    expect(await readdir(out)).toEqual([]);
  });
});
