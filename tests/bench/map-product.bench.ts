import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { localCaller } from '../../src-main/api/caller.js';
import type { DatasetId } from '../../src-main/core/model/ids.js';
import { sheetFromCode } from '../../src-main/core/maps/index.js';
import { openWorkstation } from '../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../src-main/hosting/workstation.js';
import { timed, type Report } from './bench-row.js';

const run = promisify(execFile);
const DATA = join(process.cwd(), 'tests/bench/.data');
/** Twenty 1:50 000 sheets in a row: J50E001001 … J50E001020 (114°–119°E, 39°50′–40°N). */
const SHEETS = Array.from({ length: 20 }, (_, i) => `J50E001${String(i + 1).padStart(3, '0')}`);
const COLUMNS = 400;
const ROWS = 20;
const VERTICES = 24;
const GPKG = join(DATA, `units-${String(COLUMNS * ROWS)}-cgcs2000.gpkg`);
/** A1 landscape at 300 DPI, the raster a print shop takes: 841 × 594 mm. */
const A1_PIXELS = [Math.round((841 / 25.4) * 300), Math.round((594 / 25.4) * 300)] as const;

/** 8,000 polygons of 24 vertices (192,000 in all) tiling the twenty sheets, with a 地层代号 each, by ogr2ogr. */
async function writeUnits(): Promise<void> {
  if (existsSync(GPKG)) return;
  await mkdir(DATA, { recursive: true });
  const [west, south] = [114, 39 + 50 / 60];
  const [dx, dy] = [5 / COLUMNS, 1 / 6 / ROWS];
  const features = [];
  for (let c = 0; c < COLUMNS; c += 1)
    for (let r = 0; r < ROWS; r += 1) {
      const [cx, cy] = [west + (c + 0.5) * dx, south + (r + 0.5) * dy];
      const ring = Array.from({ length: VERTICES }, (_, k) => {
        const a = (2 * Math.PI * k) / VERTICES;
        const wobble = 0.42 + 0.06 * Math.sin(5 * a + c + r);
        return [cx + wobble * dx * Math.cos(a), cy + wobble * dy * Math.sin(a)];
      });
      features.push({
        type: 'Feature',
        properties: { 地层代号: ['J3', 'K1', 'Q4', 'T2'][(c + r) % 4] },
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
      });
    }
  const source = join(DATA, 'units.geojson');
  await writeFile(source, JSON.stringify({ type: 'FeatureCollection', features }));
  await run('ogr2ogr', ['-f', 'GPKG', '-a_srs', 'EPSG:4490', '-nln', 'units', GPKG, source]);
  await rm(source);
}

const best = async (rounds: number, fn: () => Promise<unknown>): Promise<number> => {
  let seconds = Infinity;
  for (let i = 0; i < rounds; i += 1) seconds = Math.min(seconds, await timed(fn));
  return seconds;
};

/** GDAL's own vector PDF of the features in a sheet's extent: the peer of one product. */
const gdalSheetPdf = (code: string, out: string): Promise<unknown> => {
  const [w, s, e, n] = sheetFromCode(code).bounds.map(String) as [string, string, string, string];
  return run('ogr2ogr', ['-f', 'PDF', '-spat', w, s, e, n, '-clipsrc', 'spat_extent', out, GPKG]);
};

async function products(ws: Workstation, id: DatasetId, dir: string, report: Report): Promise<void> {
  const caller = localCaller('bench');
  const create = (sheet: string, out: string): Promise<unknown> =>
    ws.handlers['products.create']({ datasets: [id], sheet, out }, caller);
  const pdf = join(dir, 'a1.pdf');
  const [first = 'J50E001001'] = SHEETS;
  const write = await best(2, () => create(first, pdf));
  const raster = await best(2, () =>
    run('pdftoppm', ['-r', '300', '-png', '-singlefile', pdf, join(dir, 'a1')]),
  );
  const tif = join(dir, 'a1.tif');
  const [w, s, e, n] = sheetFromCode(first).bounds.map(String) as [string, string, string, string];
  const gdal = await best(2, async () => {
    await rm(tif, { force: true });
    await run('gdal_rasterize', [
      ...['-burn', '255', '-ot', 'Byte', '-ts', String(A1_PIXELS[0]), String(A1_PIXELS[1])],
      ...['-te', w, s, e, n, GPKG, tif],
    ]);
    await run('gdal_translate', ['-q', '-of', 'PNG', tif, join(dir, 'a1-gdal.png')]);
  });
  report({
    job: 'A1 map product of sheet J50E001001 at 300 DPI (products.create PDF, then pdftoppm -r 300 PNG)',
    strataSeconds: write + raster,
    peer: 'gdal_rasterize -ts 9933 7016 + gdal_translate -of PNG',
    peerSeconds: gdal,
    notes: `best of 2; PDF ${write.toFixed(2)} s (read from the store, lay out, write, fonts subset) + pdftoppm ${raster.toFixed(2)} s; 8,000 polygons over 20 sheets (192,000 vertices), 400 in the sheet; GDAL burns one colour and draws no furniture`,
  });
  const gdalOne = await best(2, () => gdalSheetPdf(first, join(dir, 'gdal-one.pdf')));
  report({
    job: 'A1 map product of one sheet as vector PDF (products.create)',
    strataSeconds: write,
    peer: 'ogr2ogr -f PDF -spat (GDAL vector PDF, no layout)',
    peerSeconds: gdalOne,
  });
  const atlas = await timed(() =>
    ws.handlers['products.atlas']({ datasets: [id], sheets: SHEETS, outDir: join(dir, 'atlas') }, caller),
  );
  const gdalAtlas = await timed(async () => {
    for (const [i, sheet] of SHEETS.entries()) await gdalSheetPdf(sheet, join(dir, `gdal-${String(i)}.pdf`));
  });
  report({
    job: 'atlas of 20 sheets, one A1 PDF each (products.atlas)',
    strataSeconds: atlas,
    peer: '20 × ogr2ogr -f PDF -spat',
    peerSeconds: gdalAtlas,
    notes: 'the dataset read once from the store in the parse worker, then 20 layouts and PDFs',
  });
}

/**
 * Map products (ADR 0179) against GDAL doing the nearest job: rasterising the same sheet at the
 * same 300 DPI page size, and writing its own vector PDF of each sheet's features.
 */
export async function bench(report: Report): Promise<void> {
  await writeUnits();
  const home = await mkdtemp(join(tmpdir(), 'strata-bench-product-'));
  const ws = await openWorkstation({ home });
  try {
    const imported = await ws.handlers['datasets.import']({ paths: [GPKG] }, localCaller('bench'));
    const [dataset] = imported.datasets;
    if (dataset === undefined) throw new Error(`import failed: ${JSON.stringify(imported.failures)}`);
    await products(ws, dataset.id, home, report);
  } finally {
    await ws.close();
    await rm(home, { recursive: true, force: true });
  }
}
