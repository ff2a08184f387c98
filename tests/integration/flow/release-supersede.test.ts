import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { readyForRelease } from '../../support/release-ready.js';
import { copyFixture } from '../../support/samples.js';
import { signingSuite } from '../../support/signing-team.js';

const suite = signingSuite();

/** ADR 0183: producing a public version again supersedes the one before it; never two in use. */
describe('a second public version of the same original', () => {
  it('withdraws the previous one with a recorded reason naming its successor, audited', async () => {
    const copy = await copyFixture(suite.dir, 'raster', 'elev.tif');
    const [dataset] = (await suite.client.call('datasets.import', { paths: [copy] })).datasets;
    if (!dataset) throw new Error('import');
    await readyForRelease(suite.team, dataset.id);
    const first = await suite.client.call('release.create', { id: dataset.id });
    const second = await suite.client.call('release.create', { id: dataset.id });
    expect(second.id).not.toBe(first.id);

    const old = await suite.client.call('datasets.get', { id: first.id });
    expect(old.standingChange).toMatchObject({
      standing: 'withdrawn',
      reason: renderMessage('publicVersion.superseded', { id: second.id }, 'zh-CN'),
    });
    expect(old.standingChange?.reason).toContain(second.id);
    expect((await suite.client.call('datasets.get', { id: second.id })).standingChange).toBeNull();
    // Only the newest is offered: the list in use holds the original and one public version.
    const inUse = (await suite.client.call('datasets.list', {})).map((d) => d.id);
    expect(inUse).toContain(second.id);
    expect(inUse).not.toContain(first.id);
    // The superseded one can no longer leave: export refuses it as not in use.
    const refused = await suite.client.fail('exchange.export', { id: first.id, outDir: suite.dir });
    expect(refused).toMatchObject({ code: 'NOT_IN_USE' });

    const audit = await suite.client.call('audit.list', { limit: 5 });
    expect(audit.map((a) => [a.action, a.subject])).toContainEqual(['datasets.withdraw', first.id]);

    // A third run withdraws the second; the first stays as it was (withdrawn once, not again).
    const third = await suite.client.call('release.create', { id: dataset.id });
    expect((await suite.client.call('datasets.get', { id: second.id })).standingChange?.reason).toContain(
      third.id,
    );
    expect((await suite.client.call('datasets.get', { id: first.id })).standingChange?.reason).toContain(
      second.id,
    );
  });
});
