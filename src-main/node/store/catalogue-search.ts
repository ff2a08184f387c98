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

/**
 * The page of a filtered search: by bm25 straight from the index (no entry looked up but with a
 * box), or by title or date over the hits' entries.
 */
async function pageOf(
  conn: SqliteConnection,
  query: SearchQuery,
  match: string,
  hasText: boolean,
): Promise<HitDbRow[]> {
  const byRank = query.sort === 'relevance' && hasText;
  const hits = hitsOf(query, match, !byRank);
  const key = byRank ? RANK : query.sort === 'title' ? 'e.title' : 'e.created_at';
  // Newest first by date, and without text (no score) by date too.
  const dir = !byRank && query.sort !== 'title' ? ' DESC' : '';
  const inner = `SELECT t.rowid AS pk, ${key} AS k ${hits.sql} ORDER BY k${dir}, t.rowid${dir} LIMIT ? OFFSET ?`;
  return conn.all<HitDbRow>(
    `SELECT ${HIT_COLUMNS} FROM (${inner}) p
       JOIN catalogue_entries e ON e.pk = p.pk JOIN datasets d ON d.pk = p.pk
       LEFT JOIN catalogue_extents x ON x.pk = p.pk
      ORDER BY p.k${dir}, p.pk${dir}`,
    [...hits.params, query.limit, query.offset],
  );
}

/** How many entries `match` finds (exactly: FTS5 counts its doclists; with a box, hits are checked). */
async function countOf(conn: SqliteConnection, query: SearchQuery, match: string): Promise<number> {
  const hits = hitsOf(query, match);
  return (await conn.get<{ n: number }>(`SELECT count(*) AS n ${hits.sql}`, hits.params))?.n ?? 0;
}

/**
 * `facets`' value counts over the hits of `match`: exact over up to FACET_SAMPLE hits, else the
 * first FACET_SAMPLE hits' counts scaled to `total`.
 */
async function facetCountsOf(
  conn: SqliteConnection,
  query: SearchQuery,
  match: string,
  total: number,
  facets: readonly SearchFacet[],
): Promise<{ counts: Map<SearchFacet, SearchFacetCount[]>; estimated: boolean }> {
  const hits = hitsOf(query, match);
  const rows = await conn.all<{ facet: SearchFacet; value: string; n: number }>(
    `WITH s AS MATERIALIZED (SELECT t.rowid AS pk ${hits.sql} LIMIT ${String(FACET_SAMPLE)}),
          m AS MATERIALIZED (SELECT e.* FROM s CROSS JOIN catalogue_entries e ON e.pk = s.pk)
     ${facets
       .map(
         (f) => `SELECT * FROM (SELECT '${f}' AS facet, CAST(m.${f} AS TEXT) AS value, count(*) AS n FROM m
          WHERE m.${f} IS NOT NULL GROUP BY m.${f} ORDER BY n DESC, value LIMIT ${String(SEARCH_FACET_VALUES)})`,
       )
       .join(' UNION ALL ')}`,
    hits.params,
  );
  const sampled = Math.min(total, FACET_SAMPLE);
  const estimated = total > sampled;
  const counts = new Map<SearchFacet, SearchFacetCount[]>(facets.map((f) => [f, []]));
  for (const r of rows) {
    counts
      .get(r.facet)
      ?.push({ value: r.value, count: estimated ? Math.round((r.n * total) / sampled) : r.n });
  }
  return { counts, estimated };
}

/**
 * One page of the catalogue (ADR 0182): the active records matching every term of the text, inside
 * the box, with the chosen facet values; the total; and each facet's value counts over the same
 * filter without that facet's own choice (so its other values stay offered). The index intersects
 * words, facet tags and cells; only the page, the box's candidates and the facet sample are looked up.
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
  const page = await pageOf(conn, query, match, hasText);
  const total = await countOf(conn, query, match);
  const chosen = SEARCH_FACETS.filter((f) => (query.facets[f]?.length ?? 0) > 0);
  const facets = noFacets();
  let estimated = false;
  const collect = async (m: string | null, n: number, of: readonly SearchFacet[]): Promise<void> => {
    if (of.length === 0 || n === 0) return;
    const found = await facetCountsOf(conn, query, m ?? '', n, of);
    estimated ||= found.estimated;
    for (const [f, c] of found.counts) facets[f].push(...c);
  };
  // Facets without a choice are counted over the whole filter; each chosen one without its own.
  await collect(
    match,
    total,
    SEARCH_FACETS.filter((f) => !chosen.includes(f)),
  );
  for (const f of chosen) {
    const m = matchOf(query, words, f);
    if (m === null) {
      const all = await allCounts(conn);
      facets[f].push(...all.facets[f]);
    } else {
      await collect(m, await countOf(conn, query, m), [f]);
    }
  }
  return { hits: page.map(hitFromDb), total, facets, facetsEstimated: estimated };
}
