import { it } from 'vitest';
import { inflateSync, inflate } from 'node:zlib';
import { promisify } from 'node:util';
import { withGeoTiff } from '../../src-main/node/raster/index.js';
const DEM = 'tests/bench/.data/dem-10000-float32-deflate-epsg4545.tif';
const inf = promisify(inflate);
it('prof2', async () => {
  await withGeoTiff(DEM, async (source, header) => {
    const image = header.image;
    const raws: Uint8Array[] = [];
    let t = performance.now();
    for (let i = 0; i < image.offsets.length; i++) raws.push(await source.read(image.offsets[i]!, image.byteCounts[i]!));
    console.log('read raw', (performance.now() - t) / 1000);
    t = performance.now(); let c = process.cpuUsage();
    for (const r of raws) inflateSync(r);
    console.log('inflateSync', (performance.now() - t) / 1000, process.cpuUsage(c));
    for (const conc of [2, 4, 40]) {
      t = performance.now(); c = process.cpuUsage();
      for (let i = 0; i < raws.length; i += conc) await Promise.all(raws.slice(i, i + conc).map((r) => inf(r, { chunkSize: 262144 + 1024 })));
      console.log('async conc', conc, (performance.now() - t) / 1000, process.cpuUsage(c));
    }
  });
}, 600_000);
