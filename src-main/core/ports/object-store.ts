import type { JobOptions } from './job-options.js';

/** A stored object: `key` is the lower-case hex SHA-256 of its bytes (same as `sha256`). */
export interface PutResult {
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
}

/** Content-addressed, write-once store for originals and derived files (ADR 0044). */
export interface ObjectStore {
  /** Copies a file in; progress in bytes. */
  putFile(path: string, options?: JobOptions): Promise<PutResult>;
  putBytes(bytes: Uint8Array): Promise<PutResult>;
  /** Absolute path of a stored object (read-only); throws INVALID_ARGUMENT on a malformed key. */
  pathOf(key: string): string;
  has(key: string): Promise<boolean>;
}
