import type { StandingChange } from '../../core/catalogue/standing.js';
import type { OpenOptions } from '../../core/formats/format-module.js';
import type {
  DatasetFormat,
  DatasetId,
  DatasetInfo,
  DatasetKind,
  Finding,
  FindingDecisionKind,
  ReviewVerdictKind,
  ReviewId,
  SecrecyLevel,
} from '../../core/model/index.js';
import type {
  AuditRow,
  CrsAssignment,
  DatasetRow,
  DatasetStatus,
  FindingDecisionRow,
  ReviewVerdictRow,
  LineageRow,
  RecordVersionRow,
  ReviewRow,
  ReviewRuleRun,
  StoredFile,
} from '../../core/ports/index.js';

// Column shapes as SQLite returns them, and their mapping to the port's row types. The JSON
// columns were written by this module from typed rows, so they are parsed back without
// re-validation; CHECK constraints guarantee they are well-formed JSON of the right shape.

export interface DatasetDbRow {
  pk: number;
  id: string;
  name: string;
  kind: string;
  format: string;
  info: string;
  sha256: string;
  byte_size: number;
  files: string;
  display_key: string;
  display_content_type: string;
  value_min: number | null;
  value_max: number | null;
  source_id: string | null;
  status: string;
  created_at: string;
  created_by: string;
  layer: string | null;
  crs_assignment: string | null;
  open_options: string | null;
  standing: string | null;
}

/** The latest standing change of `datasets` row (ADR 0171), as JSON; null when there is none. */
export const LATEST_STANDING = `(SELECT json_object('standing', s.standing, 'reason', s.reason, 'by', s.changed_by, 'at', s.changed_at)
    FROM dataset_standing s WHERE s.dataset_id = datasets.id ORDER BY s.pk DESC LIMIT 1)`;

/** The columns of a dataset row, for `SELECT … FROM datasets` (the table not aliased). */
export const DATASET_COLUMNS = `pk, id, name, kind, format, info, sha256, byte_size, files, display_key, display_content_type,
  value_min, value_max, source_id, status, created_at, created_by, layer, crs_assignment, open_options,
  ${LATEST_STANDING} AS standing`;

export function datasetFromDb(r: DatasetDbRow): DatasetRow {
  return {
    id: r.id as DatasetId,
    name: r.name,
    kind: r.kind as DatasetKind,
    format: r.format as DatasetFormat,
    layer: r.layer,
    info: JSON.parse(r.info) as DatasetInfo,
    sha256: r.sha256,
    byteSize: r.byte_size,
    files: JSON.parse(r.files) as StoredFile[],
    displayKey: r.display_key,
    displayContentType: r.display_content_type,
    valueRange: r.value_min === null || r.value_max === null ? null : [r.value_min, r.value_max],
    sourceId: r.source_id as DatasetId | null,
    status: r.status as DatasetStatus,
    createdAt: r.created_at,
    createdBy: r.created_by,
    // Absent, not null, for a CRS the file stated: rows read back equal the rows written.
    ...(r.crs_assignment === null ? {} : { crsAssignment: JSON.parse(r.crs_assignment) as CrsAssignment }),
    ...(r.open_options === null ? {} : { openOptions: JSON.parse(r.open_options) as OpenOptions }),
    ...(r.standing === null ? {} : { standing: JSON.parse(r.standing) as StandingChange }),
  };
}

export interface RecordVersionDbRow {
  dataset_id: string;
  version: number;
  title: string;
  abstract: string;
  level: string;
  period: string;
  attribution: string;
  archive_number: string | null;
  keywords: string | null;
  unit: string | null;
  category: string | null;
  year: number | null;
  author: string;
  created_at: string;
}

/** The columns of a record version row, for `SELECT … FROM record_versions`. */
export const RECORD_VERSION_COLUMNS = `dataset_id, version, title, abstract, level, period, attribution,
  archive_number, keywords, unit, category, year, author, created_at`;

export function recordVersionFromDb(r: RecordVersionDbRow): RecordVersionRow {
  return {
    datasetId: r.dataset_id as DatasetId,
    version: r.version,
    fields: {
      title: r.title,
      abstract: r.abstract,
      level: r.level as SecrecyLevel,
      period: r.period,
      attribution: r.attribution,
      // Absent, not null, while not given: rows read back equal the rows written.
      ...(r.archive_number === null ? {} : { archiveNumber: r.archive_number }),
      ...(r.keywords === null ? {} : { keywords: JSON.parse(r.keywords) as string[] }),
      ...(r.unit === null ? {} : { unit: r.unit }),
      ...(r.category === null ? {} : { category: r.category }),
      ...(r.year === null ? {} : { year: r.year }),
    },
    author: r.author,
    createdAt: r.created_at,
  };
}

export interface ReviewDbRow {
  id: string;
  dataset_id: string;
  profile_id: string;
  profile_version: number;
  profile_name: string;
  profile_sha256: string | null;
  rules: string | null;
  findings: string;
  content_sha256: string;
  reviewer: string;
  created_at: string;
}

export function reviewFromDb(r: ReviewDbRow): ReviewRow {
  return {
    id: r.id as ReviewId,
    datasetId: r.dataset_id as DatasetId,
    profileId: r.profile_id,
    profileVersion: r.profile_version,
    profileName: r.profile_name,
    profileSha256: r.profile_sha256,
    rules: r.rules === null ? null : (JSON.parse(r.rules) as ReviewRuleRun[]),
    findings: JSON.parse(r.findings) as Finding[],
    contentSha256: r.content_sha256,
    reviewer: r.reviewer,
    createdAt: r.created_at,
  };
}

export interface LineageDbRow {
  dataset_id: string;
  source_id: string;
  source_sha256: string;
  steps: string;
  author: string;
  created_at: string;
}

export function lineageFromDb(r: LineageDbRow): LineageRow {
  return {
    datasetId: r.dataset_id as DatasetId,
    sourceId: r.source_id as DatasetId,
    sourceSha256: r.source_sha256,
    steps: JSON.parse(r.steps) as LineageRow['steps'],
    author: r.author,
    createdAt: r.created_at,
  };
}

export interface AuditDbRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function auditFromDb(r: AuditDbRow): AuditRow {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: JSON.parse(r.details) as AuditRow['details'],
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface DecisionDbRow {
  review_id: string;
  finding: number;
  decision: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

export function decisionFromDb(r: DecisionDbRow): FindingDecisionRow {
  return {
    reviewId: r.review_id as ReviewId,
    finding: r.finding,
    decision: r.decision as FindingDecisionKind,
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export interface VerdictDbRow {
  review_id: string;
  verdict: string;
  comment: string;
  content_sha256: string;
  decided_by: string;
  decided_at: string;
  statement: string | null;
  signature: string | null;
}

export function verdictFromDb(r: VerdictDbRow): ReviewVerdictRow {
  return {
    reviewId: r.review_id as ReviewId,
    verdict: r.verdict as ReviewVerdictKind,
    comment: r.comment,
    contentSha256: r.content_sha256,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    statement: r.statement,
    signature: r.signature,
  };
}
