import type { SearchFacet } from '../../core/catalogue/search.js';
import type { Extent } from '../../core/model/index.js';

// Facet values and coarse lon/lat cells as tokens of the FTS index's `tags` column (ADR 0182), so
// FTS5 intersects them with the words before any row is looked up. A tag is one unicode61 token
// (ASCII letters and digits only) and is only ever matched inside `{tags}`, while user text is
// matched only in the other columns: neither can reach the other.

const FACET_CODE: Readonly<Record<SearchFacet, string>> = {
  category: 'c',
  level: 'l',
  status: 's',
  year: 'y',
  unit: 'u',
};

/** `f` + the facet's letter + the value's UTF-8 bytes in hex: `fl e58685e983a8` for level 内部. */
export function facetTag(facet: SearchFacet, value: string): string {
  return `f${FACET_CODE[facet]}${Buffer.from(value, 'utf8').toString('hex')}`;
}

/** Grid levels: cell sizes in degrees. A query uses the finest level at which its box spans few cells. */
const CELL_DEGREES = [1, 4, 16] as const;
/** A record spanning more cells than this at a level is tagged `g<level>big` there instead. */
const RECORD_CELLS_MAX = 16;
/** A query box spanning more cells than this at a level moves to the next, coarser level. */
const QUERY_CELLS_MAX = 30;

interface CellRange {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The cells a box touches at `size` degrees (edges shared by two cells fall in the upper one, on both sides). */
function cellRange(box: Extent, size: number): CellRange {
  const x = (lon: number): number => Math.floor((clamp(lon, -180, 180) + 180) / size);
  const y = (lat: number): number => Math.floor((clamp(lat, -90, 90) + 90) / size);
  return { x0: x(box[0]), x1: x(box[2]), y0: y(box[1]), y1: y(box[3]) };
}

const cellCount = (c: CellRange): number => (c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1);

function cellTags(level: number, c: CellRange): string[] {
  const out: string[] = [];
  for (let x = c.x0; x <= c.x1; x += 1)
    for (let y = c.y0; y <= c.y1; y += 1) out.push(`g${String(level)}x${String(x)}y${String(y)}`);
  return out;
}

const bigTag = (level: number): string => `g${String(level)}big`;

/** The cell tags of a record's lon/lat box, at every level. */
function recordCellTags(box: Extent): string[] {
  return CELL_DEGREES.flatMap((size, level) => {
    const c = cellRange(box, size);
    return cellCount(c) > RECORD_CELLS_MAX ? [bigTag(level)] : cellTags(level, c);
  });
}

export type FacetValues = Readonly<Record<SearchFacet, string | number | null>>;

/** The `tags` column of one entry: a tag per facet value it has, and its cells when it has a box. */
export function entryTags(facets: FacetValues, box: Extent | null): string {
  const tags: string[] = [];
  for (const [facet, value] of Object.entries(facets) as [SearchFacet, string | number | null][]) {
    if (value !== null && value !== '') tags.push(facetTag(facet, String(value)));
  }
  if (box) tags.push(...recordCellTags(box));
  return tags.join(' ');
}

/**
 * The cell tags a query box must match one of (an FTS5 OR list): the cells it touches at the finest
 * level where they are few, plus that level's `big` tag. Every record touching the box has one of
 * them; some that have one do not touch it (edge cells), so the caller checks the box exactly.
 */
export function queryCellTags(box: Extent): string[] {
  for (const [level, size] of CELL_DEGREES.entries()) {
    const c = cellRange(box, size);
    if (cellCount(c) <= QUERY_CELLS_MAX || level === CELL_DEGREES.length - 1)
      return [...cellTags(level, c), bigTag(level)];
  }
  return [];
}
