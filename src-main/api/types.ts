import type {
  DatasetFormat,
  DatasetId,
  DatasetKind,
  Extent,
  Finding,
  FindingDecisionKind,
  ReviewVerdictKind,
  GeometryType,
  GeoTransform,
  RasterDataType,
  ReviewId,
  SecrecyLevel,
  FieldInfo,
  ReceiveStep,
  StepCheck,
  VectorFeature,
} from '../core/model/index.js';
import type { Role } from '../core/model/roles.js';
import type { ApiErrorBody, ErrorCode, ErrorParams } from './errors.js';
import type { MethodName } from './contract.js';
import type { LocalBasemap, ServiceBasemap } from '../core/basemaps/config.js';
import type { TileSetInfo } from '../core/basemaps/tile-set.js';
import type { FormatNotice } from '../core/formats/format-module.js';
import type { ImportCrsDecision, TransformPlan } from '../core/crs/index.js';
import type { TablePage } from '../core/table/feature-table.js';
import type { Sheet } from '../core/maps/index.js';
import type { Orientation, Paper, ProductMark } from '../core/layout/index.js';
import type { Standing, StandingChange } from '../core/catalogue/standing.js';

export type { Standing, StandingChange, TransformPlan };

/** `maps.sheet`: a GB/T 13989 sheet, its corners (CGCS2000 degrees) and its 接图表 neighbours. */
export type SheetView = Sheet;
export type { Orientation, Paper, ProductMark };

/** Workflow state of a dataset (DOMAIN.md "The workflow"). */
export type WorkflowStatus = 'draft' | 'reviewed' | 'public-version' | 'exported';

/**
 * One catalogued dataset as listed. `crs` is `EPSG:nnnn` when known; `extent` is in that CRS
 * (x = easting/longitude first). Size fields depend on `kind`.
 */
export interface DatasetSummary {
  readonly id: DatasetId;
  readonly name: string;
  readonly kind: DatasetKind;
  readonly format: DatasetFormat;
  /** The layer inside its file when the file holds several (GeoPackage table, KML folder), else null. */
  readonly layer: string | null;
  readonly crs: string | null;
  readonly crsName: string | null;
  readonly extent: Extent | null;
  readonly width?: number;
  readonly height?: number;
  readonly bandCount?: number;
  readonly dataType?: RasterDataType;
  readonly pixelSize?: readonly [number, number];
  readonly featureCount?: number;
  readonly geometryType?: GeometryType;
  readonly sha256: string;
  readonly byteSize: number;
  /** Set on a public version: the dataset it was derived from. */
  readonly sourceId: DatasetId | null;
  readonly status: WorkflowStatus;
  /** Whether the dataset is in use (ADR 0171); withdrawn and archived ones are left out of the default list. */
  readonly standing: Standing;
  readonly title: string;
  readonly level: SecrecyLevel;
  readonly createdAt: string;
}

/** 著录 fields edited in this release of the app. */
export interface RecordFields {
  readonly title: string;
  readonly abstract: string;
  readonly level: SecrecyLevel;
  /** 保密期限 as entered (`10年`, `长期`); empty = the level's default. */
  readonly period: string;
  /** 数据来源: whom every use of the data must cite; empty when not yet given. */
  readonly attribution: string;
  /** 档号, 关键词, 形成单位, 资料类别, the year of 形成时间: absent while not given (ADR 0182). */
  readonly archiveNumber?: string;
  readonly keywords?: readonly string[];
  readonly unit?: string;
  readonly category?: string;
  readonly year?: number;
}

export interface RecordVersion {
  readonly version: number;
  readonly fields: RecordFields;
  readonly author: string;
  readonly createdAt: string;
  /** `密级★保密期限` as it is marked. */
  readonly marking: string;
}

export interface ReviewReport {
  readonly id: ReviewId;
  readonly datasetId: DatasetId;
  /**
   * The profile that judged it: its document's SHA-256 and every rule it ran with its version
   * (null for reviews recorded before these were kept).
   */
  readonly profile: {
    readonly id: string;
    readonly version: number;
    readonly name: string;
    readonly sha256: string | null;
    readonly rules: readonly { readonly id: string; readonly version: number }[] | null;
  };
  readonly findings: readonly Finding[];
  /** The decision that holds on each decided finding, by finding number (1-based). */
  readonly decisions: readonly FindingDecision[];
  /** The reviewer's approval or return of the whole review; null while it has none (ADR 0174). */
  readonly verdict: ReviewVerdict | null;
  readonly blocking: number;
  readonly passed: boolean;
  /** SHA-256 of the reviewed bytes: the review holds only for exactly this content. */
  readonly contentSha256: string;
  readonly reviewer: string;
  readonly createdAt: string;
}

