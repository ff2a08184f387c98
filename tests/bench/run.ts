// Benchmark runner: each *.bench.ts times one Strata job beside its peer (GDAL or coreutils) on
// this machine and reports seconds; this prints them side by side with the ratio. Not a timed test.
import '../../src-main/hosting/threadpool.js';
import os from 'node:os';
import { resourcesBeside } from '../../src-main/hosting/environment.js';
import { installBundledCrs } from '../../src-main/node/crs/index.js';
import { bench as rasterResample } from './raster-resample.bench.js';
import { bench as exportPackage } from './export.bench.js';
import { bench as geotiffDecode } from './geotiff-decode.bench.js';
import type { BenchRow, Report } from './bench-row.js';

const rows: BenchRow[] = [];
const report: Report = (row) => {
  rows.push(row);
  const ratio = row.strataSeconds / row.peerSeconds;
  console.log(
    `${row.job}\n  strata ${row.strataSeconds.toFixed(2)} s | ${row.peer} ${row.peerSeconds.toFixed(2)} s | ratio strata/peer ${ratio.toFixed(2)}${row.notes ? `\n  ${row.notes}` : ''}`,
  );
};

console.log(
  `Strata benchmarks — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
// Bundled to dist/bench/run.mjs, like the app's own entries.
await installBundledCrs(resourcesBeside(import.meta.url));
await rasterResample(report);
await exportPackage(report);
await geotiffDecode(report);
console.log('\njob | strata s | peer | peer s | ratio');
for (const r of rows) {
  console.log(
    `${r.job} | ${r.strataSeconds.toFixed(2)} | ${r.peer} | ${r.peerSeconds.toFixed(2)} | ${(r.strataSeconds / r.peerSeconds).toFixed(2)}`,
  );
}
