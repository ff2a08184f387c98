import {
  SEARCH_FACETS,
  SEARCH_FACET_VALUES,
  type SearchFacet,
  type SearchFacetCount,
  type SearchHitRow,
  type SearchPageRow,
  type SearchQuery,
} from '../../core/catalogue/search.js';
import type { DatasetId, DatasetKind, SecrecyLevel } from '../../core/model/index.js';
import type { DatasetStatus } from '../../core/ports/index.js';
import { facetTag, queryCellTags } from './search-tags.js';
import { searchMatch } from './search-text.js';
import type { SqlValue, SqliteConnection } from './sqlite.js';

// Column weights of bm25 over (title, abstract, other, tags): a word in the title counts most; tags
// (facet values and cells) never add to the score.
const RANK = 'bm25(catalogue_text, 5.0, 1.0, 2.0, 0.0)';
/**
 * Facet counts are taken over at most this many hits of their filter; above it they are that
 * sample's counts scaled to the filter's total, and the page says they are estimates.
 */
export const FACET_SAMPLE = 2_000;

interface Clause {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

const quoted = (token: string): string => `"${token}"`;

/**
 * The FTS5 expression of the whole filter, or of it without `without`'s facet choice: the user's
 * words in the text columns only, each chosen facet's values (ORed) and the box's cells in `tags`
 * only. Null when nothing filters through the index (no text, no facet, no box).
 */
function matchOf(query: SearchQuery, words: string | null, without: SearchFacet | null): string | null {
  const parts: string[] = [];
  if (words !== null) parts.push(`{title abstract other} : (${words})`);
  for (const facet of SEARCH_FACETS) {
    const values = query.facets[facet];
    if (facet === without || !values || values.length === 0) continue;
    parts.push(`{tags} : (${values.map((v) => quoted(facetTag(facet, v))).join(' OR ')})`);
  }
  if (query.bbox) parts.push(`{tags} : (${queryCellTags(query.bbox).map(quoted).join(' OR ')})`);
  return parts.length === 0 ? null : parts.join(' AND ');
}

/**
 * The index's hits of `match` as rows `t.rowid` joined to their entry `e`: cells only narrow the
 * box down, so with a box each hit's own lon/lat box is compared exactly.
 */
function hitsOf(query: SearchQuery, match: string, withEntry = false): Clause {
  const where = ['catalogue_text MATCH ?'];
  const params: SqlValue[] = [match];
  // CROSS JOIN keeps the written order: the text index drives, the entries are looked up.
  const from = `catalogue_text t${query.bbox || withEntry ? ' CROSS JOIN catalogue_entries e ON e.pk = t.rowid' : ''}`;
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    where.push('e.max_lon >= ? AND e.min_lon <= ? AND e.max_lat >= ? AND e.min_lat <= ?');
    params.push(minLon, maxLon, minLat, maxLat);
  }
  return { sql: `FROM ${from} WHERE ${where.join(' AND ')}`, params };
}

