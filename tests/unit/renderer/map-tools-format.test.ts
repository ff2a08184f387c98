import { describe, expect, it } from 'vitest';
import { formatDms, formatPosition } from '../../../src-renderer/map/tools/coordinate-format.js';
import {
  gridPixelAt,
  isNodata,
  pixelAt,
  shortestFloat32,
} from '../../../src-renderer/map/tools/raster-identify.js';
import {
  SCALE_SERIES,
  parseScale,
  resolutionOfScale,
  scaleOfResolution,
} from '../../../src-renderer/map/tools/scale.js';
import { shortcutOf } from '../../../src-renderer/map/tools/shortcuts.js';

describe('cursor coordinates', () => {
  it('write degrees-minutes-seconds with the hemisphere and carry rounding into minutes and degrees', () => {
    expect(formatDms(116.391234, 'lon')).toBe('116°23′28.44″E');
    expect(formatDms(39.907123, 'lat')).toBe('39°54′25.64″N');
    expect(formatDms(-0.5, 'lon')).toBe('0°30′00.00″W');
    expect(formatDms(-33.8688, 'lat')).toBe('33°52′07.68″S');
    // 29.9999999° rounds to 30°00′00.00″, never 29°59′60.00″.
    expect(formatDms(29.9999999, 'lat')).toBe('30°00′00.00″N');
    expect(formatDms(10.0166666667, 'lon')).toBe('10°01′00.00″E');
  });

  it('write geographic positions in degrees or DMS and projected ones in metres whatever the format', () => {
    expect(formatPosition([116.391234, 39.907123], 'degrees', true)).toBe('116.391234°, 39.907123°');
    expect(formatPosition([116.391234, 39.907123], 'dms', true)).toBe('116°23′28.44″E, 39°54′25.64″N');
    expect(formatPosition([39500123.456, 4418000.1], 'dms', false)).toBe('39500123.46, 4418000.10');
    expect(formatPosition([116.5, 39.5], 'metres', true)).toBe('116.500000°, 39.500000°');
  });
});

describe('scale and resolution', () => {
  it('are inverse of each other at the OGC 0.28 mm pixel', () => {
    // 1:50 000 with metre units: 14 m per pixel.
    expect(resolutionOfScale(50000, 1)).toBeCloseTo(14, 12);
    expect(scaleOfResolution(14, 1)).toBeCloseTo(50000, 8);
    // A degree view at a latitude where one degree is 85 394 m on the ground.
    const r = resolutionOfScale(250000, 85394);
    expect(scaleOfResolution(r, 85394)).toBeCloseTo(250000, 6);
  });

  it('offer the national series from 1:5 000 to 1:1 000 000', () => {
    expect(SCALE_SERIES[0]).toBe(5000);
    expect(SCALE_SERIES.at(-1)).toBe(1000000);
    expect(SCALE_SERIES).toContain(50000);
  });

  it('read typed scales, with a full-width colon, thousands separators and 万', () => {
    expect(parseScale('1:50000')).toBe(50000);
    expect(parseScale('1:50,000')).toBe(50000);
    expect(parseScale(' 1：5万 ')).toBe(50000);
    expect(parseScale('1:2.5万')).toBe(25000);
    expect(parseScale('250000')).toBe(250000);
    expect(parseScale('1:')).toBeNull();
    expect(parseScale('abc')).toBeNull();
    expect(parseScale('1:0')).toBeNull();
    expect(parseScale('1:-5')).toBeNull();
  });
});

describe('raster identify', () => {
  it('finds the pixel holding a point of a north-up grid, and nothing outside it', () => {
    const origin = [40_500_000, 2_800_000];
    const resolution = [5, -5];
    expect(pixelAt([40_500_000.1, 2_799_999.9], origin, resolution, [1200, 1000])).toEqual({
      column: 0,
      row: 0,
    });
    expect(pixelAt([40_500_012.5, 2_799_990], origin, resolution, [1200, 1000])).toEqual({
      column: 2,
      row: 2,
    });
    expect(pixelAt([40_499_999, 2_799_999], origin, resolution, [1200, 1000])).toBeNull();
    expect(pixelAt([40_506_000, 2_799_999], origin, resolution, [1200, 1000])).toBeNull();
  });

  it('finds the pixel of a rotated or south-up grid by inverting its transform, as GDAL places it', () => {
    // 30° rotated, 10 m pixels: column axis (cos, sin)·10, row axis (sin, −cos)·10.
    const cos = Math.cos(Math.PI / 6) * 10;
    const sin = Math.sin(Math.PI / 6) * 10;
    const rotated = {
      transform: [500_000, cos, sin, 3_000_000, sin, -cos] as const,
      width: 200,
      height: 150,
    };
    const centre = (c: number, r: number): [number, number] => [
      500_000 + (c + 0.5) * cos + (r + 0.5) * sin,
      3_000_000 + (c + 0.5) * sin - (r + 0.5) * cos,
    ];
    expect(gridPixelAt(centre(0, 0), rotated)).toEqual({ column: 0, row: 0 });
    expect(gridPixelAt(centre(150, 40), rotated)).toEqual({ column: 150, row: 40 });
    expect(gridPixelAt(centre(199, 149), rotated)).toEqual({ column: 199, row: 149 });
    expect(gridPixelAt(centre(200, 10), rotated)).toBeNull();
    expect(gridPixelAt(centre(-1, 10), rotated)).toBeNull();
    // South-up: rows run northwards from the lower-left corner.
    const southUp = { transform: [0, 5, 0, 0, 0, 5] as const, width: 10, height: 10 };
    expect(gridPixelAt([12, 3], southUp)).toEqual({ column: 2, row: 0 });
    expect(gridPixelAt([12, -3], southUp)).toBeNull();
    expect(gridPixelAt([1, 1], { transform: [0, 1, 1, 0, 1, 1], width: 5, height: 5 })).toBeNull();
  });

  it('writes float32 values by the shortest decimal that reads back as the same float32', () => {
    expect(shortestFloat32(Math.fround(359.81))).toBe(359.81);
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(123456.7))).toBe(123456.7);
    expect(shortestFloat32(Math.fround(1 / 3))).toBe(0.33333334);
    expect(Math.fround(shortestFloat32(Math.fround(Math.PI)))).toBe(Math.fround(Math.PI));
  });

  it('treats NaN nodata as matching NaN values, like GDAL', () => {
    expect(isNodata(Number.NaN, Number.NaN)).toBe(true);
    expect(isNodata(-9999, -9999)).toBe(true);
    expect(isNodata(0, -9999)).toBe(false);
    expect(isNodata(0, null)).toBe(false);
  });
});

describe('map shortcuts', () => {
  const key = (k: string, shiftKey = false, ctrlKey = false) =>
    shortcutOf({ key: k, shiftKey, ctrlKey, altKey: false, metaKey: false });
  it('map M, Shift+M, I, Esc and ? to their tools and leave chords with Ctrl to the app', () => {
    expect(key('m')).toBe('measureLength');
    expect(key('M', true)).toBe('measureArea');
    expect(key('i')).toBe('identify');
    expect(key('Escape')).toBe('cancel');
    expect(key('?', true)).toBe('help');
    expect(key('m', false, true)).toBeNull();
    expect(key('x')).toBeNull();
  });
});
