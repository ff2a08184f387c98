// Benchmark runner: each *.bench.ts times one Strata job beside its peer (GDAL or coreutils) on
// this machine and reports seconds; this prints them side by side with the ratio. Not a timed test.
import '../../src-main/hosting/threadpool.js';
import os from 'node:os';
import { resourcesBeside } from '../../src-main/hosting/environment.js';
import { installBundledCrs } from '../../src-main/node/crs/index.js';
import { bench as rasterResample } from './raster-resample.bench.js';
import { bench as exportPackage } from './export.bench.js';
import { bench as workingCopy } from './working-copy.bench.js';
import { bench as vectorImport } from './vector-import.bench.js';
import { bench as geotiffDecode } from './geotiff-decode.bench.js';
import { bench as reviewContent } from './review-content.bench.js';
import { bench as reviewRules } from './review-rules.bench.js';
import { bench as mapProduct } from './map-product.bench.js';
import { bench as catalogueSearch, bench100k as catalogueSearch100k } from './catalogue-search.bench.js';
import type { BenchRow, Report } from './bench-row.js';

const rows: BenchRow[] = [];
const ratioOf = (row: BenchRow): string =>
  row.peerSeconds === undefined ? '—' : (row.strataSeconds / row.peerSeconds).toFixed(2);
const peerOf = (row: BenchRow): string =>
  row.peerSeconds === undefined ? 'no peer' : `${row.peer ?? ''} ${row.peerSeconds.toFixed(2)} s`;
const report: Report = (row) => {
  rows.push(row);
  console.log(
    `${row.job}\n  strata ${row.strataSeconds.toFixed(2)} s | ${peerOf(row)} | ratio strata/peer ${ratioOf(row)}${row.notes ? `\n  ${row.notes}` : ''}`,
  );
};

/** Every bench by name; STRATA_BENCH=name[,name] runs only those (all by default). */
const BENCHES: Readonly<Record<string, (report: Report) => Promise<void>>> = {
  'raster-resample': rasterResample,
  export: exportPackage,
  'working-copy': workingCopy,
  'vector-import': vectorImport,
  'geotiff-decode': geotiffDecode,
  'review-content': reviewContent,
  'review-rules': reviewRules,
  'map-product': mapProduct,
  'catalogue-search': catalogueSearch,
};
/** Benches run only when named: a smaller catalogue to iterate on. */
const ON_REQUEST: Readonly<Record<string, (report: Report) => Promise<void>>> = {
  'catalogue-search-100k': catalogueSearch100k,
};
const only = process.env['STRATA_BENCH']?.split(',').filter((n) => n !== '');

console.log(
  `Strata benchmarks — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
// Bundled to dist/bench/run.mjs, like the app's own entries.
await installBundledCrs(resourcesBeside(import.meta.url));
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only === undefined || only.includes(name)) await bench(report);
}
for (const [name, bench] of Object.entries(ON_REQUEST)) if (only?.includes(name)) await bench(report);
console.log('\njob | strata s | peer | peer s | ratio');
for (const r of rows) {
  console.log(
    `${r.job} | ${r.strataSeconds.toFixed(2)} | ${r.peer ?? '—'} | ${r.peerSeconds?.toFixed(2) ?? '—'} | ${ratioOf(r)}`,
  );
}