interface HitDbRow {
  id: string;
  kind: string;
  title: string;
  level: string;
  status: string;
  year: number | null;
  unit: string | null;
  category: string | null;
  created_at: string;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

function hitFromDb(r: HitDbRow): SearchHitRow {
  return {
    id: r.id as DatasetId,
    title: r.title,
    kind: r.kind as DatasetKind,
    level: r.level as SecrecyLevel,
    status: r.status as DatasetStatus,
    year: r.year,
    unit: r.unit,
    category: r.category,
    extent:
      r.min_lon === null || r.min_lat === null || r.max_lon === null || r.max_lat === null
        ? null
        : [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
    createdAt: r.created_at,
  };
}

const noFacets = (): Record<SearchFacet, SearchFacetCount[]> =>
  Object.fromEntries(SEARCH_FACETS.map((f) => [f, []])) as unknown as Record<SearchFacet, SearchFacetCount[]>;

/** The total and facet counts of every active record, as the triggers of migration 0016 keep them. */
async function allCounts(conn: SqliteConnection): Promise<Omit<SearchPageRow, 'hits'>> {
  // Every entry has a level, so the level counts add up to the total.
  const total = await conn.get<{ n: number | null }>(
    "SELECT sum(n) AS n FROM catalogue_facet_counts WHERE facet = 'level'",
  );
  const facets = noFacets();
  for (const facet of SEARCH_FACETS) {
    const rows = await conn.all<SearchFacetCount>(
      `SELECT value, n AS count FROM catalogue_facet_counts WHERE facet = ? AND n > 0 ORDER BY n DESC, value LIMIT ${String(SEARCH_FACET_VALUES)}`,
      [facet],
    );
    facets[facet].push(...rows);
  }
  return { total: total?.n ?? 0, facets, facetsEstimated: false };
}

const HIT_COLUMNS = `d.id, d.kind, e.title, e.level, e.status, e.year, e.unit, e.category, e.created_at,
  x.min_lon, x.min_lat, x.max_lon, x.max_lat`;

/** The page of the unfiltered catalogue: every active entry, walked in the order of an index. */
async function firstPageOfAll(conn: SqliteConnection, query: SearchQuery): Promise<HitDbRow[]> {
  const order = query.sort === 'title' ? 'e.title, e.pk' : 'e.created_at DESC, e.pk DESC';
  return conn.all<HitDbRow>(
    `SELECT ${HIT_COLUMNS} FROM catalogue_entries e
       JOIN datasets d ON d.pk = e.pk LEFT JOIN catalogue_extents x ON x.pk = e.pk
      WHERE e.standing = 'active' ORDER BY ${order} LIMIT ? OFFSET ?`,
    [query.limit, query.offset],
  );
}

/** Display rows of the entries `pks`, in that order. */
async function hitRows(conn: SqliteConnection, pks: readonly number[]): Promise<HitDbRow[]> {
  if (pks.length === 0) return [];
  const rows = await conn.all<HitDbRow & { pk: number }>(
    `SELECT e.pk, ${HIT_COLUMNS} FROM catalogue_entries e
       JOIN datasets d ON d.pk = e.pk LEFT JOIN catalogue_extents x ON x.pk = e.pk
      WHERE e.pk IN (${pks.map(() => '?').join(', ')})`,
    pks,
  );
  const byPk = new Map(rows.map((r) => [r.pk, r]));
  return pks.flatMap((pk) => byPk.get(pk) ?? []);
}

interface FilteredDbRow {
  part: 'hit' | 'total' | 'facet';
  pk: number | null;
  facet: SearchFacet | null;
  value: string | null;
  n: number | null;
}

/**
 * The page, the total and the counts of the unchosen facets of a filtered search, from one
 * evaluation of the index: its hits (with their bm25 when sorted by it; with their entry when the
 * sort or the box needs it) are materialised once, the page is their first rows by the sort, the
 * facets are counted over the first FACET_SAMPLE of them.
 */
async function filtered(
  conn: SqliteConnection,
  query: SearchQuery,
  match: string,
  hasText: boolean,
  unchosen: readonly SearchFacet[],
): Promise<{ pks: number[]; total: number; counts: FilteredDbRow[] }> {
  const byRank = query.sort === 'relevance' && hasText;
  const hits = hitsOf(query, match, !byRank);
  const key = byRank ? RANK : query.sort === 'title' ? 'e.title' : 'e.created_at';
  // Newest first by date, and without text (no score) by date too.
  const dir = !byRank && query.sort !== 'title' ? ' DESC' : '';
  const facetParts = unchosen.map(
    (f) => `SELECT * FROM (SELECT 'facet', NULL, '${f}', CAST(${f} AS TEXT) AS value, count(*) AS n FROM f
      WHERE ${f} IS NOT NULL GROUP BY ${f} ORDER BY n DESC, value LIMIT ${String(SEARCH_FACET_VALUES)})`,
  );
  const rows = await conn.all<FilteredDbRow>(
    `WITH s AS MATERIALIZED (SELECT t.rowid AS pk, ${key} AS k ${hits.sql}),
          f AS MATERIALIZED (SELECT e.* FROM (SELECT pk FROM s LIMIT ${String(FACET_SAMPLE)}) x
                               CROSS JOIN catalogue_entries e ON e.pk = x.pk)
     SELECT * FROM (SELECT 'hit' AS part, pk, NULL AS facet, NULL AS value, NULL AS n FROM s
                     ORDER BY k${dir}, pk${dir} LIMIT ? OFFSET ?)
     UNION ALL SELECT 'total', NULL, NULL, NULL, count(*) FROM s
     ${facetParts.map((part) => `UNION ALL ${part}`).join('\n')}`,
    [...hits.params, query.limit, query.offset],
  );
  return {
    pks: rows.flatMap((r) => (r.part === 'hit' && r.pk !== null ? [r.pk] : [])),
    total: rows.find((r) => r.part === 'total')?.n ?? 0,
    counts: rows.filter((r) => r.part === 'facet'),
  };
}

/**
 * The value counts of a chosen facet over the filter without its own choice: over its first
 * FACET_SAMPLE hits (the index stops there), scaled when there were more. Their number is then
 * estimated from how far into the catalogue the sample reached (hits are spread over it as records
 * were added), since counting them all would evaluate the whole filter again.
 */
async function chosenFacetCounts(
  conn: SqliteConnection,
  query: SearchQuery,
  match: string,
  facet: SearchFacet,
): Promise<{ counts: SearchFacetCount[]; estimated: boolean }> {
  const hits = hitsOf(query, match, true);
  const rows = await conn.all<{ value: string | null; last: number; n: number }>(
    `SELECT CAST(s.${facet} AS TEXT) AS value, max(s.pk) AS last, count(*) AS n
       FROM (SELECT e.pk, e.${facet} ${hits.sql} LIMIT ${String(FACET_SAMPLE)}) s GROUP BY s.${facet}`,
    hits.params,
  );
  const sampled = rows.reduce((sum, r) => sum + r.n, 0);
  const estimated = sampled >= FACET_SAMPLE;
  let scale = 1;
  if (estimated) {
    const reached = Math.max(...rows.map((r) => r.last));
    const last =
      (await conn.get<{ pk: number | null }>('SELECT max(pk) AS pk FROM catalogue_entries'))?.pk ?? reached;
    scale = last / reached;
  }
  const counts = rows
    .flatMap((r) => (r.value === null ? [] : [{ value: r.value, count: Math.round(r.n * scale) }]))
    .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0))
    .slice(0, SEARCH_FACET_VALUES);
  return { counts, estimated };
}

