import { describe, expect, it } from 'vitest';
import type { Geometry } from '../../../../../src-main/core/model/index.js';
import { readGeometryBlob } from '../../../../../src-main/core/formats/geopackage/geometry-blob.js';
import { readWkb } from '../../../../../src-main/core/formats/geopackage/wkb.js';
import { geometryBlob, writeWkb } from '../../../../../src-main/core/formats/geopackage/wkb-write.js';

const GEOMETRIES: readonly Geometry[] = [
  { type: 'Point', coordinates: [500123.25, 2500987.5] },
  { type: 'Point', coordinates: [108.3, 22.8, 135] },
  {
    type: 'LineString',
    coordinates: [
      [0, 0],
      [1, 1],
      [2, 0],
    ],
  },
  {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
    ],
  },
  {
    type: 'MultiPoint',
    coordinates: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    type: 'MultiLineString',
    coordinates: [
      [
        [0, 0],
        [1, 1],
      ],
      [
        [2, 2],
        [3, 3],
      ],
    ],
  },
  {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    ],
  },
  {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: [1, 2] },
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  },
];

describe('the WKB and GeoPackage blob writer (ADR 0186)', () => {
  it.each(GEOMETRIES.map((g) => [g.type, g] as const))('%s reads back as written', (_, geometry) => {
    expect(readWkb(writeWkb(geometry), 0, 1)).toEqual(geometry);
    expect(readGeometryBlob(geometryBlob(geometry, 4490), 1)).toEqual(geometry);
  });

  it('heads a blob with GP, version 0, little-endian XY-envelope flags, the srs_id and the envelope', () => {
    const blob = geometryBlob(
      {
        type: 'LineString',
        coordinates: [
          [3, 7],
          [1, 9],
        ],
      },
      4548,
    );
    const view = new DataView(blob.buffer);
    expect([blob[0], blob[1], blob[2], blob[3]]).toEqual([0x47, 0x50, 0, 0x03]);
    expect(view.getInt32(4, true)).toBe(4548);
    expect([8, 16, 24, 32].map((at) => view.getFloat64(at, true))).toEqual([1, 3, 7, 9]);
  });
});
