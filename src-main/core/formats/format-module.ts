import type { DatasetFormat, RasterInfo, SubjectText, VectorFeature, VectorInfo } from '../model/index.js';
import type { FormatInput } from '../ports/format-input.js';

/** What detection sees of a file: its base name and its first bytes (up to 64 KiB). */
export interface FileHead {
  readonly name: string;
  readonly head: Uint8Array;
}

/**
 * How sure a module is that a head is its format: `content` when the bytes say so (a magic number,
 * a structure), `name` when only the extension does and the bytes do not contradict it. Content
 * beats name; among equals the registry's order decides.
 */
export type DetectStrength = 'content' | 'name';

/** What the user (or the command line) said about a file that its bytes cannot say. */
export interface OpenOptions {
  /** Text encoding of attribute text (e.g. 'GBK'), over what the file declares or detection finds. */
  readonly encoding?: string | undefined;
  /** CRS code for coordinates whose file names none (e.g. a CSV), as 'EPSG:4490'. */
  readonly crs?: string | undefined;
  /** Column names holding x (easting/longitude) and y, for tables of points. */
  readonly x?: string | undefined;
  readonly y?: string | undefined;
}

/**
 * What a reader found wrong but could repair, as `notice.<code>` in messages.ts; the file is
 * imported and the notice is told to the user and written into the audit entry.
 */
export type FormatNotice =
  | 'shapefile.shxMissing'
  | 'shapefile.shxInconsistent'
  // GeoPackage
  | 'geopackage.coveragesSkipped'
  // CSV
  | 'csv.rowsWithoutCoordinates';

export interface VectorLayerRead {
  readonly kind: 'vector';
  /** The layer's name inside a multi-layer file (GeoPackage table, KML folder); null for single-layer formats. */
  readonly layer: string | null;
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
  readonly notices: readonly FormatNotice[];
}

export interface RasterLayerRead {
  readonly kind: 'raster';
  readonly layer: string | null;
  readonly info: RasterInfo;
  readonly notices: readonly FormatNotice[];
}

/** One layer of an opened file: each becomes a dataset of its own. */
export type LayerRead = VectorLayerRead | RasterLayerRead;

/** Display names of a format, in each UI language. */
export interface FormatLabel {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * One file format Strata reads: everything format-specific (detection, dialog filters, display
 * names, reading) comes from its module, and the registry (registry.ts) lists the modules. A
 * module reads only through its FormatInput and throws FormatError (or the input's StrataError)
 * for a file it cannot read.
 */
export interface FormatModule {
  readonly id: DatasetFormat;
  /** What the format's layers hold; 'mixed' when one file may hold both (GeoPackage). */
  readonly kind: 'raster' | 'vector' | 'mixed';
  /** File-name extensions (lower case, no dot) offered in open dialogs; the first is the main one. */
  readonly extensions: readonly string[];
  readonly label: FormatLabel;
  detect(file: FileHead): DetectStrength | null;
  /** Reads the file's layers (at least one; a file without any is a FormatError). */
  open(input: FormatInput, options: OpenOptions): Promise<readonly LayerRead[]>;
  /**
   * The places this format's files hide data in, each with the text found there (ADR 0162): tags
   * and sidecars, deleted records, free pages, bytes nothing references. Reads only through
   * `input`, within bounds of its own; one inventory per file (every layer of it shares it). A
   * format without one hides nothing a review can see beyond what `open` reads.
   */
  hidden?(input: FormatInput, options: OpenOptions): Promise<readonly SubjectText[]>;
}
