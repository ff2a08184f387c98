import { blockPlace } from '../../../src-main/core/formats/geotiff/index.js';
import type { RasterInfo } from '../../../src-main/core/model/index.js';
import { readBlock, withGeoTiff } from '../../../src-main/node/raster/geotiff-file.js';

/** Every pixel of a small GeoTIFF (full resolution), bands interleaved, read with our decoder. */
export function readPixels(path: string): Promise<{ info: RasterInfo; data: Float64Array }> {
  return withGeoTiff(path, async (source, header) => {
    const { image, info } = header;
    const bands = image.samplesPerPixel;
    const spp = image.planar === 1 ? bands : 1;
    const data = new Float64Array(info.width * info.height * bands);
    for (let index = 0; index < image.offsets.length; index += 1) {
      const samples = await readBlock(source, header, image, index, Number.NaN);
      const p = blockPlace(image, index);
      for (let y = 0; y < p.height; y += 1) {
        for (let x = 0; x < p.width; x += 1) {
          for (let k = 0; k < spp; k += 1) {
            data[((p.y0 + y) * info.width + p.x0 + x) * bands + p.band + k] =
              samples[(y * image.blockWidth + x) * spp + k] ?? Number.NaN;
          }
        }
      }
    }
    return { info, data };
  });
}

/** Tag numbers of every IFD entry in a classic TIFF, read independently of src-main. */
export function listTags(bytes: Uint8Array): number[][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = view.getUint16(0) === 0x4949;
  const ifds: number[][] = [];
  let at = view.getUint32(4, le);
  while (at !== 0 && ifds.length < 16) {
    const n = view.getUint16(at, le);
    const tags: number[] = [];
    for (let i = 0; i < n; i += 1) tags.push(view.getUint16(at + 2 + i * 12, le));
    ifds.push(tags);
    at = view.getUint32(at + 2 + n * 12, le);
  }
  return ifds;
}
