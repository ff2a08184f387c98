import type { FormatNotice, LayerRead, OpenOptions } from '../formats/format-module.js';
import type { CrsInfo, DatasetFormat, VectorFeature } from '../model/index.js';

/** A file as its format module read it: one entry per layer, each a dataset of its own. */
export interface OpenedFile {
  readonly format: DatasetFormat;
  /** The files read: the main file first, then the sidecars reached (.shx .dbf .prj ...). Absolute paths. */
  readonly files: string[];
  readonly layers: LayerRead[];
}

/** Reads any file the format registry knows (in the app, in a killable parse worker). */
export interface FormatReader {
  open(path: string, options?: OpenOptions): Promise<OpenedFile>;
}

export interface VectorIo {
  /** Serialises a fresh GeoJSON FeatureCollection (with its CRS named) — text only, no I/O. */
  toGeoJson(data: { readonly crs: CrsInfo; readonly features: readonly VectorFeature[] }): string;
}

export type { FormatNotice, LayerRead, OpenOptions };
