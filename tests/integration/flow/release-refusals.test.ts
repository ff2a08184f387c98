import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { testDispatch } from '../../support/test-dispatch.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { copyFixture, tempDir } from '../../support/samples.js';
import { renderMessage } from '../../../src-main/api/messages.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let client: Client;

beforeAll(async () => {
  scratch = await tempDir();
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  client = clientOf(testDispatch(ws));
});
afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

/** A public version needs somewhere to put the degraded data: a CRS and a grid. */
describe('public versions that cannot be made are refused with the reason', () => {
  it.each([
    ['no_crs.tif', 'reason.noCrs', 'no known coordinate reference system'],
    ['box_gcp.tif', 'reason.notGeoreferenced', 'ground control points only'],
  ])('%s: %s', async (file, reason, english) => {
    const copy = await copyFixture(scratch.dir, 'raster', file);
    const [dataset] = (await client.call('datasets.import', { paths: [copy] })).datasets;
    if (!dataset) throw new Error('import');
    const refused = await client.fail('release.create', { id: dataset.id });
    expect(refused.code).toBe('RELEASE_REFUSED');
    expect(refused.params['reason']).toBe(reason);
    expect(renderMessage('error.RELEASE_REFUSED', refused.params, 'en')).toContain(english);
    expect((await client.call('datasets.get', { id: dataset.id })).publicVersions).toEqual([]);
  });

  it('a public version is not released again', async () => {
    const copy = await copyFixture(scratch.dir, 'raster', 'elev.tif');
    const [dataset] = (await client.call('datasets.import', { paths: [copy] })).datasets;
    if (!dataset) throw new Error('import');
    const released = await client.call('release.create', { id: dataset.id });
    const again = await client.fail('release.create', { id: released.id });
    expect(again.params['reason']).toBe('reason.alreadyPublic');
    expect(renderMessage('error.RELEASE_REFUSED', again.params, 'en')).toContain(
      'already is a public version',
    );
  });
});
