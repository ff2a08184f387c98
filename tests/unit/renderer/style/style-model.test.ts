import { describe, expect, it } from 'vitest';
import {
  breaks,
  categorised,
  distinctValues,
  graduated,
  symbolColour,
} from '../../../../src-renderer/map/style/classify.js';
import { bandStats, percentile } from '../../../../src-renderer/map/style/histogram.js';
import {
  DEFAULT_HILLSHADE,
  defaultRasterStyle,
  defaultVectorStyle,
  type LayerStyle,
} from '../../../../src-renderer/map/style/model.js';
import { parseLayerStyle } from '../../../../src-renderer/map/style/parse.js';
import { rampColour } from '../../../../src-renderer/map/style/ramps.js';
import { resolveStretch } from '../../../../src-renderer/map/style/stretch.js';

describe('the layer style model', () => {
  it('round-trips every kind of style through JSON unchanged', () => {
    const styles: LayerStyle[] = [
      {
        version: 1,
        kind: 'raster',
        raster: {
          kind: 'ramp',
          band: 1,
          ramp: 'terrain',
          stretch: { kind: 'percentile', low: 2, high: 98 },
          hillshade: DEFAULT_HILLSHADE,
        },
      },
      {
        version: 1,
        kind: 'raster',
        raster: { kind: 'rgb', bands: [3, 2, 1], stretch: { kind: 'custom', min: 10, max: 200 } },
      },
      { version: 1, kind: 'raster', raster: { kind: 'palette', band: 1 } },
      {
        version: 1,
        kind: 'vector',
        vector: {
          renderer: categorised('岩性', ['花岗岩', '灰岩', null], 'dark2', [1, 2, 3]),
          labels: { field: '名称', size: 14, colour: [0, 0, 0] },
          fillOpacity: 0.3,
        },
      },
      {
        version: 1,
        kind: 'vector',
        vector: {
          renderer: graduated('品位', [1, 2, 3, 4], 'quantile', 2, 'reds', [9, 9, 9]),
          labels: null,
          fillOpacity: 0,
        },
      },
    ];
    for (const style of styles) expect(parseLayerStyle(JSON.parse(JSON.stringify(style)))).toEqual(style);
  });

  it('drops what is not a valid style instead of half-applying it', () => {
    const ramp = { kind: 'ramp', band: 1, ramp: 'terrain', stretch: { kind: 'minmax' }, hillshade: null };
    const bad: unknown[] = [
      null,
      'terrain',
      { version: 2, kind: 'raster', raster: ramp },
      { version: 1, kind: 'raster', raster: { ...ramp, band: 0 } },
      { version: 1, kind: 'raster', raster: { ...ramp, ramp: 'rainbow' } },
      { version: 1, kind: 'raster', raster: { ...ramp, stretch: { kind: 'percentile', low: 98, high: 2 } } },
      {
        version: 1,
        kind: 'raster',
        raster: { ...ramp, hillshade: { azimuth: 315, altitude: 120, zFactor: 1 } },
      },
      { version: 1, kind: 'raster', raster: { kind: 'rgb', bands: [1, 2], stretch: { kind: 'minmax' } } },
      {
        version: 1,
        kind: 'vector',
        vector: { renderer: { kind: 'single', colour: [300, 0, 0] }, labels: null, fillOpacity: 0.2 },
      },
      {
        version: 1,
        kind: 'vector',
        vector: { renderer: { kind: 'single', colour: [3, 0, 0] }, labels: null, fillOpacity: 2 },
      },
    ];
    for (const value of bad) expect(parseLayerStyle(value)).toBeNull();
    expect(parseLayerStyle({ version: 1, kind: 'raster', raster: ramp })).not.toBeNull();
  });

  it('starts rasters with their colour table, RGB bands 1-2-3, grey for bytes and an elevation ramp otherwise', () => {
    expect(defaultRasterStyle({ bandCount: 1, hasColourTable: true, dataType: 'Byte' }).kind).toBe('palette');
    expect(defaultRasterStyle({ bandCount: 4, hasColourTable: false, dataType: 'UInt16' })).toMatchObject({
      kind: 'rgb',
      bands: [1, 2, 3],
    });
    expect(defaultRasterStyle({ bandCount: 1, hasColourTable: false, dataType: 'Byte' })).toMatchObject({
      kind: 'ramp',
      ramp: 'greys',
    });
    expect(defaultRasterStyle({ bandCount: 1, hasColourTable: false, dataType: 'Float32' })).toMatchObject({
      kind: 'ramp',
      ramp: 'elevation',
    });
    expect(defaultVectorStyle([1, 2, 3]).renderer).toEqual({ kind: 'single', colour: [1, 2, 3] });
  });
});

