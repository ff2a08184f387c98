import type { SampleArray } from './samples.js';

/**
 * 8-bit RGB triplets, one per palette index, from a TIFF ColorMap (all reds, then greens, then
 * blues; 16-bit values). Values are divided by 257 and truncated as GDAL does; a map whose values
 * all fit in 8 bits is an old writer's 8-bit map and is taken as is (libtiff's rule).
 */
export function paletteRgb(colorMap: readonly number[]): Uint8Array {
  const entries = colorMap.length / 3;
  const divisor = colorMap.every((v) => v < 256) ? 1 : 257;
  const rgb = new Uint8Array(entries * 3);
  for (let i = 0; i < entries; i += 1) {
    for (let k = 0; k < 3; k += 1) rgb[i * 3 + k] = Math.floor((colorMap[k * entries + i] ?? 0) / divisor);
  }
  return rgb;
}

/**
 * Expands palette indices (one sample per pixel) to interleaved RGB bytes. An index equal to
 * `nodata` becomes `nodata` in all three bands, so it stays nodata after expansion.
 */
export function expandPalette(indices: SampleArray, rgb: Uint8Array, nodata: number | null): Uint8Array {
  const out = new Uint8Array(indices.length * 3);
  const entries = rgb.length / 3;
  for (let p = 0; p < indices.length; p += 1) {
    const index = indices[p] ?? 0;
    const o = p * 3;
    if (index === nodata) out.fill(index, o, o + 3);
    else if (index < entries) {
      out[o] = rgb[index * 3] ?? 0;
      out[o + 1] = rgb[index * 3 + 1] ?? 0;
      out[o + 2] = rgb[index * 3 + 2] ?? 0;
    }
  }
  return out;
}
