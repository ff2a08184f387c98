import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { parseGeoJson, writeGeoJson } from '../../../../src-main/core/formats/geojson/index.js';
import { readShapefile } from '../../../../src-main/core/formats/shapefile/index.js';
import { forEachPosition } from '../../../../src-main/core/formats/vector-summary.js';
import type { VectorFeature } from '../../../../src-main/core/model/index.js';
import { degradeCoordinates } from '../../../../src-main/core/release/vector-degrade.js';
import { positionPrecisionRule } from '../../../../src-main/core/review/rules/position-precision.js';
import { fixture } from '../../../fixtures/index.js';

/** The value, or a test failure when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** The default profile's parameters of position-precision. */
const settings = { metres: 50 };

const shapefile = (folder: string, stem: string): ReturnType<typeof readShapefile> => {
  const f = (ext: string): Uint8Array => new Uint8Array(readFileSync(fixture(folder, `${stem}.${ext}`)));
  return readShapefile({ shp: f('shp'), shx: f('shx'), dbf: f('dbf'), prj: f('prj'), cpg: null });
};

describe('degradeCoordinates', () => {
  it('snaps Gauss-Krüger points to 50 m and the output passes the precision rule', () => {
    const { info, features } = shapefile('chinese/shapefile/kuangdian_gbk_cpg', '矿点');
    const crs = must(info.crs);
    const out = degradeCoordinates(features, crs, 50);
    expect(out).toMatchObject({ grid: 50, unit: 'm' });
    for (const f of out.features) {
      forEachPosition(must(f.geometry), (p) => {
        expect((p[0] ?? 0) % 50).toBe(0);
        expect((p[1] ?? 0) % 50).toBe(0);
      });
    }
    expect(out.features.map((f) => f.properties)).toEqual(features.map((f) => f.properties));
    expect(
      positionPrecisionRule.check(
        { kind: 'vector', name: 'x', layer: null, texts: [], hidden: [], info, features: out.features },
        settings,
      ),
    ).toEqual([]);
  });

  it('snaps geographic polygons at 26° N to 0.001° (0.0005° is < 50 m east-west), keeps valid rings and prints exact decimals', () => {
    const { info, features } = shapefile('chinese/shapefile/dizhi_gbk_nocpg', 'dizhi');
    const out = degradeCoordinates(features, must(info.crs), 50);
    expect(out).toMatchObject({ grid: 0.001, unit: '°' });
    const text = writeGeoJson({ crs: must(info.crs), features: out.features });
    for (const n of text.match(/-?\d+\.\d+/g) ?? [])
      expect(n.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4);
    const back = parseGeoJson(text);
    expect(
      positionPrecisionRule.check(
        {
          kind: 'vector',
          name: 'x',
          layer: null,
          texts: [],
          hidden: [],
          info: back.info,
          features: back.features,
        },
        settings,
      ),
    ).toEqual([]);
    for (const f of back.features) {
      if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (let i = 1; i < ring.length; i += 1) expect(ring[i]).not.toEqual(ring[i - 1]);
      }
    }
  });

  it('drops collapsed lines and rings, rounds Z, keeps the feature', () => {
    const crs = must(crsFromEpsg(4545));
    const features: VectorFeature[] = [
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [500001, 2500001, 12.6],
            [500002, 2500003, 13.2],
          ],
        },
        properties: { a: 1 },
      },
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1000, 0],
              [1000, 1000],
              [0, 1000],
              [0, 0],
            ],
            [
              [10, 10],
              [20, 10],
              [20, 20],
              [10, 10],
            ],
          ],
        },
        properties: { a: 2 },
      },
      { geometry: { type: 'Point', coordinates: [500024.9, 2500075.1, 99.5] }, properties: { a: 3 } },
    ];
    const out = degradeCoordinates(features, crs, 50).features;
    expect(out[0]).toEqual({ geometry: null, properties: { a: 1 } });
    expect(out[1]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1000, 0],
          [1000, 1000],
          [0, 1000],
          [0, 0],
        ],
      ],
    });
    expect(out[2]?.geometry).toEqual({ type: 'Point', coordinates: [500000, 2500100, 100] });
  });

  it('rounds feet grids up to a ladder step at least as long as asked', () => {
    const out = degradeCoordinates([], must(crsFromEpsg(2269)), 50);
    expect(out).toEqual({ features: [], grid: 60.96, unit: 'm' });
  });
});