describe('stretches and the histogram', () => {
  const values = Float64Array.from({ length: 101 }, (_, i) => i);

  it('leaves nodata and non-finite values out of the statistics', () => {
    const stats = bandStats([...values, -9999, NaN, Infinity], -9999, 10);
    expect(stats).toMatchObject({ count: 101, min: 0, max: 100 });
    expect(stats.bins.reduce((a, b) => a + b, 0)).toBe(101);
    // 0..100 in ten bins of width 10; the last bin holds 90..100 inclusive.
    expect(stats.bins).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 11]);
  });

  it('cuts at the 2nd and 98th percentile, between ranks where they fall between values', () => {
    const stats = bandStats(values, null);
    expect(resolveStretch({ kind: 'percentile', low: 2, high: 98 }, stats)).toEqual([2, 98]);
    expect(resolveStretch({ kind: 'minmax' }, stats)).toEqual([0, 100]);
    expect(resolveStretch({ kind: 'custom', min: 5, max: 6 }, stats)).toEqual([5, 6]);
    expect(percentile(bandStats([10, 20], null), 25)).toBe(12.5);
  });
});

describe('vector classification', () => {
  const rows = [
    { 岩性: '灰岩', 品位: 1 },
    { 岩性: '花岗岩', 品位: '4' },
    { 岩性: '灰岩', 品位: 2 },
    { 岩性: null, 品位: 'n/a' },
    { 岩性: '灰岩', 品位: 10 },
  ];

  it('lists a field’s distinct values, most frequent first, and colours each from the palette', () => {
    expect(distinctValues(rows, '岩性')).toEqual(['灰岩', '花岗岩', null]);
    const renderer = categorised('岩性', distinctValues(rows, '岩性'), 'dark2', [0, 0, 0]);
    expect(symbolColour(renderer, { 岩性: '灰岩' })).toEqual([27, 158, 119]);
    expect(symbolColour(renderer, { 岩性: '花岗岩' })).toEqual([217, 95, 2]);
    expect(symbolColour(renderer, { 岩性: '玄武岩' })).toEqual([0, 0, 0]);
  });

  it('makes equal-interval and quantile classes from a numeric field, numeric text included', () => {
    expect(breaks([1, 2, 4, 10], 'equal', 3)).toEqual([1, 4, 7, 10]);
    expect(breaks([1, 2, 4, 10], 'quantile', 2)).toEqual([1, 3, 10]);
    // Ties give repeated limits: they are merged, not shown as empty classes.
    expect(breaks([5, 5, 5, 5, 9], 'quantile', 4)).toEqual([5, 9]);
    const renderer = graduated('品位', [1, 4, 2, 10], 'equal', 3, 'reds', [0, 0, 0]);
    if (renderer.kind !== 'graduated') throw new Error('not graduated');
    expect(renderer.classes.map((c) => [c.min, c.max])).toEqual([
      [1, 4],
      [4, 7],
      [7, 10],
    ]);
    expect(symbolColour(renderer, { 品位: 1 })).toEqual(renderer.classes[0]?.colour);
    expect(symbolColour(renderer, { 品位: '10' })).toEqual(renderer.classes[2]?.colour);
    expect(symbolColour(renderer, { 品位: 4 })).toEqual(renderer.classes[1]?.colour);
    expect(symbolColour(renderer, { 品位: 'n/a' })).toEqual([0, 0, 0]);
    expect(renderer.classes[0]?.colour).toEqual(rampColour('reds', 0));
    expect(renderer.classes[2]?.colour).toEqual(rampColour('reds', 1));
  });
});
