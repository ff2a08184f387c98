import { describe, expect, it } from 'vitest';
import { geotiffHiddenTexts } from '../../../src-main/core/formats/geotiff/hidden.js';
import type { ByteSource } from '../../../src-main/core/ports/index.js';
import { openFileSource } from '../../../src-main/node/fs/file-source.js';
import { fixture } from '../../fixtures/index.js';
import { LARGE_STRIPED_DEM } from '../../fixtures/large-rasters.js';

const FILE = fixture(...LARGE_STRIPED_DEM.split('/'));

describe('the unreferenced-bytes scan is bounded by the gaps, not the file', () => {
  it('reads a small share of a large striped DEM (only its directories, tag values and gaps)', async () => {
    const source = await openFileSource(FILE);
    let read = 0;
    const counting: ByteSource = {
      name: source.name,
      size: source.size,
      read(offset, length) {
        read += length;
        return source.read(offset, length);
      },
    };
    try {
      expect(await geotiffHiddenTexts(counting)).toEqual([]);
      // 6,000 strips: the directory, its two 6,000-entry arrays, the GeoTIFF tags (48 KB of 46 MB).
      expect(read).toBeLessThan(source.size / 500);
    } finally {
      await source.close();
    }
  });
});