/** A reviewer's decision on finding number `finding` of a review. */
export interface FindingDecision {
  readonly finding: number;
  readonly decision: FindingDecisionKind;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** A verdict on a whole review: who approved or returned it, when, and why. */
export interface ReviewVerdict {
  readonly verdict: ReviewVerdictKind;
  readonly comment: string;
  readonly by: string;
  readonly at: string;
  /** The content SHA-256 the review read; a verdict holds only for exactly those bytes. */
  readonly contentSha256: string;
}

/** One recorded transform step of a public version; hosts render it as the message `lineage.<step>`. */
export interface LineageStep {
  readonly step: string;
  /** The registered transform that made it, `id@version` (ADR 0186); absent in lineages made before. */
  readonly transform?: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** One step of a release plan as the curator is shown it before it runs (ADR 0186). */
export interface ReleasePlanStepView {
  /** `id@version` of the registered transform. */
  readonly transform: string;
  /** The transform's id: hosts render it as `lineage.<step>` with `params`. */
  readonly step: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** The numbers (1-based, in the review's order) of the findings the step answers. */
  readonly findings: readonly number[];
}

/** What producing a dataset's public version would do, or why it cannot (`refusal`: a reason key and its params). */
export interface ReleasePlanView {
  readonly datasetId: DatasetId;
  readonly reviewId: ReviewId | null;
  readonly profile: { readonly id: string; readonly version: number } | null;
  readonly steps: readonly ReleasePlanStepView[];
  readonly refusal: Readonly<Record<string, string | number>> | null;
}

export interface Lineage {
  readonly sourceId: DatasetId;
  readonly sourceSha256: string;
  readonly steps: readonly LineageStep[];
  readonly createdAt: string;
  readonly author: string;
}

/** How the map gets a dataset's bytes: a logical file path the host turns into a URL. */
export interface DisplaySource {
  readonly kind: DatasetKind;
  /** e.g. `datasets/<id>/display` — hosts serve it (with HTTP Range) under their file URL prefix. */
  readonly path: string;
  readonly contentType: string;
  /** Value range for rendering single-band rasters (null for RGB imagery or vectors). */
  readonly valueRange: readonly [number, number] | null;
  readonly nodata: number | null;
  /**
   * A rotated, sheared or south-up raster's own grid, which its north-up display copy was
   * resampled from (ADR 0173): identify names the source's column and row. Null when the copy
   * is on the source's grid.
   */
  readonly sourceGrid: SourceGrid | null;
}

/** A raster grid by its affine geotransform (GDAL's order) and size in pixels. */
export interface SourceGrid {
  readonly transform: GeoTransform;
  readonly width: number;
  readonly height: number;
}

export interface CrsDefinition {
  readonly code: string;
  readonly proj4: string;
}

export interface DatasetDetail {
  readonly summary: DatasetSummary;
  readonly record: RecordVersion;
  readonly versions: readonly RecordVersion[];
  readonly fields: readonly FieldInfo[];
  readonly review: ReviewReport | null;
  readonly lineage: Lineage | null;
  readonly publicVersions: readonly DatasetId[];
  readonly display: DisplaySource;
  readonly crsDefinition: CrsDefinition | null;
  /** Set when a user assigned the CRS (the file had none, or it was replaced on purpose). */
  readonly crsAssignment: CrsAssignmentInfo | null;
  /** The latest withdrawal, archiving or restoring, with its reason, who and when; null: never changed. */
  readonly standingChange: StandingChange | null;
}

export interface ReleaseResult {
  readonly id: DatasetId;
  readonly sourceId: DatasetId;
  readonly lineage: Lineage;
  readonly review: ReviewReport;
  readonly dataset: DatasetSummary;
}

/** A map product written (issue 10, ADR 0179). */
export interface ProductResult {
  /** The PDF written, as an absolute path. */
  readonly file: string;
  readonly bytes: number;
  readonly paper: Paper;
  readonly orientation: Orientation;
  /** 1:N of the (first) map frame. */
  readonly scale: number;
  /** The GB/T 13989 sheet the frame takes, when one was given. */
  readonly sheet: string | null;
  /** The mark computed from the datasets' records: text null for a public product. */
  readonly marking: ProductMark;
  readonly datasets: readonly DatasetId[];
}

/** An atlas written: one PDF per sheet, all with the same mark. */
export interface AtlasResult {
  readonly dir: string;
  readonly files: readonly { readonly sheet: string; readonly file: string; readonly bytes: number }[];
  readonly marking: ProductMark;
  readonly datasets: readonly DatasetId[];
}

export interface ExportResult {
  readonly id: DatasetId;
  readonly bag: string;
  readonly files: number;
  readonly bytes: number;
  readonly signatureFile: string;
  readonly keyFingerprint: string;
}

// Domain data (what a package check found), declared in core for the BagIo port.
export type { VerifyResult, VerifyStep, ReceiveStep, StepCheck } from '../core/model/index.js';

/** What the receiving side did with one package (ADR 0177): every step, the receipt, the datasets. */
export interface ReceiveResult {
  readonly ok: boolean;
  /** Absolute path of the bag as given. */
  readonly bag: string;
  /** The receipt's number in this catalogue (every package gets one, refused ones too). */
  readonly receipt: number;
  readonly checks: readonly StepCheck<ReceiveStep>[];
  /** Fingerprint of the pinned key the signature verified with. */
  readonly signer: string | null;
  /** The datasets the package became (or the ones already holding its bytes). */
  readonly datasets: readonly { readonly id: DatasetId; readonly title: string }[];
}

/** A receipt as `exchange.receipts` lists it (ADR 0177). */
export interface ReceiptView {
  readonly seq: number;
  readonly bag: string;
  readonly ok: boolean;
  readonly failedStep: string | null;
  readonly signer: string | null;
  readonly externalIdentifier: string;
  readonly sourceOrganization: string;
  readonly datasets: readonly DatasetId[];
  readonly receivedBy: string;
  readonly receivedAt: string;
}

/** A pinned sending key, as `keys.trust` and `keys.trusted` show it. */
export interface TrustedKeyView {
  readonly fingerprint: string;
  readonly pem: string;
}

export interface PublicKeyInfo {
  readonly pem: string;
  /** SHA-256 of the DER public key, hex. */
  readonly fingerprint: string;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly hash: string;
}

/** A backup written or restored (ADR 0185), and the audit entry that records it. */
export interface BackupResult {
  readonly file: string;
  readonly auditSeq: number;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: string | null;
  /** First sequence number whose hash does not match, when broken. */
  readonly brokenAt: number | null;
  /** What failed first (ADR 0185): `chain`, `key`, `anchor`, `anchorMissing` or `version`. */
  readonly problem: 'chain' | 'key' | 'anchor' | 'anchorMissing' | 'version' | null;
  /** The head kept outside the catalogue, as read: the audit and version chain tails. */
  readonly anchor: {
    readonly audit: { readonly seq: number; readonly hash: string };
    readonly versions: { readonly seq: number; readonly hash: string };
  } | null;
  readonly versions: {
    readonly entries: number;
    readonly head: string | null;
    /** The first record version that is missing, edited or not chained. */
    readonly brokenAt: { readonly datasetId: string; readonly version: number } | null;
  };
}

export interface ImportFailure {
  /** Base name of the file that could not be imported. */
  readonly file: string;
  readonly code: ErrorCode;
  /** Rendered by the host as `error.<code>`. */
  readonly params: ErrorParams;
}

/** What an import did to a set that the user must know about; `notice.<code>` in messages.ts. */
/** What import tells about a file it read: repairs of the format, and what it found of the CRS (ADR 0102). */
export type ImportNoticeCode = FormatNotice | NonNullable<ImportCrsDecision['notice']>['code'];

/**
 * A dataset's features as a GeoJSON FeatureCollection in the dataset's own CRS (x = easting or
 * longitude first), every attribute kept; `crs` names it the 2008 way, null when the data has none.
 */
export interface FeatureCollectionResult {
  readonly type: 'FeatureCollection';
  readonly name: string;
  readonly crs: { readonly type: 'name'; readonly properties: { readonly name: string } } | null;
  readonly features: readonly {
    readonly type: 'Feature';
    readonly id: number;
    readonly properties: VectorFeature['properties'];
    readonly geometry: VectorFeature['geometry'];
  }[];
}

/**
 * One page of a vector dataset's attribute table (ADR 0112): `total` features in the layer,
 * `matched` by the filter and search, the rows from `offset` in the asked order, each with its
 * feature id (0-based position, as `datasets.features` numbers them), its values in `fields`
 * order and its geometry in the dataset's CRS (`crs`, an EPSG code; null when it has none).
 */
export interface FeaturePageResult extends TablePage {
  readonly fields: readonly FieldInfo[];
  readonly crs: string | null;
}

export interface ImportNotice {
  readonly datasetId: DatasetId;
  /** Base name of the imported file. */
  readonly file: string;
  readonly code: ImportNoticeCode;
  /** Rendered by the host as `notice.<code>`. */
  readonly params: ErrorParams;
}

/**
 * A layer import did not add because the archive holds the same bytes as that layer already
 * (ADR 0169); `duplicateOf` is the dataset holding them. Rendered as `notice.import.duplicate`.
 */
export interface ImportDuplicate {
  /** Base name of the imported file. */
  readonly file: string;
  readonly layer: string | null;
  readonly code: 'import.duplicate';
  readonly params: ErrorParams;
  readonly duplicateOf: { readonly id: DatasetId; readonly title: string };
}

/**
 * A batch import keeps every good file, names each bad one, says what it did to the good ones,
 * and which layers it left out because the archive holds them already.
 */
export interface ImportResult {
  readonly datasets: readonly DatasetSummary[];
  readonly failures: readonly ImportFailure[];
  readonly notices: readonly ImportNotice[];
  readonly duplicates: readonly ImportDuplicate[];
}

export interface SystemInfo {
  readonly version: string;
  /** The caller: the local user without accounts, the logged-in user with them ('' before login). */
  readonly user: string;
  readonly roles: readonly Role[];
  readonly host: 'electron' | 'harness' | 'cli';
  readonly canPickFiles: boolean;
  readonly readOnly: boolean;
  /** Accounts are enabled (ADR 0170): the host needs a `session.login` before anything else runs. */
  readonly accountsEnabled: boolean;
  /**
   * The methods this caller's roles may call (ADR 0175), so the UI hides or disables the rest;
   * the main process still checks every call. Read-only is separate (`readOnly`).
   */
  readonly callable: readonly MethodName[];
}

/** A local account as an administrator sees it (ADR 0170); never a hash or a key. */
export interface AccountView {
  readonly name: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly disabled: boolean;
  /** ISO time until which logins are refused after repeated failures; null when not locked. */
  readonly lockedUntil: string | null;
  /** False when the row was changed outside Strata (its certificate or revision does not match). */
  readonly trusted: boolean;
  readonly revision: number;
  readonly createdAt: string;
  readonly createdBy: string;
  /** SHA-256 (hex) of the user's Ed25519 public key (DER SPKI), which will sign their approvals. */
  readonly keyFingerprint: string;
}

// Coordinate systems (issue 6).

/** One hit of `crs.search`. */
export interface CrsSearchHit {
  /** `EPSG:nnnn`. */
  readonly code: string;
  readonly name: string;
  /** Chinese name for the national families, WGS 84, UTM and Web Mercator; null otherwise. */
  readonly nameZh: string | null;
  readonly geographic: boolean;
}

/** Who gave a dataset its CRS (`dataset.assignCrs`), when, and what it had before. */
export interface CrsAssignmentInfo {
  readonly code: string;
  readonly previous: string | null;
  readonly by: string;
  readonly at: string;
}

/** What `crs.loadDatumShifts` tells: names and ends of the pairs, never their parameters. */
/**
 * How the map reprojects from one CRS to another (`crs.mapTransforms`): the datum crossing, as
 * `describeTransform` names it, and the plan of proj4 definitions the main process uses.
 */
export interface MapTransform {
  readonly from: string;
  readonly to: string;
  readonly shift: 'none' | 'registry' | 'loaded' | 'unknown';
  readonly plan: TransformPlan;
}

export interface DatumShiftsLoaded {
  readonly count: number;
  readonly pairs: readonly {
    readonly name: string;
    readonly from: string;
    readonly to: string;
    readonly hasArea: boolean;
  }[];
}

/**
 * A configured basemap as the map needs it (ADR 0106). A local tile set comes with its grid and
 * the logical path of its tiles (`basemaps/<id>`, served as `<prefix>/<z>/<x>/<y>`), or with the
 * error that keeps it from being read; a service needs nothing more than its configuration.
 */
export type BasemapView =
  | {
      readonly basemap: LocalBasemap;
      readonly tiles: { readonly path: string; readonly tileSet: TileSetInfo } | null;
      readonly problem: ApiErrorBody | null;
    }
  | { readonly basemap: ServiceBasemap; readonly tiles: null; readonly problem: null };

export type { Basemap, LocalBasemap, ServiceBasemap, ServiceGrid } from '../core/basemaps/config.js';
export type { TileLevel, TileSetInfo } from '../core/basemaps/tile-set.js';

/**
 * A review profile the workstation knows (ADR 0168): shipped with the application, or an agency
 * profile an administrator loaded from a local file (then who loaded it, when, from which file).
 * `sha256` is the content hash every report made under it records.
 */
export interface ProfileSummary {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly sha256: string;
  readonly origin: 'shipped' | 'agency';
  readonly file: string | null;
  readonly loadedBy: string | null;
  readonly loadedAt: string | null;
}

/** A profile with its rules in order, each with its version and its parameters as written. */
export interface ProfileDetail extends ProfileSummary {
  readonly rules: readonly { readonly id: string; readonly version: number; readonly params: unknown }[];
}
