import type { Extent } from './geometry.js';

export type DatasetKind = 'raster' | 'vector';
export type DatasetFormat =
  'GeoTIFF' | 'PNG' | 'JPEG' | 'GeoJSON' | 'Shapefile' | 'GeoPackage' | 'KML' | 'GPX' | 'CSV' | 'FlatGeobuf';

/** Pixel sample type as GDAL names it. */
export type RasterDataType =
  'Byte' | 'Int8' | 'UInt16' | 'Int16' | 'UInt32' | 'Int32' | 'Float32' | 'Float64';

/**
 * GDAL's affine geotransform: the point at column `c`, row `r` (pixel corners, 0,0 = outer corner
 * of the first pixel) is x = t[0] + c·t[1] + r·t[2], y = t[3] + c·t[4] + r·t[5].
 */
export type GeoTransform = readonly [number, number, number, number, number, number];

/** What a raster loader learns from the header (no pixels decoded). */
export interface RasterInfo {
  readonly kind: 'raster';
  readonly width: number;
  readonly height: number;
  readonly bandCount: number;
  readonly dataType: RasterDataType;
  /**
   * Pixel size in CRS units (x > 0, y > 0): the length of a pixel's sides along its row and its
   * column, whatever the grid's orientation (so a rotated grid's review uses its true size).
   */
  readonly pixelSize: readonly [number, number];
  /** Outer corner of the first pixel (row 0, column 0), CRS units: upper-left when north-up. */
  readonly origin: readonly [number, number];
  /**
   * The full transform when the grid is not north-up (rotated, or rows running south to north);
   * absent for a north-up grid, whose transform `geoTransformOf` derives from origin and pixelSize.
   */
  readonly geoTransform?: GeoTransform;
  readonly nodata: number | null;
  readonly crs: CrsInfo | null;
  /** Bounding box of the grid's four corners, CRS units; null without georeferencing. */
  readonly extent: Extent | null;
}

/** A raster's geotransform, north-up ones derived from origin and pixel size. */
export const geoTransformOf = (info: RasterInfo): GeoTransform =>
  info.geoTransform ?? [info.origin[0], info.pixelSize[0], 0, info.origin[1], 0, -info.pixelSize[1]];

/** Bounding box `[minX, minY, maxX, maxY]` of a `width` × `height` grid's four corners. */
export function gridExtent(t: GeoTransform, width: number, height: number): Extent {
  const xs = [0, width].flatMap((c) => [0, height].map((r) => t[0] + c * t[1] + r * t[2]));
  const ys = [0, width].flatMap((c) => [0, height].map((r) => t[3] + c * t[4] + r * t[5]));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Geometry type as reported for a layer (mixed layers report 'Mixed'). */
export type GeometryType =
  | 'Point'
  | 'MultiPoint'
  | 'LineString'
  | 'MultiLineString'
  | 'Polygon'
  | 'MultiPolygon'
  | 'GeometryCollection'
  | 'Mixed'
  | 'None';

export interface VectorInfo {
  readonly kind: 'vector';
  readonly featureCount: number;
  readonly geometryType: GeometryType;
  readonly fields: readonly FieldInfo[];
  readonly crs: CrsInfo | null;
  readonly extent: Extent | null;
  /** Text encoding the attributes were decoded with (e.g. 'UTF-8', 'GBK'). */
  readonly encoding: string;
}

export interface FieldInfo {
  readonly name: string;
  readonly type: 'string' | 'number' | 'boolean' | 'date' | 'other';
}

/** A CRS as identified from a file. `code` is `EPSG:nnnn` when an EPSG code is known. */
export interface CrsInfo {
  readonly code: string | null;
  readonly name: string;
  /** proj4 definition string, used for transforms and sent to the map. */
  readonly proj4: string;
  readonly geographic: boolean;
  /** Metres per CRS unit along the axes (1 for metre CRSs; null for degrees). */
  readonly metresPerUnit: number | null;
}

export type DatasetInfo = RasterInfo | VectorInfo;
