import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { fixture } from '../../fixtures/index.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { ogrFeatures } from '../../support/ogr-layers.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let api: Client;

beforeAll(async () => {
  scratch = await tempDir('strata-csv-reread-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  api = clientOf(testDispatch(ws));
});

afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

describe('a CSV imported with its columns and CRS named', () => {
  it('is read the same way again for its features and its review', async () => {
    const file = fixture('csv', '钻孔_gk.csv');
    const options = { x: '东坐标', y: '北坐标', crs: 'EPSG:4547' };
    const result = await api.call('datasets.import', { paths: [file], options });
    expect(result.failures).toEqual([]);
    const [dataset] = result.datasets;
    if (dataset === undefined) throw new Error('no dataset');
    expect(dataset.crs).toBe('EPSG:4547');

    // Read again from the stored file, as review and release do: the points are where GDAL puts them.
    const features = await api.call('datasets.features', { id: dataset.id });
    expect(features.crs?.properties.name).toBe('EPSG:4547');
    const gdal = await ogrFeatures(file, null, ['X_POSSIBLE_NAMES=东坐标', 'Y_POSSIBLE_NAMES=北坐标']);
    expect(features.features.map((f) => f.geometry)).toEqual(gdal.map((f) => f.geometry));
    const report = await api.call('review.run', { id: dataset.id });
    expect(report.datasetId).toBe(dataset.id);
    expect(report.findings.some((f) => f.ruleId === 'position-precision')).toBe(true);
  });
});
