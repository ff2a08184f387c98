import type { Extent } from './geometry.js';

export type DatasetKind = 'raster' | 'vector';
export type DatasetFormat =
  'GeoTIFF' | 'GeoJSON' | 'Shapefile' | 'GeoPackage' | 'KML' | 'GPX' | 'CSV' | 'FlatGeobuf';

/** Pixel sample type as GDAL names it. */
export type RasterDataType =
  'Byte' | 'Int8' | 'UInt16' | 'Int16' | 'UInt32' | 'Int32' | 'Float32' | 'Float64';

/** What a raster loader learns from the header (no pixels decoded). */
export interface RasterInfo {
  readonly kind: 'raster';
  readonly width: number;
  readonly height: number;
  readonly bandCount: number;
  readonly dataType: RasterDataType;
  /** Pixel size in CRS units (x > 0, y > 0; north-up only). */
  readonly pixelSize: readonly [number, number];
  /** Upper-left corner of the upper-left pixel, CRS units. */
  readonly origin: readonly [number, number];
  readonly nodata: number | null;
  readonly crs: CrsInfo | null;
  readonly extent: Extent | null;
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
