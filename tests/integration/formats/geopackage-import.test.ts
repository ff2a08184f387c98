import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetId } from '../../../src-main/core/model/index.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { fixture } from '../../fixtures/index.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { ogrLayers } from '../../support/ogr-layers.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let api: Client;

beforeAll(async () => {
  scratch = await tempDir('strata-gpkg-import-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  api = clientOf(testDispatch(ws));
});

afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

describe('a multi-layer GeoPackage through the import service', () => {
  it('gives one dataset per layer, each named by its layer, and review re-reads that layer', async () => {
    const file = fixture('containers', 'odd-names.gpkg');
    const gdal = await ogrLayers(file);
    const result = await api.call('datasets.import', { paths: [file] });
    expect(result.failures).toEqual([]);
    expect(result.datasets.map((d) => [d.format, d.layer, d.crs, d.featureCount])).toEqual(
      gdal.map((l) => ['GeoPackage', l.name, l.epsg, l.featureCount]),
    );
    for (const dataset of result.datasets) {
      const features = await api.call('datasets.features', { id: dataset.id });
      expect(features.features).toHaveLength(dataset.featureCount ?? -1);
      const report = await api.call('review.run', { id: dataset.id });
      expect(report.datasetId).toBe(dataset.id);
      expect(report.contentSha256).toBe(dataset.sha256);
    }
    // Each dataset's features are its own layer's: the first borehole, the first fault.
    const [boreholes, faults] = result.datasets;
    if (boreholes === undefined || faults === undefined) throw new Error('layers missing');
    const first = async (id: DatasetId): Promise<Record<string, unknown> | undefined> =>
      (await api.call('datasets.features', { id })).features[0]?.properties;
    expect(await first(boreholes.id)).toMatchObject({ 孔号: 'ZK001' });
    expect(await first(faults.id)).toMatchObject({ '名"称]\'': 'F1' });
  });

  it('a hostile GeoPackage fails alone, named, and the batch and the app go on', async () => {
    const hostile = fixture('containers', 'bad', 'view-layer.gpkg');
    const good = fixture('containers', '采矿权-noindex.fgb');
    const result = await api.call('datasets.import', { paths: [hostile, good] });
    expect(result.failures).toEqual([
      {
        file: 'view-layer.gpkg',
        code: 'CORRUPT_FILE',
        params: { file: 'view-layer.gpkg', problem: 'problem.gpkgLayerNotTable', layer: '断层' },
      },
    ]);
    expect(result.datasets.map((d) => [d.format, d.crs])).toEqual([['FlatGeobuf', 'EPSG:4548']]);
  });
});
