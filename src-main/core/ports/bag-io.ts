import type { BagInfoEntry, ManifestEntry } from '../exchange/index.js';
import type { BagLimits, VerifyResult } from '../model/index.js';
import type { BagSigner } from './bag-signer.js';
import type { JobOptions } from './job-options.js';

export interface WriteBagOptions extends JobOptions {
  /** Existing directory the bag is created in. */
  readonly outDir: string;
  /** Directory name of the bag: one safe path segment. */
  readonly bagName: string;
  /**
   * Files copied into `data/` (`name` is relative to `data/`, `/`-separated), each with the
   * SHA-256 (hex) its bytes must have: a file whose copy hashes otherwise is refused
   * (`reason.payloadAltered`), and no bag is left.
   */
  readonly payload: readonly {
    readonly name: string;
    readonly sourcePath: string;
    readonly sha256: string;
  }[];
  /**
   * Looks at the payload as copied, in the bag's `data/` directory, before anything is signed:
   * the exact bytes that will leave. Throwing refuses the bag (none is left).
   */
  readonly inspectPayload?: (dataDir: string) => Promise<void>;
  /** Payload files produced in memory (metadata XML/JSON); strings are written as UTF-8. */
  readonly generated: readonly { readonly name: string; readonly content: string | Uint8Array }[];
  /** Caller elements of bag-info.txt in order; see `strataBagInfo`. */
  readonly bagInfo: Readonly<Record<string, string>>;
  readonly signer: BagSigner;
}

export interface WriteBagResult {
  /** Absolute path of the finished bag directory. */
  readonly bag: string;
  /** Number of payload files. */
  readonly files: number;
  /** Payload bytes. */
  readonly bytes: number;
  readonly signatureFile: string;
}

/** A received bag copied into a private directory and verified there again (ADR 0177). */
export interface StagedBag {
  /** The copy's root: every later read of the package is from here. */
  readonly dir: string;
  /** The copy's own check, with the same keys and limits as the first. */
  readonly verify: VerifyResult;
  /** bag-info.txt of the copy (empty unless `verify.ok`). */
  readonly bagInfo: readonly BagInfoEntry[];
  /** The payload manifest of the copy (empty unless `verify.ok`). */
  readonly payload: readonly ManifestEntry[];
  /** SHA-256 of the copy's signed tag manifest: the package's identity (null unless `verify.ok`). */
  readonly tagManifestSha256: string | null;
  /** Removes the copy. */
  cleanup(): Promise<void>;
}

/** Signed BagIt packages (ADR 0030-0033): write one, verify one. Progress of `writeBag` in bytes. */
export interface BagIo {
  writeBag(options: WriteBagOptions): Promise<WriteBagResult>;
  /**
   * Verifies with the key, or any of the keys, given — never with a key the bag carries (ADR 0032);
   * with `limits`, oversize files and payloads fail the completeness step.
   */
  verifyBag(
    bagPath: string,
    keys: string | null | readonly string[],
    limits?: BagLimits | null,
  ): Promise<VerifyResult>;
  /** Copies a bag into a private directory under `workDir` and verifies the copy; progress in bytes. */
  stageBag(
    bagPath: string,
    workDir: string,
    keys: readonly string[],
    limits: BagLimits,
    options?: JobOptions,
  ): Promise<StagedBag>;
}
