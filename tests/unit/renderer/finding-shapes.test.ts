import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../src-main/api/types.js';
import {
  findingFids,
  isLocatable,
  outlineShapes,
  windowBox,
} from '../../../src-renderer/features/review/finding-shapes.js';

// A 400 x 300 raster of 5 m pixels whose upper-left corner is (500000, 3001500) in EPSG:4545.
const raster = {
  extent: [500_000, 3_000_000, 502_000, 3_001_500],
  width: 400,
  height: 300,
} as const satisfies Pick<DatasetSummary, 'extent' | 'width' | 'height'>;

describe('where a finding is on the map', () => {
  it('places a pixel window as the box its pixels cover, rows counted down from the top', () => {
    // gdal_translate -srcwin 10 20 30 40 covers x 500050..500200, y 3001200..3001400.
    expect(windowBox([10, 20, 30, 40], raster)).toEqual([500_050, 3_001_200, 500_200, 3_001_400]);
    expect(windowBox([0, 0, 400, 300], raster)).toEqual([...raster.extent]);
    expect(windowBox([0, 0, 1, 1], { extent: null, width: 1, height: 1 })).toBeNull();
  });

  it('outlines a window and an area, numbers features from 0 for the table, and says what can be shown', () => {
    const summary = raster as unknown as DatasetSummary;
    const shapes = outlineShapes({ window: [0, 0, 200, 150], area: [1, 2, 3, 4] }, summary);
    expect(shapes).toHaveLength(2);
    expect(shapes[1]).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [3, 2],
          [3, 4],
          [1, 4],
          [1, 2],
        ],
      ],
    });
    expect(findingFids({ features: [1, 7, 100] })).toEqual([0, 6, 99]);
    expect(isLocatable({ features: [3] })).toBe(true);
    expect(isLocatable({ field: '储量' })).toBe(false);
    expect(isLocatable({})).toBe(false);
  });
});
