import type { AccountRow } from '../accounts/account.js';
import type { LoginCounters } from '../accounts/lockout.js';
import type { OpenOptions } from '../formats/format-module.js';
import type {
  CrsInfo,
  DatasetFormat,
  DatasetId,
  DatasetInfo,
  DatasetKind,
  Finding,
  FindingDecisionKind,
  ReviewId,
  ReviewVerdictKind,
  SecrecyLevel,
} from '../model/index.js';
import type { SearchPageRow, SearchQuery } from '../catalogue/search.js';
import type { Standing, StandingChange } from '../catalogue/standing.js';

export type DatasetStatus = 'draft' | 'reviewed' | 'public-version' | 'exported';

/** A dataset row: what the archive holds about one stored file set. */
export interface DatasetRow {
  readonly id: DatasetId;
  /** Original file name (base name only). */
  readonly name: string;
  readonly kind: DatasetKind;
  readonly format: DatasetFormat;
  /** The layer inside a multi-layer file (GeoPackage table, KML folder); null for single-layer formats. */
  readonly layer: string | null;
  readonly info: DatasetInfo;
  /** SHA-256 (hex) of the primary file; the object store key of the original. */
  readonly sha256: string;
  readonly byteSize: number;
  /** Object-store keys of every file of the set (primary first), e.g. .shp/.shx/.dbf/.prj. */
  readonly files: readonly StoredFile[];
  /** Object-store key of the display copy the map reads (may equal the primary file's key). */
  readonly displayKey: string;
  readonly displayContentType: string;
  readonly valueRange: readonly [number, number] | null;
  readonly sourceId: DatasetId | null;
  readonly status: DatasetStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Set when a user gave the dataset its CRS (`info.crs` is then that CRS; ADR 0104). */
  readonly crsAssignment?: CrsAssignment;
  /** How the file was opened at import when its bytes alone did not say (CSV columns, CRS, encoding). */
  readonly openOptions?: OpenOptions;
  /** The latest withdrawal, archiving or restoring (ADR 0171); absent: never changed, so active. */
  readonly standing?: StandingChange;
}

/** Who gave a dataset its CRS, when, and what it had before (null: none). */
export interface CrsAssignment {
  readonly code: string;
  readonly previous: string | null;
  readonly by: string;
  readonly at: string;
}

