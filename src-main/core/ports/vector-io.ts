import type { CrsInfo, DatasetFormat, VectorFeature, VectorInfo } from '../model/index.js';
import type { ShapefileNotice } from '../formats/shapefile/index.js';

/** A vector file set as read from disk. */
export interface VectorRead {
  readonly format: DatasetFormat;
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
  /** The set's files: the main file first, then the sidecars that exist (.shx .dbf .prj .cpg). Absolute paths. */
  readonly files: string[];
  /** What the reader found missing or inconsistent in a shapefile set; the importer decides. */
  readonly notices: readonly ShapefileNotice[];
}

export interface VectorIo {
  read(path: string): Promise<VectorRead>;
  /** Serialises a fresh GeoJSON FeatureCollection (with its CRS named) — text only, no I/O. */
  toGeoJson(data: { readonly crs: CrsInfo; readonly features: readonly VectorFeature[] }): string;
}
