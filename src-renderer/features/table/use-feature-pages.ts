import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MethodArgs } from '../../../src-main/api/contract.js';
import type { FeaturePageResult } from '../../../src-main/api/types.js';
import { usePlatform } from '../../platform/platform-context.js';

export type FeatureRow = FeaturePageResult['rows'][number];
export type TableQueryArgs = Pick<MethodArgs<'datasets.featurePage'>, 'sort' | 'filter' | 'search'>;

/** Rows a page request asks for; pages kept at most (the rest are read again when scrolled back to). */
export const PAGE_SIZE = 200;
const PAGES_KEPT = 50;

export interface FeaturePages {
  /** Fields, counts and CRS from the first page; null until it has arrived. */
  readonly head: Omit<FeaturePageResult, 'rows' | 'offset' | 'located'> | null;
  readonly error: unknown;
  /** The row at a position among the matching rows, if its page has arrived. */
  readonly rowAt: (index: number) => FeatureRow | undefined;
  /** Asks for the pages covering positions first..last. */
  readonly want: (first: number, last: number) => void;
  /** A feature's row among the pages that have arrived. */
  readonly find: (fid: number) => FeatureRow | undefined;
  /** Where a feature is among the matching rows (null: filtered out), read from the host. */
  readonly locate: (fid: number) => Promise<number | null>;
}

/**
 * The open table's rows, read a page at a time from the host (`datasets.featurePage`) as they
 * scroll into view; a new query starts again from its first page.
 */
export function useFeaturePages(datasetId: string, query: TableQueryArgs): FeaturePages {
  const { api } = usePlatform();
  const key = JSON.stringify([datasetId, query]);
  const pages = useRef(new Map<number, readonly FeatureRow[]>());
  const pending = useRef(new Set<number>());
  const [head, setHead] = useState<FeaturePages['head']>(null);
  const [failed, setFailed] = useState<{ readonly key: string; readonly error: unknown } | null>(null);
  const [version, setVersion] = useState(0);
  const current = useRef(key);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const asked = key;
      api['datasets.featurePage']({
        id: datasetId,
        ...query,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      }).then(
        (result) => {
          if (current.current !== asked) return;
          pending.current.delete(page);
          pages.current.set(page, result.rows);
          if (pages.current.size > PAGES_KEPT) {
            const oldest = pages.current.keys().next().value;
            if (oldest !== undefined) pages.current.delete(oldest);
          }
          setHead({ total: result.total, matched: result.matched, fields: result.fields, crs: result.crs });
          setVersion((n) => n + 1);
        },
        (failure: unknown) => {
          if (current.current !== asked) return;
          pending.current.delete(page);
          setFailed({ key: asked, error: failure });
        },
      );
    },
    // `key` stands for datasetId and query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  useEffect(() => {
    current.current = key;
    pages.current = new Map();
    pending.current = new Set();
    fetchPage(0);
  }, [key, fetchPage]);

  const want = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1)
        fetchPage(page);
    },
    [fetchPage],
  );
  const locate = useCallback(
    async (fid: number) =>
      (await api['datasets.featurePage']({ id: datasetId, ...query, offset: 0, limit: 1, locate: fid }))
        .located ?? null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  const error = failed?.key === key ? failed.error : null;
  return useMemo(
    () => ({
      head,
      error,
      rowAt: (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      want,
      find: (fid: number) => {
        for (const rows of pages.current.values()) {
          const found = rows.find((r) => r.fid === fid);
          if (found) return found;
        }
        return undefined;
      },
      locate,
    }),
    // A new `version` (a page arrived) gives new rowAt/find, so effects on them run again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [head, error, version, want, locate],
  );
}
