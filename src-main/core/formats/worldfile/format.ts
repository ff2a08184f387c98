import { unsupported, corrupt } from '../format-error.js';
import type { FileHead, FormatModule } from '../format-module.js';
import { checkScanBudget } from './decode-scan.js';
import { IMAGE_HEADER_BYTES, isJpeg, isPng, readImageHeader } from './image-header.js';
import { pngTransparency } from './png.js';
import { placeByWorldFile } from './side-files.js';

/**
 * A PNG or JPEG scan placed by its world file and `.prj` (ADR 0133, 0136). `open` reads only the
 * header and the side files; the pixels are decoded once, whole, by the display working copy,
 * so an image too large to decode within budget is refused here, before anything is stored.
 */
function scanFormat(
  id: 'PNG' | 'JPEG',
  test: (file: FileHead) => boolean,
  extensions: string[],
  label: FormatModule['label'],
): FormatModule {
  return {
    id,
    kind: 'raster',
    extensions,
    label,
    detect: (file) => (test(file) ? 'content' : null),
    async open(input, options) {
      const head = await input.read(0, Math.min(input.size, IMAGE_HEADER_BYTES));
      const header = readImageHeader(head);
      if (header.format === 'JPEG' && header.bandCount !== 1 && header.bandCount !== 3)
        throw unsupported('jpegSamplesPerPixel', { samples: header.bandCount });
      if (header.format === 'JPEG' && header.bits !== 8)
        throw unsupported('jpegPrecision', { bits: header.bits });
      if (header.interlaced) throw unsupported('pngInterlaced');
      checkScanBudget(header, input.size);
      const nodata = header.format === 'PNG' ? pngTransparency(head) : null;
      const info = await placeByWorldFile(input, { ...header, nodata }, options);
      if (info === null) throw corrupt('noWorldFile', { format: id });
      return [{ kind: 'raster', layer: null, info, notices: [] }];
    },
  };
}

export const pngFormat = scanFormat('PNG', ({ head }) => isPng(head), ['png'], {
  'zh-CN': 'PNG 扫描图（带坐标文件）',
  en: 'PNG scan with world file',
});

export const jpegFormat = scanFormat('JPEG', ({ head }) => isJpeg(head), ['jpg', 'jpeg'], {
  'zh-CN': 'JPEG 扫描图（带坐标文件）',
  en: 'JPEG scan with world file',
});
