import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, policyOf } from '../../../src-main/api/contract.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { testDispatch } from '../../support/test-dispatch.js';
import { tempDir } from '../../support/samples.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const POINTS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '矿点' },
      geometry: { type: 'Point', coordinates: [110.3, 25.3] },
    },
  ],
});

describe('a workstation whose audit chain is broken', () => {
  it('opens read-only: every mutating method is refused through the real dispatcher, every read runs', async () => {
    const scratch = await tempDir();
    cleanups.push(scratch.cleanup);
    const home = path.join(scratch.dir, 'home');
    const file = path.join(scratch.dir, 'points.geojson');
    await writeFile(file, POINTS);

    const first = await openWorkstation({ home });
    const writable = testDispatch(first);
    const imported = await writable('datasets.import', { paths: [file] });
    expect(imported).toMatchObject({ ok: true, value: { failures: [] } });
    // The caller the host built is who the audit log names.
    expect(await writable('audit.list', { limit: 10 })).toMatchObject({
      ok: true,
      value: [{ actor: 'curator', action: 'dataset.import' }],
    });
    await first.close();

    const raw = await SqliteConnection.open(path.join(home, 'catalogue.sqlite'));
    try {
      await raw.exec('DROP TRIGGER audit_no_update');
      await raw.run(`UPDATE audit SET details = '{"files":0}' WHERE seq = 1`);
    } finally {
      await raw.close();
    }

    const ws = await openWorkstation({ home });
    cleanups.push(() => ws.close());
    expect(ws.readOnly).toBe(true);
    const dispatch = testDispatch(ws);
    for (const name of METHOD_NAMES) {
      const result = await dispatch(name, {});
      const code = result.ok ? null : result.error.code;
      if (policyOf(name).mutates) expect(code, name).toBe('READ_ONLY');
      else expect(code, name).not.toBe('READ_ONLY');
    }
    const list = await dispatch('datasets.list', {});
    expect(list.ok && list.value).toHaveLength(1);
    expect(await dispatch('audit.verify', {})).toMatchObject({ ok: true, value: { ok: false, brokenAt: 1 } });
    expect(await dispatch('system.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: true, user: 'curator' },
    });
  });
});
