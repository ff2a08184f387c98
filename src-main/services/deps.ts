import type {
  AccountCrypto,
  AccountsAnchor,
  BagIo,
  BagSigner,
  CatalogueStore,
  Clock,
  FormatReader,
  Ids,
  JobOptions,
  ObjectStore,
  PayloadScanner,
  ProductWriter,
  RasterIo,
  TileSetReader,
  TrustedKeys,
  VectorIo,
} from '../core/ports/index.js';
import type { JobProgressEvent } from '../api/events.js';
import type { BagLimits } from '../core/model/index.js';

// Job and progress plumbing is the hosts' concern (their registry, their events), not a port of
// the domain: it stays here, beside the services that report through it (ADR 0066).

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

/**
 * Everything the use-cases need from outside, as core ports. Hosts build it in src-main/hosting.
 * `workDir` is a private scratch directory inside the data home (same file system as the store,
 * so finished outputs can be renamed into place). Who acts comes with each call (`CallContext`).
 */
export interface ServiceDeps {
  readonly store: CatalogueStore;
  readonly objects: ObjectStore;
  readonly raster: RasterIo;
  readonly formats: FormatReader;
  readonly vector: VectorIo;
  readonly bags: BagIo;
  /** The independent re-scan of what is about to leave (ADR 0178). */
  readonly scanner: PayloadScanner;
  readonly signer: BagSigner;
  /** The sending workstations' keys a received package may be signed with (ADR 0177). */
  readonly trustedKeys: TrustedKeys;
  /** What a received package may hold at most. */
  readonly receiveLimits: BagLimits;
  /** Local accounts (ADR 0170): hashing, user keys, checking the workstation key's certificates. */
  readonly accounts: AccountCrypto;
  readonly accountsAnchor: AccountsAnchor;
  /** Local basemap tile sets (ADR 0106). */
  readonly tileSets: TileSetReader;
  /** Map products (ADR 0179): the PDF writer. */
  readonly products: ProductWriter;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly workDir: string;
  readonly organisation: string;
}
