import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture } from '../../support/samples.js';
import { workstationSuite } from '../../support/workstation-suite.js';

const suite = workstationSuite();

const datasetCount = async (): Promise<number> => (await suite.client.call('datasets.list', {})).length;

describe('importing bytes the archive holds already', () => {
  it('makes no second dataset, names the one holding them (current title), also under another name', async () => {
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
    if (!dem) throw new Error('import');
    await suite.client.call('catalogue.save', {
      id: dem.id,
      baseVersion: 1,
      fields: { title: '桂林幅 数字高程模型', abstract: '', level: '内部', period: '' },
    });
    const before = await datasetCount();
    const auditBefore = (await suite.client.call('audit.list', { limit: 1000 })).length;

    const again = await suite.client.call('datasets.import', { paths: [file] });
    expect(again.datasets).toEqual([]);
    expect(again.failures).toEqual([]);
    expect(again.duplicates).toEqual([
      {
        file: 'guilin_dem_xian80_gk40_5m.tif',
        layer: null,
        code: 'import.duplicate',
        params: { file: 'guilin_dem_xian80_gk40_5m.tif', title: '桂林幅 数字高程模型', id: dem.id },
        duplicateOf: { id: dem.id, title: '桂林幅 数字高程模型' },
      },
    ]);
    // A renamed copy is the same content.
    const renamed = path.join(suite.dir, '桂林复制件.tif');
    await copyFile(file, renamed);
    const copy = await suite.client.call('datasets.import', { paths: [renamed] });
    expect(copy.duplicates.map((d) => d.duplicateOf.id)).toEqual([dem.id]);
    expect(await datasetCount()).toBe(before);
    // Nothing changed, so nothing was audited.
    expect(await suite.client.call('audit.list', { limit: 1000 })).toHaveLength(auditBefore);
  });

  it('makes a deliberate second dataset when asked, its audit entry naming the first', async () => {
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'guangxi_dem_cgcs2000_geo.tif');
    const [first] = (await suite.client.call('datasets.import', { paths: [file] })).datasets;
    if (!first) throw new Error('import');
    const copy = await suite.client.call('datasets.import', { paths: [file], allowDuplicate: true });
    expect(copy.duplicates).toEqual([]);
    const [second] = copy.datasets;
    expect(second?.id).not.toBe(first.id);
    const [entry] = await suite.client.call('audit.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'dataset.import', subject: second?.id });
    expect(entry?.details).toMatchObject({ duplicateOf: first.id });
  });

  it('makes one dataset of two imports of the same file at the same time', async () => {
    const file = await copyFixture(suite.dir, 'chinese', 'raster', 'nanning_rgb_cgcs2000_cm108_0p5m.tif');
    const both = await Promise.all([
      suite.client.call('datasets.import', { paths: [file] }),
      suite.client.call('datasets.import', { paths: [file] }),
    ]);
    expect(both.map((r) => r.datasets.length).sort()).toEqual([0, 1]);
    expect(both.map((r) => r.duplicates.length).sort()).toEqual([0, 1]);
  });

  it('keys a multi-layer file by layer, and a shapefile by every file of its set', async () => {
    const gpkg = await copyFixture(suite.dir, 'containers', '矿产地质.gpkg');
    const layers = (await suite.client.call('datasets.import', { paths: [gpkg] })).datasets;
    expect(layers.map((d) => d.layer)).toEqual(['钻孔', '断层', '采矿权']);
    const again = await suite.client.call('datasets.import', { paths: [gpkg] });
    expect(again.datasets).toEqual([]);
    expect(again.duplicates.map((d) => [d.layer, d.duplicateOf.id, d.params['file']])).toEqual(
      layers.map((d) => [d.layer, d.id, `矿产地质.gpkg [${String(d.layer)}]`]),
    );

    // The same .shp read with another side file (a .cpg naming its encoding) is other data.
    const dir = await copyFixture(suite.dir, 'shapefile', 'mbostock_points');
    const shp = path.join(dir, 'points.shp');
    const [points] = (await suite.client.call('datasets.import', { paths: [shp] })).datasets;
    if (!points) throw new Error('import');
    expect((await suite.client.call('datasets.import', { paths: [shp] })).duplicates).toHaveLength(1);
    await writeFile(path.join(dir, 'points.cpg'), 'UTF-8');
    const edited = await suite.client.call('datasets.import', { paths: [shp] });
    expect(edited.duplicates).toEqual([]);
    expect(edited.datasets).toHaveLength(1);
  });
});
