import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../src-main/api/events.js';
import { headlessDispatcher } from '../../../src-main/hosting/system-handlers.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import type { Dispatch } from '../../../src-main/api/dispatcher.js';
import { gdal } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let dispatch: Dispatch;
let id = '';

const value = async <T>(method: string, args: unknown): Promise<T> => {
  const result = await dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
};

beforeAll(async () => {
  scratch = await tempDir('strata-product-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  dispatch = testDispatch(ws);
  const source = path.join(scratch.dir, 'points.geojson');
  const gpkg = path.join(scratch.dir, 'points.gpkg');
  const features = Array.from({ length: 400 }, (_, i) => ({
    type: 'Feature',
    properties: { 编号: i },
    geometry: { type: 'Point', coordinates: [116 + (i % 20) * 0.005, 40 + Math.floor(i / 20) * 0.005] },
  }));
  await writeFile(source, JSON.stringify({ type: 'FeatureCollection', features }));
  await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, source, '-a_srs', 'EPSG:4490', '-nln', 'points']);
  const imported = await value<{ datasets: { id: string }[] }>('datasets.import', { paths: [gpkg] });
  id = imported.datasets[0]?.id ?? '';
  await value('catalogue.save', {
    id,
    baseVersion: 1,
    fields: { title: '钻孔分布', abstract: '', level: '机密', period: '', attribution: '' },
  });
});
afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

const pdfs = async (): Promise<string[]> =>
  (await readdir(scratch.dir)).filter((f) => !f.endsWith('.gpkg') && !f.endsWith('.geojson'));

describe('products.create over the contract', () => {
  it('reports its writing as a job and audits the product with its mark, naming the file by its base name', async () => {
    const events: HostEvent[] = [];
    const stop = ws.onEvent((e) => events.push(e));
    const out = path.join(scratch.dir, 'drill.pdf');
    const result = await value<{ marking: { text: string } }>('products.create', {
      datasets: [id],
      out,
      jobId: 'job_product0001',
    });
    stop();
    expect(result.marking.text).toBe('机密★20年');
    const mine = events.filter((e) => e.payload.jobId === 'job_product0001');
    expect(mine.some((e) => e.name === 'job.progress' && e.payload.phase === 'write')).toBe(true);
    expect(mine.at(-1)).toEqual({ name: 'job.finished', payload: { jobId: 'job_product0001', ok: true } });
    const [entry] = await value<{ action: string; subject: string; details: Record<string, unknown> }[]>(
      'audit.list',
      {
        limit: 1,
      },
    );
    expect(entry).toMatchObject({
      action: 'product.create',
      subject: id,
      details: { datasets: id, file: 'drill.pdf', level: '机密', marking: '机密★20年', sheet: null },
    });
  });

  it('is cancelled through the contract with nothing left behind', async () => {
    const before = await pdfs();
    const stop = ws.onEvent((e) => {
      if (e.name === 'job.progress' && e.payload.jobId === 'job_product0002')
        void dispatch('jobs.cancel', { jobId: 'job_product0002' });
    });
    const result = await dispatch('products.create', {
      datasets: [id],
      out: path.join(scratch.dir, 'cancelled.pdf'),
      jobId: 'job_product0002',
    });
    stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await pdfs()).toEqual(before);
  });

  it('is for map staff: a curator alone is refused', async () => {
    const curator = headlessDispatcher(
      ws,
      'harness',
      'test',
      { user: 'c', roles: ['curator'] },
      () => undefined,
    );
    const result = await curator('products.create', { datasets: [id], out: path.join(scratch.dir, 'x.pdf') });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: {} } });
  });

  it('refuses an unknown dataset and a layout that is not one', async () => {
    const missing = await dispatch('products.create', {
      datasets: ['ds_0000000000000000'],
      out: path.join(scratch.dir, 'y.pdf'),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await dispatch('products.create', {
      datasets: [id],
      layout: { format: 'qgis' },
      out: path.join(scratch.dir, 'z.pdf'),
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        params: { detail: 'detail.layout', problem: 'problem.layout.shape' },
      },
    });
  });
});
