import { StrataError } from '../api/errors.js';
import type { FeaturePageResult } from '../api/types.js';
import type { DatasetId } from '../core/model/index.js';
import { FeatureTable } from '../core/table/feature-table.js';
import type { TableQuery } from '../core/table/query.js';
import type { TableCache } from '../core/table/table-cache.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset } from './lookup.js';
import { withStagedSubject } from './subject.js';

export interface FeaturePageRequest extends TableQuery {
  readonly id: DatasetId;
  readonly offset: number;
  readonly limit: number;
  readonly locate?: number | undefined;
}

/**
 * A page of a vector dataset's attribute table. The layer is read again from its stored files
 * (as `datasets.features` does) the first time, then served from `tables` (ADR 0112); the key
 * names the CRS too, since a user may assign one after the layer was opened.
 */
export async function featurePage(
  deps: ServiceDeps,
  tables: TableCache,
  request: FeaturePageRequest,
): Promise<FeaturePageResult> {
  const row = await requireDataset(deps, request.id);
  if (row.kind !== 'vector') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.notVector' });
  const key = `${row.id}:${row.crsAssignment?.code ?? ''}`;
  const table = await tables.get(key, () =>
    withStagedSubject(deps, row, (subject) => {
      if (subject.kind !== 'vector')
        throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.notVector' });
      return Promise.resolve(
        new FeatureTable(subject.features, subject.info.fields, subject.info.crs?.code ?? null),
      );
    }),
  );
  const page = table.page(request, request.offset, request.limit, request.locate);
  if ('detail' in page) throw new StrataError('INVALID_ARGUMENT', { ...page });
  return { ...page, fields: table.fields, crs: table.crs };
}
