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
import { searchMatch } from './search-text.js';
import type { SqlValue, SqliteConnection } from './sqlite.js';

// Column weights of bm25 over (title, abstract, other): a word in the title counts most.
const RANK = 'bm25(catalogue_text, 5.0, 1.0, 2.0)';

interface Clause {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** `e.<facet> IN (…)` for the values chosen of each facet; years compare as numbers. */
function facetClauses(query: SearchQuery): Map<SearchFacet, Clause> {
  const out = new Map<SearchFacet, Clause>();
  for (const facet of SEARCH_FACETS) {
    const values = query.facets[facet];
    if (!values || values.length === 0) continue;
    const params = facet === 'year' ? values.map(Number) : [...values];
    out.set(facet, { sql: `m.${facet} IN (${params.map(() => '?').join(', ')})`, params });
  }
  return out;
}

/**
 * The active entries matching the text and the box (facets aside), as the CTE `m`: materialised
 * where several counts read it, inlined for the page (so ORDER BY … LIMIT can walk an index).
 */
function matched(query: SearchQuery, match: string | null, materialized: boolean): Clause {
  const params: SqlValue[] = [];
  const from: string[] = [];
  const where: string[] = ["e.standing = 'active'"];
  let score = 'NULL';
  // CROSS JOIN keeps the written order: the text index drives, then the box, then the entries (left
  // to itself SQLite's planner would walk the entries and probe the FTS index once per row).
  if (match !== null) {
    from.push('catalogue_text t');
    where.push('catalogue_text MATCH ?');
    params.push(match);
    // bm25 costs a little per hit: computed only when the page is sorted by it.
    if (query.sort === 'relevance') score = RANK;
  }
  // With text the entry's own copy of the box filters; without, the R*Tree finds the boxes.
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    const b = match === null ? 'x' : 'e';
    if (match === null) from.push('catalogue_extents x');
    where.push(`${b}.max_lon >= ? AND ${b}.min_lon <= ? AND ${b}.max_lat >= ? AND ${b}.min_lat <= ?`);
    params.push(minLon, maxLon, minLat, maxLat);
  }
  const driver = match !== null ? 't.rowid' : query.bbox ? 'x.pk' : null;
  from.push(driver === null ? 'catalogue_entries e' : `CROSS JOIN catalogue_entries e ON e.pk = ${driver}`);
  return {
    sql: `m AS ${materialized ? '' : 'NOT '}MATERIALIZED (SELECT e.pk, e.level, e.status, e.year, e.unit, e.category, e.title, e.created_at,
            ${score} AS score FROM ${from.join(' ')} WHERE ${where.join(' AND ')})`,
    params,
  };
}

const andAll = (clauses: readonly Clause[]): Clause => ({
  sql: clauses.length === 0 ? '1' : clauses.map((c) => c.sql).join(' AND '),
  params: clauses.flatMap((c) => c.params),
});

function orderOf(query: SearchQuery, hasText: boolean): string {
  if (query.sort === 'title') return 'm.title, m.pk';
  if (query.sort === 'relevance' && hasText) return 'm.score, m.pk';
  return 'm.created_at DESC, m.pk DESC';
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
  return { total: total?.n ?? 0, facets };
}

/**
 * One page of the catalogue (ADR 0182): the active records matching every term of the text, inside
 * the box, with the chosen facet values; the total; and each facet's value counts over the same
 * filter without that facet's own choice (so its other values stay offered).
 */
export async function searchCatalogue(conn: SqliteConnection, query: SearchQuery): Promise<SearchPageRow> {
  const hasText = query.text.trim() !== '';
  const match = hasText ? searchMatch(query.text) : null;
  // Text with nothing searchable in it (punctuation only) matches nothing, not everything.
  if (hasText && match === null) return { hits: [], total: 0, facets: noFacets() };
  const base = matched(query, match, true);
  const inline = matched(query, match, false);
  const chosen = facetClauses(query);
  const all = andAll([...chosen.values()]);

  const page = await conn.all<HitDbRow>(
    `WITH ${inline.sql}
     SELECT d.id, d.kind, m.title, m.level, m.status, m.year, m.unit, m.category, m.created_at,
            x.min_lon, x.min_lat, x.max_lon, x.max_lat
       FROM (SELECT * FROM m WHERE ${all.sql} ORDER BY ${orderOf(query, hasText)} LIMIT ? OFFSET ?) m
       JOIN datasets d ON d.pk = m.pk
       LEFT JOIN catalogue_extents x ON x.pk = m.pk
      ORDER BY ${orderOf(query, hasText)}`,
    [...inline.params, ...all.params, query.limit, query.offset],
  );

  if (match === null && !query.bbox && chosen.size === 0)
    return { hits: page.map(hitFromDb), ...(await allCounts(conn)) };

  const parts: Clause[] = [
    {
      sql: `SELECT 'total' AS facet, NULL AS value, count(*) AS n FROM m WHERE ${all.sql}`,
      params: all.params,
    },
  ];
  for (const facet of SEARCH_FACETS) {
    const others = andAll([...chosen].filter(([f]) => f !== facet).map(([, c]) => c));
    parts.push({
      sql: `SELECT * FROM (SELECT '${facet}' AS facet, CAST(m.${facet} AS TEXT) AS value, count(*) AS n FROM m
             WHERE m.${facet} IS NOT NULL AND ${others.sql} GROUP BY m.${facet} ORDER BY n DESC, value LIMIT ${String(SEARCH_FACET_VALUES)})`,
      params: others.params,
    });
  }
  const counts = await conn.all<{ facet: string; value: string | null; n: number }>(
    `WITH ${base.sql} ${parts.map((p) => p.sql).join(' UNION ALL ')}`,
    [...base.params, ...parts.flatMap((p) => p.params)],
  );
  const facets = noFacets();
  let total = 0;
  for (const row of counts) {
    if (row.facet === 'total') total = row.n;
    else if (row.value !== null) facets[row.facet as SearchFacet].push({ value: row.value, count: row.n });
  }
  return { hits: page.map(hitFromDb), total, facets };
}
