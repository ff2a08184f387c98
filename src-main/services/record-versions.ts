import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import { recordFieldError, type RecordChange, type RecordDiff } from '../api/record-history.js';
import type { DatasetId } from '../core/model/index.js';
import type { RecordFieldsRow, RecordVersionRow } from '../core/ports/index.js';
import { diffRecords, normaliseRecord } from '../core/record/record-diff.js';
import { blockingMessage } from '../core/record/registry.js';
import { toRecordVersion } from './dataset-view.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset, requireRecords } from './lookup.js';

/**
 * Stores `fields` as the next version on top of `baseVersion`, with its audit entry, in one write.
 * The field registry judges the record first (a blocking message refuses it, naming the field;
 * nothing is saved). A record equal to the latest on the latest base makes no version and no
 * audit entry; on an older base the store still refuses it as a conflict.
 */
export async function commitRecord(
  deps: ServiceDeps,
  ctx: CallContext,
  id: DatasetId,
  baseVersion: number,
  latest: RecordVersionRow,
  given: Parameters<typeof normaliseRecord>[0],
  audit: (saved: RecordVersionRow, fields: RecordFieldsRow) => { action: string; details: object },
): Promise<RecordChange> {
  const fields = normaliseRecord(given);
  const blocking = blockingMessage(fields);
  if (blocking) throw recordFieldError(blocking);
  if (latest.version === baseVersion && diffRecords(latest.fields, fields).length === 0)
    return { id, record: toRecordVersion(latest), changed: false };
  const saved = await deps.store.write(async (tx) => {
    const version = await tx.appendRecordVersion(id, baseVersion, fields, ctx.user);
    const { action, details } = audit(version, fields);
    await tx.appendAudit({ actor: ctx.user, action, subject: id, details: { ...details } });
    return version;
  });
  return { id, record: toRecordVersion(saved), changed: true };
}

/** One version of a record, or INVALID_ARGUMENT naming the versions it has. */
function versionOf(versions: readonly RecordVersionRow[], version: number): RecordVersionRow {
  const found = versions.find((v) => v.version === version);
  if (found) return found;
  throw new StrataError('INVALID_ARGUMENT', {
    detail: 'detail.recordNoVersion',
    version,
    latest: versions.at(-1)?.version ?? 0,
  });
}

/** Two versions of a record, field by field (`from` before, `to` after). */
export async function diffVersions(
  deps: ServiceDeps,
  id: DatasetId,
  from: number,
  to: number,
): Promise<RecordDiff> {
  await requireDataset(deps, id);
  const { versions } = await requireRecords(deps, id);
  const a = versionOf(versions, from);
  const b = versionOf(versions, to);
  return {
    id,
    from: toRecordVersion(a),
    to: toRecordVersion(b),
    changes: diffRecords(a.fields, b.fields),
  };
}

/**
 * A new version with the fields of `version` (nothing is ever deleted: the versions between stay
 * in the history), audited with the version it restored. None when the latest equals it already.
 */
export async function restoreVersion(
  deps: ServiceDeps,
  ctx: CallContext,
  id: DatasetId,
  version: number,
  baseVersion: number | undefined,
): Promise<RecordChange> {
  await requireDataset(deps, id);
  const { versions, latest } = await requireRecords(deps, id);
  const restored = versionOf(versions, version);
  return commitRecord(deps, ctx, id, baseVersion ?? latest.version, latest, restored.fields, (saved) => ({
    action: 'catalogue.restoreVersion',
    details: { version: saved.version, restoredFrom: version },
  }));
}
