import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { localCaller } from '../../src-main/api/caller.js';
import { writeFlatGeobuf } from '../../src-main/core/formats/flatgeobuf/index.js';
import { openFile } from '../../src-main/node/formats/index.js';
import { openWorkstation } from '../../src-main/hosting/open-workstation.js';
import { timed, type Report } from './bench-row.js';

const run = promisify(execFile);
const DATA = join(process.cwd(), 'tests/bench/.data');
const COUNT = 1_000_000;
const SHP = join(DATA, `points-${String(COUNT)}-cgcs2000.shp`);

/** 1M points in CGCS2000 with an integer, a real and a Chinese text attribute, written by ogr2ogr. */
async function writePoints(): Promise<void> {
  if (existsSync(SHP)) return;
  await mkdir(DATA, { recursive: true });
  const csv = join(DATA, 'points.csv');
  const rows = ['id,name,depth,x,y'];
  for (let i = 0; i < COUNT; i += 1) {
    const x = 100 + ((i * 7919) % 100_000) / 5_000;
    const y = 20 + ((i * 104_729) % 100_000) / 5_000;
    rows.push(`${String(i)},钻孔${String(i % 1000)},${(i % 977) / 10},${x.toFixed(6)},${y.toFixed(6)}`);
  }
  await writeFile(csv, `${rows.join('\n')}\n`);
  await run('ogr2ogr', [
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=UTF-8',
    '-a_srs',
    'EPSG:4490',
    '-oo',
    'X_POSSIBLE_NAMES=x',
    '-oo',
    'Y_POSSIBLE_NAMES=y',
    '-oo',
    'AUTODETECT_TYPE=YES',
    SHP,
    csv,
  ]);
  await rm(csv);
}

/**
 * Importing a 1M-point shapefile as the app does it (parse in the isolated worker, store the set by
 * SHA-256, write the display copy and the catalogue record) against ogr2ogr converting it to a
 * GeoPackage (read, write, index). Each run gets a fresh archive; the workstation is opened before
 * the clock starts, as the app has it open.
 */
export async function bench(report: Report): Promise<void> {
  await writePoints();
  let ours = Infinity;
  let gdal = Infinity;
  let gdalFgb = Infinity;
  for (let i = 0; i < 2; i += 1) {
    const home = await mkdtemp(join(tmpdir(), 'strata-bench-import-'));
    const workstation = await openWorkstation({ home });
    try {
      ours = Math.min(
        ours,
        await timed(async () => {
          const result = await workstation.handlers['datasets.import'](
            { paths: [SHP] },
            localCaller('bench'),
          );
          if (result.datasets.length !== 1)
            throw new Error(`import failed: ${JSON.stringify(result.failures)}`);
        }),
      );
    } finally {
      await workstation.close();
      await rm(home, { recursive: true, force: true });
    }
    const gpkg = join(DATA, 'points-ogr2ogr.gpkg');
    await rm(gpkg, { force: true });
    gdal = Math.min(gdal, await timed(() => run('ogr2ogr', ['-f', 'GPKG', gpkg, SHP])));
    await rm(gpkg, { force: true });
    const fgb = join(DATA, 'points-ogr2ogr.fgb');
    await rm(fgb, { force: true });
    gdalFgb = Math.min(gdalFgb, await timed(() => run('ogr2ogr', ['-f', 'FlatGeobuf', fgb, SHP])));
    await rm(fgb, { force: true });
  }
  report({
    job: 'import 1M-point shapefile (parse in worker, store, display copy, catalogue)',
    strataSeconds: ours,
    peer: 'ogr2ogr -f GPKG',
    peerSeconds: gdal,
    notes: 'best of 2; 3 attributes (integer, real, Chinese text), CGCS2000',
  });
  report({
    job: 'import 1M-point shapefile, whole (its display copy is an indexed FlatGeobuf, ADR 0150)',
    strataSeconds: ours,
    peer: 'ogr2ogr -f FlatGeobuf (spatial index on, its default)',
    peerSeconds: gdalFgb,
    notes: 'the same import as above; GDAL reads the shapefile and writes an indexed FlatGeobuf',
  });
  await displayCopyAlone(report, gdalFgb);
}

/** The display copy writer alone, in process, over the features already read, beside ogr2ogr. */
async function displayCopyAlone(report: Report, gdalFgb: number): Promise<void> {
  const [layer] = (await openFile(SHP)).layers;
  if (layer?.kind !== 'vector' || layer.info.crs === null) throw new Error('points not read');
  const { crs, fields } = layer.info;
  let bytes = 0;
  const seconds = await timed(() => {
    bytes = writeFlatGeobuf({ name: 'points', crs, fields, features: layer.features }).length;
    return Promise.resolve();
  });
  report({
    job: 'display copy alone: indexed FlatGeobuf of 1M points from features in memory',
    strataSeconds: seconds,
    peer: 'ogr2ogr -f FlatGeobuf (reads the shapefile too)',
    peerSeconds: gdalFgb,
    notes: `${(bytes / 2 ** 20).toFixed(0)} MiB written; one run`,
  });
}
