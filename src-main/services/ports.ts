import type {
  CrsInfo,
  DatasetFormat,
  DatasetId,
  RasterInfo,
  ReviewId,
  VectorFeature,
  VectorInfo,
} from '../core/model/index.js';
import type { CatalogueStore, StoredFile } from '../core/ports/index.js';
import type { VerifyResult } from '../api/types.js';
import type { JobProgressEvent } from '../api/events.js';

/** Long-work options every job port accepts. */
export interface JobOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where in a job its progress comes from: the phase and, for jobs over several files, which one. */
export type JobStep = Omit<JobProgressEvent, 'jobId' | 'done' | 'total'>;

/** A running job as a use-case sees it: a cancel signal, and progress reporting per step. */
export interface JobContext {
  readonly signal?: AbortSignal;
  /** Options for one step's adapter call: the progress it reports is attributed to `step`. */
  step(step: JobStep): JobOptions;
}

/** A job a host has started for one contract call; `finish` must be called exactly once. */
export interface JobRun extends JobContext {
  finish(ok: boolean): void;
}

/** The host's job registry, as the contract handlers need it. */
export interface JobsPort {
  /** Starts a job under the client's id (or an anonymous one nobody can follow or cancel). */
  start(jobId: string | undefined): JobRun;
  /** Aborts a running job; false when no job of that id is running. */
  cancel(jobId: string): boolean;
}

export interface RasterIo {
  readInfo(path: string): Promise<RasterInfo>;
  valueRange(path: string, info: RasterInfo): Promise<readonly [number, number] | null>;
  /** Writes a fresh GeoTIFF at `target` pixel size (CRS units) to `dest`, atomically. */
  resampleToPublic(
    src: string,
    dest: string,
    target: readonly [number, number],
    options?: JobOptions,
  ): Promise<RasterInfo>;
}

export interface VectorRead {
  readonly format: DatasetFormat;
  readonly info: VectorInfo;
  readonly features: VectorFeature[];
  /** The file set: main file first, then sidecars that exist. Absolute paths. */
  readonly files: string[];
}

export interface VectorIo {
  read(path: string): Promise<VectorRead>;
  /** Serialises a fresh GeoJSON FeatureCollection (with its CRS named) — text only, no I/O. */
  toGeoJson(data: { readonly crs: CrsInfo; readonly features: readonly VectorFeature[] }): string;
}

export interface ObjectStore {
  putFile(path: string, options?: JobOptions): Promise<{ sha256: string; size: number }>;
  putBytes(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** Absolute path of a stored object (read-only). Throws on a malformed key. */
  pathOf(sha256: string): string;
}

export interface BagSigner {
  sign(data: Uint8Array): Uint8Array;
  publicKeyPem(): string;
  fingerprint(): string;
}

export interface BagIo {
  writeBag(options: {
    readonly outDir: string;
    readonly bagName: string;
    readonly payload: readonly { readonly name: string; readonly sourcePath: string }[];
    readonly generated: readonly { readonly name: string; readonly content: string | Uint8Array }[];
    readonly bagInfo: Readonly<Record<string, string>>;
    readonly signer: BagSigner;
    readonly signal?: AbortSignal;
    readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
  }): Promise<{ bag: string; files: number; bytes: number; signatureFile: string }>;
  verifyBag(bagPath: string, publicKeyPem: string | null): Promise<VerifyResult>;
}

export interface Ids {
  datasetId(): DatasetId;
  reviewId(): ReviewId;
}

export interface Clock {
  now(): Date;
}

/**
 * Everything the use-cases need from outside. Hosts build it in src-main/hosting.
 * `workDir` is a private scratch directory inside the data home (same file system as the store,
 * so finished outputs can be renamed into place).
 */
export interface ServiceDeps {
  /** A file's format judged by its content; null when it is none we read. */
  readonly detectFormat: (path: string) => Promise<DatasetFormat | null>;
  readonly store: CatalogueStore;
  readonly objects: ObjectStore;
  readonly raster: RasterIo;
  readonly vector: VectorIo;
  readonly bags: BagIo;
  readonly signer: BagSigner;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly user: string;
  readonly workDir: string;
  readonly organisation: string;
}

export type { StoredFile };
