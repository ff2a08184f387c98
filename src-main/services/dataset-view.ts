import { formatMarking } from '../core/model/secrecy.js';
import type {
  DatasetRow,
  FindingDecisionRow,
  RecordVersionRow,
  ReviewRow,
  ReviewVerdictRow,
  LineageRow,
} from '../core/ports/index.js';
import type { DatasetSummary, RecordVersion, ReviewReport, Lineage, DisplaySource } from '../api/types.js';

/** Logical path the hosts serve for a dataset's display copy (see Workstation.resolveFile). */
export const displayPath = (row: DatasetRow): string => `datasets/${row.id}/display`;

export function toRecordVersion(row: RecordVersionRow): RecordVersion {
  return {
    version: row.version,
    fields: row.fields,
    author: row.author,
    createdAt: row.createdAt,
    marking: formatMarking(row.fields.level, row.fields.period),
  };
}

export function toSummary(row: DatasetRow, record: RecordVersionRow): DatasetSummary {
  const info = row.info;
  const crs = info.crs;
  const base = {
    id: row.id,
    name: row.name,
    kind: row.kind,
    format: row.format,
    layer: row.layer,
    crs: crs?.code ?? null,
    crsName: crs?.name ?? null,
    extent: info.extent,
    sha256: row.sha256,
    byteSize: row.byteSize,
    sourceId: row.sourceId,
    status: row.status,
    standing: row.standing?.standing ?? 'active',
    title: record.fields.title,
    level: record.fields.level,
    createdAt: row.createdAt,
  };
  if (info.kind === 'raster') {
    return {
      ...base,
      width: info.width,
      height: info.height,
      bandCount: info.bandCount,
      dataType: info.dataType,
      pixelSize: info.pixelSize,
    };
  }
  return { ...base, featureCount: info.featureCount, geometryType: info.geometryType };
}

/** A review as the hosts see it, with the decisions that hold on its findings (none for a new one). */
/** `verdict` is the one that holds: callers pass null for a verdict on other bytes (voided). */
export function toReviewReport(
  row: ReviewRow,
  decisions: readonly FindingDecisionRow[] = [],
  verdict: ReviewVerdictRow | null = null,
): ReviewReport {
  const blocking = row.findings.filter((f) => f.severity === 'blocking').length;
  return {
    id: row.id,
    datasetId: row.datasetId,
    profile: {
      id: row.profileId,
      version: row.profileVersion,
      name: row.profileName,
      sha256: row.profileSha256,
      rules: row.rules,
    },
    findings: row.findings,
    decisions: decisions.map((d) => ({
      finding: d.finding,
      decision: d.decision,
      reason: d.reason,
      by: d.decidedBy,
      at: d.decidedAt,
    })),
    verdict: verdict && {
      verdict: verdict.verdict,
      comment: verdict.comment,
      by: verdict.decidedBy,
      at: verdict.decidedAt,
      contentSha256: verdict.contentSha256,
    },
    blocking,
    passed: blocking === 0,
    contentSha256: row.contentSha256,
    reviewer: row.reviewer,
    createdAt: row.createdAt,
  };
}

export function toLineage(row: LineageRow): Lineage {
  return {
    sourceId: row.sourceId,
    sourceSha256: row.sourceSha256,
    steps: row.steps,
    createdAt: row.createdAt,
    author: row.author,
  };
}

export function toDisplay(row: DatasetRow): DisplaySource {
  return {
    kind: row.kind,
    path: displayPath(row),
    contentType: row.displayContentType,
    valueRange: row.valueRange,
    nodata: row.info.kind === 'raster' ? row.info.nodata : null,
    sourceGrid:
      row.info.kind === 'raster' && row.info.geoTransform
        ? { transform: row.info.geoTransform, width: row.info.width, height: row.info.height }
        : null,
  };
}
