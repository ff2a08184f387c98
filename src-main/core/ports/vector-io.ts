import type { FormatNotice, LayerRead, OpenOptions } from '../formats/format-module.js';
import type { ImportCrsDecision } from '../crs/index.js';
import type {
  CrsInfo,
  DatasetFormat,
  FieldInfo,
  GeometryType,
  SubjectText,
  VectorFeature,
} from '../model/index.js';

/** A file as its format module read it: one entry per layer, each a dataset of its own. */
export interface OpenedFile {
  readonly format: DatasetFormat;
  /** The files read: the main file first, then the sidecars reached (.shx .dbf .prj ...). Absolute paths. */
  readonly files: string[];
  readonly layers: LayerRead[];
}

/** How the map shows a layer: bytes written fresh for it, or null to read the original. */
export interface DisplayCopy {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** What import tells about a layer: a format's repair, or what it found of the CRS (ADR 0102). */
export interface ImportLayerNotice {
  readonly code: FormatNotice | NonNullable<ImportCrsDecision['notice']>['code'];
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * A layer as the importer needs it: what it is, without its features, and its display copy. Its
 * CRS is the one import decided on (a zone-prefixed code for prefixed eastings).
 */
export interface ImportLayer {
  readonly kind: LayerRead['kind'];
  readonly layer: string | null;
  readonly info: LayerRead['info'];
  readonly notices: readonly ImportLayerNotice[];
  readonly display: DisplayCopy | null;
}

/** A file read for import: its layers summarised, their display copies written where it was read. */
export interface ImportRead {
  readonly format: DatasetFormat;
  readonly files: string[];
  readonly layers: ImportLayer[];
}

/** Reads any file the format registry knows (in the app, in a killable parse worker). */
export interface FormatReader {
  open(path: string, options?: OpenOptions): Promise<OpenedFile>;
  /**
   * Reads a file for import: the features stay where they were read (a worker), and only the
   * layers' facts and display copies come back, so a million features never cross to the host.
   */
  openForImport(path: string, options?: OpenOptions): Promise<ImportRead>;
  /**
   * The hidden-content inventory of a file and its stored set (ADR 0162): what its format module's
   * `hidden` finds, empty for a format without one. Read like `open`, in the same kind of worker.
   */
  hidden(path: string, options?: OpenOptions): Promise<readonly SubjectText[]>;
}

/** What a GeoPackage written fresh holds: one feature table, nothing else (ADR 0186). */
export interface GeoPackageLayer {
  readonly table: string;
  readonly crs: CrsInfo;
  readonly fields: readonly FieldInfo[];
  readonly geometryType: GeometryType;
  readonly features: readonly VectorFeature[];
  /** gpkg_contents.last_change (ISO 8601): the release time, so the same input writes the same file. */
  readonly lastChange: string;
}

export interface VectorIo {
  /** Serialises a fresh GeoJSON FeatureCollection (with its CRS named) — text only, no I/O. */
  toGeoJson(data: { readonly crs: CrsInfo; readonly features: readonly VectorFeature[] }): string;
  /**
   * Writes `layer` as a fresh GeoPackage at `file` (one feature table, no index, no metadata, no
   * free page; ADR 0186), durably: nothing is at `file` unless all of it is.
   */
  writeGeoPackage(file: string, layer: GeoPackageLayer): Promise<void>;
  /** Writes a layer's display copy: an indexed FlatGeobuf (ADR 0150) — bytes only, no I/O. */
  toDisplayCopy(data: {
    readonly name: string;
    readonly crs: CrsInfo;
    readonly fields: readonly FieldInfo[];
    readonly features: readonly VectorFeature[];
  }): Uint8Array;
}

export type { FormatNotice, LayerRead, OpenOptions };
