import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { fixture } from '../../fixtures/index.js';
import { clientOf, type Client } from '../../support/contract-client.js';
import { tempDir } from '../../support/samples.js';
import { testDispatch } from '../../support/test-dispatch.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let ws: Workstation;
let api: Client;

beforeAll(async () => {
  scratch = await tempDir('strata-hidden-review-');
  ws = await openWorkstation({ home: path.join(scratch.dir, 'home') });
  api = clientOf(testDispatch(ws));
});

afterAll(async () => {
  await ws.close();
  await scratch.cleanup();
});

/** Imports one GDAL-made file and reviews it with the national profile: its hidden-content findings. */
async function hiddenFindings(name: string): Promise<[string, string, string | undefined, string][]> {
  const imported = await api.call('datasets.import', { paths: [fixture('hidden', name)] });
  expect(imported.failures).toEqual([]);
  const dataset = imported.datasets[0];
  if (dataset === undefined) throw new Error(`${name} not imported`);
  const report = await api.call('review.run', { id: dataset.id });
  return report.findings
    .filter((f) => f.ruleId === 'hidden-content')
    .map((f) => {
      expect(f.action).toBe('strip-hidden');
      return [f.severity, f.where.part ?? '', f.where.name, f.messageKey];
    });
}

describe('hidden-content through the review service (ADR 0162)', () => {
  it('flags a 5 m DEM’s descriptive tags and sidecar (warnings) and the local paths and host in them (blocking)', async () => {
    expect(await hiddenFindings('dem_tagged.tif')).toEqual([
      [
        'warning',
        'tiff.tag',
        'DocumentName, ImageDescription, Software, DateTime, Artist, …',
        'finding.hiddenContent',
      ],
      ['blocking', 'tiff.tag', 'DocumentName, HostComputer', 'finding.hiddenLocalPath'],
      // Tags in IFD order: XMP (700) before GDAL_METADATA (42112).
      ['warning', 'tiff.xmp', 'XMP', 'finding.hiddenContent'],
      [
        'warning',
        'tiff.gdal-metadata',
        '路径, band 1 来源, band 1 编号, band 1 description',
        'finding.hiddenContent',
      ],
      ['blocking', 'tiff.gdal-metadata', '路径, band 1 来源', 'finding.hiddenLocalPath'],
      // The sidecar was stored with the file at import, and re-read from the store.
      ['warning', 'sidecar', 'dem_tagged.tif.xml', 'finding.hiddenContent'],
      ['blocking', 'sidecar', 'dem_tagged.tif.xml', 'finding.hiddenLocalPath'],
    ]);
  });

  it('blocks residue after the image, deleted DBF records and a GeoPackage’s freed rows', async () => {
    const residue = await hiddenFindings('dem_residue.tif');
    expect(residue).toHaveLength(1);
    expect(residue[0]?.slice(0, 2)).toEqual(['blocking', 'unreferenced-bytes']);
    expect(residue[0]?.[2]).toMatch(/^\d+ UTF-8, \d+ GBK, \d+ UTF-16LE$/);
    expect(await hiddenFindings('kuangdian_deleted_gbk.shp')).toEqual([
      ['blocking', 'dbf.deleted-record', 'record 2', 'finding.hiddenResidue'],
      ['warning', 'sidecar', 'kuangdian_deleted_gbk.shp.xml', 'finding.hiddenContent'],
      ['blocking', 'sidecar', 'kuangdian_deleted_gbk.shp.xml', 'finding.hiddenLocalPath'],
    ]);
    const gpkg = await hiddenFindings('holes_deleted.gpkg');
    expect(gpkg.map(([severity, part]) => [severity, part])).toEqual([
      ['warning', 'gpkg.metadata'],
      ['blocking', 'gpkg.metadata'],
      ['blocking', 'sqlite.free-space'],
    ]);
  });

  it('finds nothing hidden in clean GDAL output', async () => {
    for (const name of ['dem_clean.tif', 'dem_cog.tif', 'kuangdian_clean.shp', 'holes_clean.gpkg'])
      expect(await hiddenFindings(name), name).toEqual([]);
  });
});
