import { describe, expect, it } from 'vitest';
import { copyFixture } from '../../support/samples.js';
import { signingSuite } from '../../support/signing-team.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import { readyForRelease } from '../../support/release-ready.js';

const suite = signingSuite();

/** A public version needs somewhere to put the degraded data: a CRS and a grid. */
describe('public versions that cannot be made are refused with the reason', () => {
  it.each([
    ['no_crs.tif', 'reason.noCrs', 'no known coordinate reference system'],
    ['box_gcp.tif', 'reason.notGeoreferenced', 'ground control points only'],
  ])('%s: %s', async (file, reason, english) => {
    const copy = await copyFixture(suite.dir, 'raster', file);
    const [dataset] = (await suite.client.call('datasets.import', { paths: [copy] })).datasets;
    if (!dataset) throw new Error('import');
    const refused = await suite.client.fail('release.create', { id: dataset.id });
    expect(refused.code).toBe('RELEASE_REFUSED');
    expect(refused.params['reason']).toBe(reason);
    expect(renderMessage('error.RELEASE_REFUSED', refused.params, 'en')).toContain(english);
    expect((await suite.client.call('datasets.get', { id: dataset.id })).publicVersions).toEqual([]);
  });

  it('a public version is not released again', async () => {
    const copy = await copyFixture(suite.dir, 'raster', 'elev.tif');
    const [dataset] = (await suite.client.call('datasets.import', { paths: [copy] })).datasets;
    if (!dataset) throw new Error('import');
    await readyForRelease(suite.team, dataset.id);
    const released = await suite.client.call('release.create', { id: dataset.id });
    const again = await suite.client.fail('release.create', { id: released.id });
    expect(again.params['reason']).toBe('reason.alreadyPublic');
    expect(renderMessage('error.RELEASE_REFUSED', again.params, 'en')).toContain(
      'already is a public version',
    );
  });
});
