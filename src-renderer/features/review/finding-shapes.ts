import type { DatasetSummary, FeaturePageResult, ReviewReport } from '../../../src-main/api/types.js';

type FindingLocation = ReviewReport['findings'][number]['where'];
type Geometry = NonNullable<FeaturePageResult['rows'][number]['geometry']>;
type Box = readonly [number, number, number, number];

const ring = ([minX, minY, maxX, maxY]: Box): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [minX, minY],
      [maxX, minY],
      [maxX, maxY],
      [minX, maxY],
      [minX, minY],
    ],
  ],
});

/**
 * A raster finding's pixel window `[column, row, width, height]` as the box it covers in the
 * dataset's CRS, from the raster's extent and size (north-up grids; a rotated grid's extent is its
 * bounding box, so its window is approximate). Null when the raster's placement is unknown.
 */
export function windowBox(
  window: NonNullable<FindingLocation['window']>,
  raster: Pick<DatasetSummary, 'extent' | 'width' | 'height'>,
): Box | null {
  const { extent, width, height } = raster;
  if (extent === null || width === undefined || height === undefined || width <= 0 || height <= 0)
    return null;
  const [minX, minY, maxX, maxY] = extent;
  const dx = (maxX - minX) / width;
  const dy = (maxY - minY) / height;
  const [column, row, w, h] = window;
  return [minX + column * dx, maxY - (row + h) * dy, minX + (column + w) * dx, maxY - row * dy];
}

/** Outlines of what a finding names on the raster or in the dataset's CRS: its window and its area. */
export function outlineShapes(where: FindingLocation, dataset: DatasetSummary): Geometry[] {
  const shapes: Geometry[] = [];
  const box = where.window ? windowBox(where.window, dataset) : null;
  if (box) shapes.push(ring(box));
  if (where.area) shapes.push(ring(where.area));
  return shapes;
}

/** 0-based feature ids of the features a finding lists (it numbers them 1..N, as the table shows). */
export const findingFids = (where: FindingLocation): number[] => (where.features ?? []).map((n) => n - 1);

/** True when the map can show something of the finding: features, a pixel window or an area. */
export const isLocatable = (where: FindingLocation): boolean =>
  (where.features?.length ?? 0) > 0 || where.window !== undefined || where.area !== undefined;
