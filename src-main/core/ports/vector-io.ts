import type { CrsInfo, DatasetFormat, VectorFeature, VectorInfo } from '../model/index.js';

/** A vector file set as read from disk. */
export interface VectorRead {
  readonly format: DatasetFormat;
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
  /** The set's files: the main file first, then the sidecars that exist (.shx .dbf .prj .cpg). Absolute paths. */
  readonly files: string[];
}

export interface VectorIo {
  read(path: string): Promise<VectorRead>;
  /** Serialises a fresh GeoJSON FeatureCollection (with its CRS named) — text only, no I/O. */
  toGeoJson(data: { readonly crs: CrsInfo; readonly features: readonly VectorFeature[] }): string;
}
