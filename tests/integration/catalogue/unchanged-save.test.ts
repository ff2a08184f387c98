import { describe, expect, it } from 'vitest';
import { copyFixture } from '../../support/samples.js';
import { workstationSuite } from '../../support/workstation-suite.js';

const suite = workstationSuite();

describe('saving the catalogue form', () => {
  it('makes no empty version when nothing changed, and a version when something did', async () => {
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
    if (!dem) throw new Error('import');
    const before = await suite.client.call('datasets.get', { id: dem.id });
    const auditBefore = (await suite.client.call('audit.list', { limit: 1000 })).length;

    const same = await suite.client.call('catalogue.save', {
      id: dem.id,
      baseVersion: before.record.version,
      fields: before.record.fields,
    });
    expect(same.version).toBe(before.record.version);
    const after = await suite.client.call('datasets.get', { id: dem.id });
    expect(after.versions).toHaveLength(before.versions.length);
    expect(await suite.client.call('audit.list', { limit: 1000 })).toHaveLength(auditBefore);

    const edited = await suite.client.call('catalogue.save', {
      id: dem.id,
      baseVersion: before.record.version,
      fields: { ...before.record.fields, title: `${before.record.fields.title}（修订）` },
    });
    expect(edited.version).toBe(before.record.version + 1);
    // The unchanged form on the now older version is still a conflict, not a silent no-op.
    const stale = await suite.client.fail('catalogue.save', {
      id: dem.id,
      baseVersion: before.record.version,
      fields: before.record.fields,
    });
    expect(stale.code).toBe('CONFLICT');
  });
});
