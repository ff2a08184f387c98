import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../../src-main/core/formats/format-error.js';
import {
  SCAN_DECODE_BYTES,
  checkScanBudget,
  hasWorldFile,
  parseWorldFile,
  readImageHeader,
  worldFileExtensions,
  worldFileNames,
  type ImageHeader,
} from '../../../../../src-main/core/formats/worldfile/index.js';
import { renderMessage } from '../../../../../src-main/api/messages.js';

const problemOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof FormatError ? `${e.kind}: ${e.problem}` : `other: ${String(e)}`;
  }
};

describe('world files', () => {
  it('names the side files in GDAL’s order', () => {
    expect(worldFileNames('scan.tif')).toEqual(['scan.tfw', 'scan.tifw', 'scan.wld']);
    expect(worldFileNames('map.jpeg')).toEqual(['map.jgw', 'map.jpegw', 'map.wld']);
    expect(worldFileNames('a.b.png')).toEqual(['a.b.pgw', 'a.b.pngw', 'a.b.wld']);
    expect(worldFileNames('noext')).toEqual(['noext.wld']);
  });

  it('moves the first pixel’s centre to its outer corner and keeps rotation terms', () => {
    expect(parseWorldFile('300\n0\n0\n-300\n102135\n2826765\n')).toEqual([101985, 300, 0, 2826915, 0, -300]);
    // CRLF, blank lines and a decimal comma as some Windows tools write them.
    expect(parseWorldFile('2\r\n0,5\r\n\r\n0.5\r\n-2\r\n100\r\n200\r\n')).toEqual([
      98.75, 2, 0.5, 200.75, 0.5, -2,
    ]);
  });

  it('refuses files that are not six numbers, or a singular transform, with a translated reason', () => {
    expect(problemOf(() => parseWorldFile('1\n0\n0\n-1\n5\n'))).toBe('corrupt: worldFileLines');
    expect(problemOf(() => parseWorldFile('1\n0\n0\n-1\nfive\n6\n'))).toBe('corrupt: worldFileLines');
    expect(problemOf(() => parseWorldFile('1\n1\n1\n1\n5\n6\n'))).toBe('corrupt: worldFileSingular');
    expect(problemOf(() => parseWorldFile('1\n'.repeat(5000)))).toBe('corrupt: worldFileLines');
    expect(renderMessage('problem.worldFileLines', {}, 'zh-CN')).toContain('6 行');
  });

  it('refuses a head that is neither PNG nor JPEG, and a PNG with a bad IHDR', () => {
    expect(problemOf(() => readImageHeader(new TextEncoder().encode('GIF89a')))).toBe('corrupt: imageHeader');
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...new Array<number>(25).fill(0),
    ]);
    expect(problemOf(() => readImageHeader(png))).toBe('corrupt: imageHeader');
  });
});

describe('a stored set placed by a world file', () => {
  it('lists the side-file extensions in GDAL’s order and recognises them in a set', () => {
    expect(worldFileExtensions('图幅.TIF')).toEqual(['tfw', 'tifw', 'wld']);
    expect(worldFileExtensions('scan.jpeg')).toEqual(['jgw', 'jpegw', 'wld']);
    expect(hasWorldFile(['a.png', 'a.pgw', 'a.prj'])).toBe(true);
    expect(hasWorldFile(['a.tif', 'a.WLD'])).toBe(true);
    expect(hasWorldFile(['a.tif', 'a.prj'])).toBe(false);
    expect(hasWorldFile(['a.shp', 'a.shx', 'a.dbf'])).toBe(false);
    expect(hasWorldFile([])).toBe(false);
  });
});

describe('the whole-image decode budget', () => {
  const rgb = (width: number, height: number, format: 'PNG' | 'JPEG'): ImageHeader => ({
    format,
    width,
    height,
    bandCount: 3,
    dataType: 'Byte',
    bits: 8,
    colorType: format === 'PNG' ? 2 : null,
    interlaced: false,
  });

  it('admits a 10,000² RGB PNG and a 5,000² RGB JPEG, refuses 13,000² and 7,000², naming the size', () => {
    expect(
      problemOf(() => {
        checkScanBudget(rgb(10_000, 10_000, 'PNG'), 150e6);
      }),
    ).toBe('ok');
    expect(
      problemOf(() => {
        checkScanBudget(rgb(5_000, 5_000, 'JPEG'), 10e6);
      }),
    ).toBe('ok');
    expect(
      problemOf(() => {
        checkScanBudget(rgb(13_000, 13_000, 'PNG'), 250e6);
      }),
    ).toBe('too-large: scanDecode');
    expect(
      problemOf(() => {
        checkScanBudget(rgb(7_000, 7_000, 'JPEG'), 20e6);
      }),
    ).toBe('too-large: scanDecode');
    const error = (() => {
      try {
        checkScanBudget(rgb(7_000, 7_000, 'JPEG'), 20e6);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FormatError);
    const params = (error as FormatError).params;
    expect(params).toMatchObject({ width: 7000, height: 7000, limit: SCAN_DECODE_BYTES / 2 ** 20 });
    expect(renderMessage('problem.scanDecode', params, 'en')).toMatch(
      /7000 x 7000 JPEG.*over the 1024 MB limit/,
    );
  });
});
