import type { CallContext } from '../api/caller.js';
import { FLATGEOBUF_CONTENT_TYPE } from '../api/display-copy.js';
import { StrataError } from '../api/errors.js';
import type {
  CrsAssignmentInfo,
  CrsSearchHit,
  DatasetDetail,
  DatumShiftsLoaded,
  MapTransform,
} from '../api/types.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  crsFromCode,
  describeTransform,
  installDatumShifts,
  loadedShiftSummary,
  parseDatumShifts,
  searchCrs,
  transformPlan,
} from '../core/crs/index.js';
import type { DatasetId } from '../core/model/index.js';
import { getDataset } from './catalogue-service.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset } from './lookup.js';
import { withStagedSubject } from './subject.js';

/** A datum-shift file holds a few records; anything larger is not one. */
const MAX_SHIFT_FILE_BYTES = 1024 * 1024;

/** `crs.search`: registry CRSs by code or English/Chinese name (read-only, any role). */
export function searchCrsService(query: string, limit: number): Promise<CrsSearchHit[]> {
  return Promise.resolve(searchCrs(query, limit));
}

/**
 * `dataset.assignCrs` (ADR 0104): gives an original draft dataset the CRS its file lacks. The code
 * must be in the registry. A dataset that already has a CRS is refused unless `replace` is set (a
 * correction on purpose, e.g. a wrong .prj); either way the previous code is recorded. For vectors
 * the display copy is rewritten in the new CRS, so the map can place the layer. The assignment and
 * its audit entry are one transaction.
 */
export async function assignCrs(
  deps: ServiceDeps,
  ctx: CallContext,
  id: DatasetId,
  code: string,
  replace: boolean,
): Promise<DatasetDetail> {
  const row = await requireDataset(deps, id);
  const crs = crsFromCode(code);
  if (crs?.code == null) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.crsUnknownCode', code });
  if (row.sourceId !== null || row.status !== 'draft') {
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.crsNotDraft' });
  }
  const previous = row.info.crs?.code ?? (row.info.crs ? row.info.crs.name : null);
  if (row.info.crs !== null && !replace) {
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.crsAlreadySet', code: previous ?? '' });
  }
  let display: { key: string; contentType: string } | null = null;
  if (row.kind === 'vector') {
    const bytes = await withStagedSubject(deps, row, (subject) =>
      Promise.resolve(
        subject.kind === 'vector'
          ? deps.vector.toDisplayCopy({
              name: row.layer ?? 'display',
              crs,
              fields: subject.info.fields,
              features: subject.features,
            })
          : null,
      ),
    );
    if (bytes !== null) {
      const put = await deps.objects.putBytes(bytes);
      display = { key: put.sha256, contentType: FLATGEOBUF_CONTENT_TYPE };
    }
  }
  const assignment: CrsAssignmentInfo = {
    code: crs.code,
    previous,
    by: ctx.user,
    at: deps.clock.now().toISOString(),
  };
  await deps.store.write(async (tx) => {
    await tx.assignCrs(id, crs, assignment, display);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'dataset.assignCrs',
      subject: id,
      details: { code: crs.code, previous, replace },
    });
  });
  return getDataset(deps, id);
}

/**
 * `crs.loadDatumShifts` (ADR 0105): reads the user's datum-shift file and makes its shifts the
 * ones this process uses, replacing any loaded before. Answers with names and ends only; the
 * parameters stay in memory, out of logs, audit and exports.
 */
export async function loadDatumShifts(file: string): Promise<DatumShiftsLoaded> {
  const name = path.basename(file);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new StrataError('FILE_NOT_FOUND', { file: name });
  if (info.size > MAX_SHIFT_FILE_BYTES) {
    throw new StrataError('TOO_LARGE', {
      file: name,
      problem: 'problem.datumShiftSize',
      bytes: MAX_SHIFT_FILE_BYTES,
    });
  }
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new StrataError('FILE_NOT_FOUND', { file: name });
  const shifts = parseDatumShifts(text);
  // The problem names an entry, never a value: error params reach screens and the host's log.
  if (!Array.isArray(shifts)) throw new StrataError('CORRUPT_FILE', { file: name, ...shifts });
  installDatumShifts(shifts);
  const pairs = loadedShiftSummary();
  return { count: pairs.length, pairs };
}

/**
 * `crs.mapTransforms` (ADR 0105): for each pair the map reprojects between, the datum crossing and
 * the proj4 plan the main process's own transforms use, so the map draws national datums with the
 * loaded shifts (or, without one, unshifted, as measurement and review do).
 */
export function mapTransforms(
  pairs: readonly { from: { code: string; proj4: string }; to: { code: string; proj4: string } }[],
): MapTransform[] {
  return pairs.map(({ from, to }) => {
    const use = describeTransform(from, to);
    return { from: from.code, to: to.code, shift: use.kind, plan: transformPlan(from, to, use) };
  });
}