export interface StoredFile {
  /** Name inside the set (base name), e.g. `roads.dbf`. */
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

export interface RecordFieldsRow {
  readonly title: string;
  readonly abstract: string;
  readonly level: SecrecyLevel;
  readonly period: string;
  /** 数据来源: whom every use must cite; empty when not yet given. */
  readonly attribution: string;
  /** 档号 (archive number); absent while not given, as on every record written before it was kept. */
  readonly archiveNumber?: string;
  /** 关键词. */
  readonly keywords?: readonly string[];
  /** 形成单位 (producing unit). */
  readonly unit?: string;
  /** 资料类别 (category). */
  readonly category?: string;
  /** The year of 形成时间 (when the data was made). */
  readonly year?: number;
}

export interface RecordVersionRow {
  readonly datasetId: DatasetId;
  readonly version: number;
  readonly fields: RecordFieldsRow;
  readonly author: string;
  readonly createdAt: string;
}

/** One rule a review ran: its id and version. */
export interface ReviewRuleRun {
  readonly id: string;
  readonly version: number;
}

export interface ReviewRow {
  readonly id: ReviewId;
  readonly datasetId: DatasetId;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly profileName: string;
  /** SHA-256 of the profile document; null for reviews recorded before it was kept. */
  readonly profileSha256: string | null;
  /** The rules the profile ran, each with its version; null for reviews recorded before they were kept. */
  readonly rules: readonly ReviewRuleRun[] | null;
  readonly findings: readonly Finding[];
  readonly contentSha256: string;
  readonly reviewer: string;
  readonly createdAt: string;
}

/** A decision on finding number `finding` (1-based, in the review's order) of review `reviewId`. */
export interface FindingDecisionRow {
  readonly reviewId: ReviewId;
  readonly finding: number;
  readonly decision: FindingDecisionKind;
  /** Why; required for accept and false-positive, may be empty for must-fix. */
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The verdict on a whole review (one per review), with the content hash the review read. */
export interface ReviewVerdictRow {
  readonly reviewId: ReviewId;
  readonly verdict: ReviewVerdictKind;
  /** Required (non-blank) for a return; may be empty for an approval. */
  readonly comment: string;
  readonly contentSha256: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
  /**
   * For an approval, the statement the reviewer signed (JSON, `statementJson`) and their Ed25519
   * signature over `statementBytes` of it (ADR 0176); null for a return and for approvals stored
   * before signatures, which bind nothing.
   */
  readonly statement: string | null;
  readonly signature: string | null;
}

export interface LineageRow {
  readonly datasetId: DatasetId;
  readonly sourceId: DatasetId;
  readonly sourceSha256: string;
  readonly steps: readonly {
    step: string;
    /** `id@version` of the release transform (ADR 0186); absent in lineages recorded before. */
    transform?: string;
    params: Readonly<Record<string, string | number>>;
    description: string;
  }[];
  readonly author: string;
  readonly createdAt: string;
}

/** What the receiving side recorded about one package (ADR 0177), taken in or refused. */
export interface ReceiptInput {
  /** The bag directory's base name. */
  readonly bag: string;
  /** SHA-256 of the signed tag manifest; null when the bag did not get that far. */
  readonly tagManifestSha256: string | null;
  /** Fingerprint of the pinned key the signature verified with. */
  readonly signer: string | null;
  readonly ok: boolean;
  /** The first step that failed; null when the package was taken in. */
  readonly failedStep: string | null;
  /** Every step's check as the report showed it (message keys and params only). */
  readonly checks: readonly {
    readonly step: string;
    readonly ok: boolean;
    readonly problems: readonly {
      readonly key: string;
      readonly params: Readonly<Record<string, string | number>>;
    }[];
  }[];
  readonly datasets: readonly DatasetId[];
  readonly externalIdentifier: string;
  readonly sourceOrganization: string;
  /** Where the data came from, as its metadata says: identifier, organisation, lineage, review. */
  readonly provenance: Readonly<Record<string, unknown>> | null;
  readonly receivedBy: string;
}

export interface ReceiptRow extends ReceiptInput {
  readonly seq: number;
  readonly receivedAt: string;
}

/** Keys of the workstation settings an administrator sets (ADR 0107; agency profiles, ADR 0168). */
export type SettingKey = 'basemaps' | 'accounts' | 'profiles';

/** What a state change writes to the hash-chained audit log (no attribute values, no coordinates). */
export interface AuditInput {
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export interface AuditRow extends AuditInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The audit chain walked from its first entry (ADR 0041). */
export interface AuditChainCheck {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string | null;
  /** First seq whose row does not chain: gap in seq, wrong prev_hash, or hash mismatch. */
  readonly brokenAt: number | null;
  /** Why the check failed first (ADR 0185), null when intact. */
  readonly problem: AuditProblem | null;
  /** The head kept outside the catalogue, as read (null when not kept or unreadable). */
  readonly anchor: LedgerHead | null;
  /** The record-version chain: its length, head and the first broken link's version. */
  readonly versions: VersionChainCheck;
}

/**
 * `chain`: an entry does not hash or link; `key`: an entry's key is missing or wrong;
 * `anchor`: a chain ends before (or differs from) the head kept outside the catalogue;
 * `anchorMissing`: that head is missing or its key is wrong; `version`: a record version is
 * missing, edited or not chained.
 */
export type AuditProblem = 'chain' | 'key' | 'anchor' | 'anchorMissing' | 'version';

export interface ChainTail {
  readonly seq: number;
  readonly hash: string;
}

/** The tails of the audit and version chains, as kept outside the catalogue and in packages. */
export interface LedgerHead {
  readonly audit: ChainTail;
  readonly versions: ChainTail;
}

export interface VersionChainCheck {
  readonly entries: number;
  readonly head: string | null;
  readonly brokenAt: { readonly datasetId: string; readonly version: number } | null;
}

/** A dataset to insert with its first record version. */
export interface NewDataset {
  readonly row: DatasetRow;
  readonly record: RecordFieldsRow;
}

/** Writes available inside one transaction. Every write batch ends with its audit entry. */
export interface CatalogueTx {
  insertDataset(row: DatasetRow, firstRecord: RecordFieldsRow): Promise<void>;
  /** Inserts many datasets in a few multi-row statements (a batch import: same rows as one by one). */
  insertDatasets(items: readonly NewDataset[]): Promise<void>;
  /** Appends version baseVersion+1; throws StrataError CONFLICT if baseVersion is not the latest. */
  appendRecordVersion(
    id: DatasetId,
    baseVersion: number,
    fields: RecordFieldsRow,
    author: string,
  ): Promise<RecordVersionRow>;
  setStatus(id: DatasetId, status: DatasetStatus): Promise<void>;
  /** Records a change of the dataset's standing, at the catalogue's time (appended: earlier ones are kept). */
  setStanding(id: DatasetId, change: Omit<StandingChange, 'at'>): Promise<StandingChange>;
  insertReview(review: ReviewRow): Promise<void>;
  /** Appends a decision (decisions are never changed: a later one on the same finding supersedes). */
  insertDecision(decision: FindingDecisionRow): Promise<void>;
  /** Records the verdict on a review; a second verdict on the same review is refused by the schema. */
  insertVerdict(verdict: ReviewVerdictRow): Promise<void>;
  insertLineage(lineage: LineageRow): Promise<void>;
  /** Records a received or refused package; returns its receipt number. */
  insertReceipt(receipt: ReceiptInput): Promise<ReceiptRow>;
  appendAudit(entry: AuditInput): Promise<AuditRow>;
  /** Sets the workstation setting `key` to `value` (JSON-serialisable), recording who and when. */
  putSetting(key: SettingKey, value: unknown, by: string): Promise<void>;
  /** Inserts or replaces the account `row.name` (ADR 0170). */
  putAccount(row: AccountRow): Promise<void>;
  /** An account's login counters as this transaction sees them; null when there is no such account. */
  loginCounters(name: string): Promise<LoginCounters | null>;
  /** Sets an account's login counters (not certified, so no new certificate is needed). */
  setLoginCounters(name: string, counters: LoginCounters): Promise<void>;
  /** Makes `crs` the dataset's CRS (and `display` its display copy, when given), recording `assignment`. */
  assignCrs(
    id: DatasetId,
    crs: CrsInfo,
    assignment: CrsAssignment,
    display: { readonly key: string; readonly contentType: string } | null,
  ): Promise<void>;
}

/**
 * The catalogue. Reads run on any connection; writes run one at a time through `write`, which wraps
 * `fn` in BEGIN IMMEDIATE … COMMIT (rolled back if `fn` throws).
 */
export interface CatalogueStore {
  write<T>(fn: (tx: CatalogueTx) => Promise<T>): Promise<T>;
  getDataset(id: DatasetId): Promise<DatasetRow | null>;
  /** Every dataset, or those of one standing (a dataset never withdrawn or archived is active). */
  listDatasets(filter?: { readonly standing?: Standing }): Promise<DatasetRow[]>;
  /** Datasets whose primary file has this SHA-256 (every layer of it), oldest first; indexed. */
  datasetsWithContent(sha256: string): Promise<DatasetRow[]>;
  /** Public versions derived from `id`, newest first. */
  derivedFrom(id: DatasetId): Promise<DatasetId[]>;
  recordVersions(id: DatasetId): Promise<RecordVersionRow[]>;
  latestReview(id: DatasetId): Promise<ReviewRow | null>;
  getReview(id: ReviewId): Promise<ReviewRow | null>;
  /** The decision that holds on each decided finding of a review, by finding number. */
  decisions(reviewId: ReviewId): Promise<FindingDecisionRow[]>;
  /** The verdict on a review, or null while it has none. */
  verdict(reviewId: ReviewId): Promise<ReviewVerdictRow | null>;
  lineage(id: DatasetId): Promise<LineageRow | null>;
  /** The receipt of a package taken in with this tag-manifest SHA-256, or null. */
  receivedWith(tagManifestSha256: string): Promise<ReceiptRow | null>;
  /** The newest receipts first. */
  receipts(limit: number): Promise<ReceiptRow[]>;
  auditList(limit: number): Promise<AuditRow[]>;
  /** The value of a workstation setting as stored (parsed JSON), or null when never set. */
  getSetting(key: SettingKey): Promise<unknown>;
  auditVerify(): Promise<AuditChainCheck>;
  /** An online backup into one self-contained file, checked by `integrity_check` (ADR 0185). */
  backup(destFile: string): Promise<void>;
  /**
   * Replaces the catalogue with a checked backup (a Strata catalogue, integrity_check ok, chains
   * keyed by this workstation) between two writes; the head kept outside follows it. CORRUPT_FILE
   * for a file that is none of that, with the live catalogue untouched.
   */
  restore(file: string): Promise<void>;
  /** The newest audit entry about `subject`, or null. */
  latestAuditFor(subject: string): Promise<AuditRow | null>;
  /** An account as stored (not yet checked against its certificate), or null. */
  getAccount(name: string): Promise<AccountRow | null>;
  listAccounts(): Promise<AccountRow[]>;
  /** A page of the active records matching `query`, with its total and facet counts (ADR 0182). */
  search(query: SearchQuery): Promise<SearchPageRow>;
  close(): Promise<void>;
}
