// The child of tests/integration/store/kill-edits.test.ts, bundled by that test: opens the catalogue
// in HOME with the audit key (hex in STRATA_TEST_AUDIT_KEY), checks it, then makes numbered edits
// from START on, each a new record version of DATASET and its audit entry in one transaction, and
// prints `ack N` once the write (and the head file after it) has returned. It runs until killed.
import path from 'node:path';
import { asDatasetId } from '../../src-main/core/model/index.js';
import { openCatalogue } from '../../src-main/node/store/catalogue.js';
import { ledgerKey } from '../../src-main/node/store/ledger-key.js';

const [home = '', startText = '1', datasetText = ''] = process.argv.slice(2);
const key = ledgerKey(Buffer.from(process.env['STRATA_TEST_AUDIT_KEY'] ?? '', 'hex'));
const dataset = asDatasetId(datasetText);
const store = await openCatalogue(path.join(home, 'catalogue.sqlite'), {
  ledger: { key, headFile: path.join(home, 'audit-head.json') },
});
const check = await store.auditVerify();
if (!check.ok) {
  process.stdout.write(`broken ${JSON.stringify(check)}\n`);
  process.exit(2);
}
let version = (await store.recordVersions(dataset)).at(-1)?.version ?? 0;
process.stdout.write('ready\n');
for (let n = Number(startText); ; n += 1) {
  const base = version;
  await store.write(async (tx) => {
    await tx.appendRecordVersion(
      dataset,
      base,
      { title: `编辑 ${String(n)}`, abstract: '', level: '内部', period: '', attribution: '' },
      'kill.test',
    );
    await tx.appendAudit({ actor: 'kill.test', action: 'kill.edit', subject: dataset, details: { n } });
  });
  version = base + 1;
  process.stdout.write(`ack ${String(n)}\n`);
}
