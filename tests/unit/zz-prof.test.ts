import { it } from 'vitest';
import { withGeoTiff, } from '../../src-main/node/raster/index.js';
import { readBlock } from '../../src-main/node/raster/geotiff-file.js';
import { blockPlace } from '../../src-main/core/formats/geotiff/index.js';
import { BlockAverager } from '../../src-main/core/release/raster-block-average.js';
const DEM = 'tests/bench/.data/dem-10000-float32-deflate-epsg4545.tif';
it('prof', async () => {
  await withGeoTiff(DEM, async (source, header) => {
    const image = header.image;
    let t = performance.now();
    const n = image.offsets.length;
    const firstRow: Float32Array[] = [];
    for (let i = 0; i < n; i += 40) {
      const idx = Array.from({ length: Math.min(40, n - i) }, (_, k) => i + k);
      const bl = await Promise.all(idx.map((k) => readBlock(source, header, image, k, NaN)));
      if (i === 0) firstRow.push(...(bl as Float32Array[]));
    }
    console.log('decode all (40 at a time)', (performance.now() - t) / 1000);
    t = performance.now();
    const av = new BlockAverager({ srcWidth: 10000, srcHeight: 10000, srcPixel: [10, 10], target: [100, 100], bands: 1, dataType: 'Float32', nodata: -9999 });
    for (let r = 0; r < 40; r++) {
      for (let c = 0; c < 40; c++) {
        const p = blockPlace(image, r * 40 + c);
        av.add({ samples: firstRow[c]!, rowStride: 256, samplesPerPixel: 1, firstBand: 0, x0: p.x0, y0: p.y0, width: p.width, height: p.height });
      }
      av.takeRows(Math.min(10000, (r + 1) * 256));
    }
    console.log('average all', (performance.now() - t) / 1000);
  });
}, 600_000);
