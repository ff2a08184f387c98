import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { copyFixture } from '../../support/samples.js';
import { workstationSuite } from '../../support/workstation-suite.js';

// A review applies the profile the reviewer names, shipped or agency, in full or not at all
// (issue 8: "a profile that cannot be applied in full fails closed"; ADR 0176).

const suite = workstationSuite();

const zones = (west: number) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '限制区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [west, 25.2],
            [west + 0.2, 25.2],
            [west + 0.2, 25.4],
            [west, 25.2],
          ],
        ],
      },
    },
  ],
});

async function agencyProfile(): Promise<string> {
  await writeFile(path.join(suite.dir, 'zones.geojson'), JSON.stringify(zones(110.2)));
  const file = path.join(suite.dir, 'gx.json');
  await writeFile(
    file,
    JSON.stringify({
      id: 'gx-dzj',
      version: 1,
      name: '广西地质资料馆审查规则',
      rules: {
        'position-precision': { metres: 100 },
        'restricted-zone': { zones: [{ file: 'zones.geojson', crs: 'EPSG:4490' }] },
        marking: { periodLevels: ['秘密', '机密', '绝密'], explicitPeriod: true, attributionMinLength: 4 },
      },
    }),
  );
  return file;
}

describe('review.run with a chosen profile', () => {
  it('applies a loaded agency profile, refuses it once it cannot be applied as loaded, and names why', async () => {
    await suite.client.call('profiles.load', { file: await agencyProfile() });
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
    if (!dem) throw new Error('import');

    const agency = await suite.client.call('review.run', { id: dem.id, profile: 'gx-dzj' });
    expect(agency.profile).toMatchObject({ id: 'gx-dzj', version: 1 });
    expect(agency.profile.rules?.map((r) => r.id)).toEqual([
      'position-precision',
      'restricted-zone',
      'marking',
    ]);
    // Not the national profile: its raster-resolution check is not in this one.
    expect(agency.findings.filter((f) => f.ruleId === 'raster-resolution')).toEqual([]);
    const national = await suite.client.call('review.run', { id: dem.id, profile: 'cn-default' });
    expect(national.profile.id).toBe('cn-default');
    expect(national.findings.map((f) => f.ruleId)).toContain('raster-resolution');
    expect((await suite.client.call('review.run', { id: dem.id })).profile.id).toBe('cn-default');
    expect(await suite.client.fail('review.run', { id: dem.id, profile: 'no-such' })).toEqual({
      code: 'NOT_FOUND',
      params: { what: 'no-such' },
    });

    // Its zone file changed since the administrator loaded it: not what was loaded.
    await writeFile(path.join(suite.dir, 'zones.geojson'), JSON.stringify(zones(110.6)));
    const changed = await suite.client.fail('review.run', { id: dem.id, profile: 'gx-dzj' });
    expect(changed).toEqual({
      code: 'PROFILE_REFUSED',
      params: { id: 'gx-dzj', reason: 'reason.profileChanged', file: '' },
    });
    expect(renderMessage('error.PROFILE_REFUSED', changed.params, 'zh-CN')).toContain('无法完整应用');
    // Its zone file gone: it cannot be applied in full.
    await rm(path.join(suite.dir, 'zones.geojson'));
    const gone = await suite.client.fail('review.run', { id: dem.id, profile: 'gx-dzj' });
    expect(gone).toEqual({
      code: 'PROFILE_REFUSED',
      params: { id: 'gx-dzj', reason: 'reason.profileFileUnreadable', file: 'zones.geojson' },
    });
    expect(renderMessage('error.PROFILE_REFUSED', gone.params, 'en')).toContain(
      'the file it names, zones.geojson, cannot be read',
    );
    // Put back as loaded, it applies again.
    await writeFile(path.join(suite.dir, 'zones.geojson'), JSON.stringify(zones(110.2)));
    expect((await suite.client.call('review.run', { id: dem.id, profile: 'gx-dzj' })).profile.id).toBe(
      'gx-dzj',
    );

    // The stored document edited in SQL (a threshold relaxed): refused, not applied.
    const conn = await SqliteConnection.open(path.join(suite.home, 'catalogue.sqlite'));
    try {
      await conn.run(
        `UPDATE settings SET value = json_set(value, '$[0].document.rules.position-precision.metres', 1000)
          WHERE key = 'profiles'`,
      );
    } finally {
      await conn.close();
    }
    expect((await suite.client.fail('review.run', { id: dem.id, profile: 'gx-dzj' })).params).toMatchObject({
      reason: 'reason.profileChanged',
    });
    const reviews = (await suite.client.call('audit.list', { limit: 100 })).filter(
      (e) => e.action === 'review.run',
    );
    expect(reviews).toHaveLength(4);
  });
});
