import { it } from 'vitest';
import { bench } from '../bench/raster-resample.bench.js';
it('bench', async () => {
  const t = performance.now();
  await bench((row) => console.log(JSON.stringify(row)));
  console.log('total', (performance.now() - t) / 1000);
}, 600_000);
