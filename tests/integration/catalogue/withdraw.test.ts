import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { openObjectStore } from '../../../src-main/node/store/object-store.js';
import { readyForRelease } from '../../support/release-ready.js';
import { copyFixture } from '../../support/samples.js';
import { signingSuite } from '../../support/signing-team.js';

const suite = signingSuite();

const listed = async (all: boolean): Promise<string[]> =>
  (await suite.client.call('datasets.list', { all })).map((d) => `${d.id} ${d.standing}`);

describe('withdrawing and archiving a dataset', () => {
  it('keeps the original and says why; the audit log says who; review, release and export are refused', async () => {
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
    if (!dem) throw new Error('import');
    await readyForRelease(suite.team, dem.id);
    const publicVersion = await suite.client.call('release.create', { id: dem.id });

    const withdrawn = await suite.client.call('datasets.withdraw', {
      id: dem.id,
      reason: '  坐标系登记错误 ',
    });
    expect(withdrawn.summary.standing).toBe('withdrawn');
    expect(withdrawn.standingChange).toMatchObject({
      standing: 'withdrawn',
      reason: '坐标系登记错误',
      by: 'li.na',
    });
    const [entry] = await suite.client.call('audit.list', { limit: 1 });
    expect(entry).toMatchObject({
      actor: 'li.na',
      action: 'datasets.withdraw',
      subject: dem.id,
      details: { from: 'active', to: 'withdrawn', reason: '坐标系登记错误' },
    });

    // Out of the default list, still found with `all` and by id; its record and file are untouched.
    expect(await listed(false)).toEqual([`${publicVersion.id} active`]);
    expect(await listed(true)).toEqual([`${dem.id} withdrawn`, `${publicVersion.id} active`]);
    // Its record keeps its two versions (as imported, and with the 数据来源 the release needed).
    expect((await suite.client.call('datasets.get', { id: dem.id })).versions).toHaveLength(2);
    const objects = await openObjectStore(path.join(suite.home, 'store'));
    expect(await objects.has(dem.sha256)).toBe(true);

    // Neither it nor what was made from it is offered for review, release or export.
    const out = path.join(suite.dir, 'out');
    for (const refused of [
      await suite.client.fail('review.run', { id: dem.id }),
      await suite.client.fail('release.create', { id: dem.id }),
      await suite.client.fail('exchange.export', { id: publicVersion.id, outDir: out }),
    ])
      expect(refused).toEqual({ code: 'NOT_IN_USE', params: { state: 'standing.withdrawn' } });
    expect(renderMessage('error.NOT_IN_USE', { state: 'standing.withdrawn' }, 'zh-CN')).toContain(
      '该数据集已撤回',
    );

    // A second withdrawal, an empty reason and a reviewer are refused, and write nothing.
    const auditBefore = (await suite.client.call('audit.list', { limit: 1000 })).length;
    expect(await suite.client.fail('datasets.withdraw', { id: dem.id, reason: '再次' })).toEqual({
      code: 'INVALID_ARGUMENT',
      params: {
        detail: 'detail.standingMove',
        state: 'standing.withdrawn',
        action: 'standing.action.withdraw',
      },
    });
    expect(await suite.client.fail('datasets.archive', { id: dem.id, reason: ' ' })).toEqual({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'detail.reasonRequired' },
    });
    expect((await suite.team.reviewer.fail('datasets.restore', { id: dem.id, reason: '误撤' })).code).toBe(
      'FORBIDDEN',
    );
    expect(await suite.client.call('audit.list', { limit: 1000 })).toHaveLength(auditBefore);

    // Restored, it is in use again; archived, it leaves the list once more.
    await suite.client.call('datasets.restore', { id: dem.id, reason: '已更正' });
    expect(await listed(false)).toEqual([`${dem.id} active`, `${publicVersion.id} active`]);
    expect((await suite.client.call('review.run', { id: dem.id })).findings.length).toBeGreaterThan(0);
    const archived = await suite.client.call('datasets.archive', {
      id: publicVersion.id,
      reason: '已被新版取代',
    });
    expect(archived.standingChange).toMatchObject({ standing: 'archived', reason: '已被新版取代' });
    expect(await listed(false)).toEqual([`${dem.id} active`]);
    expect(
      (await suite.client.fail('exchange.export', { id: publicVersion.id, outDir: out })).params,
    ).toEqual({
      state: 'standing.archived',
    });
    expect((await suite.client.call('audit.verify', {})).ok).toBe(true);
  });
});