/**
 * One page of the catalogue (ADR 0182): the active records matching every term of the text, inside
 * the box, with the chosen facet values; the total; and each facet's value counts over the same
 * filter without that facet's own choice (so its other values stay offered). The index intersects
 * words, facet tags and cells; only the box's candidates, the page and the facet samples are looked up.
 */
export async function searchCatalogue(conn: SqliteConnection, query: SearchQuery): Promise<SearchPageRow> {
  const hasText = query.text.trim() !== '';
  const words = hasText ? searchMatch(query.text) : null;
  // Text with nothing searchable in it (punctuation only) matches nothing, not everything.
  if (hasText && words === null) return { hits: [], total: 0, facets: noFacets(), facetsEstimated: false };
  const match = matchOf(query, words, null);
  if (match === null) {
    const page = await firstPageOfAll(conn, query);
    return { hits: page.map(hitFromDb), ...(await allCounts(conn)) };
  }
  const chosen = SEARCH_FACETS.filter((f) => (query.facets[f]?.length ?? 0) > 0);
  const found = await filtered(
    conn,
    query,
    match,
    hasText,
    SEARCH_FACETS.filter((f) => !chosen.includes(f)),
  );
  const facets = noFacets();
  const sampled = Math.min(found.total, FACET_SAMPLE);
  let estimated = found.total > sampled;
  for (const r of found.counts) {
    if (r.facet === null || r.value === null || r.n === null) continue;
    facets[r.facet].push({
      value: r.value,
      count: estimated ? Math.round((r.n * found.total) / sampled) : r.n,
    });
  }
  for (const f of chosen) {
    const without = matchOf(query, words, f);
    if (without === null) {
      facets[f].push(...(await allCounts(conn)).facets[f]);
      continue;
    }
    const own = await chosenFacetCounts(conn, query, without, f);
    estimated ||= own.estimated;
    facets[f].push(...own.counts);
  }
  return {
    hits: (await hitRows(conn, found.pks)).map(hitFromDb),
    total: found.total,
    facets,
    facetsEstimated: estimated,
  };
}
