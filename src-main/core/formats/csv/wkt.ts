import type { Geometry, Position } from '../../model/index.js';

type Nested = number | Nested[];

/** Parses `( … )` groups of numbers into nested arrays; null on any syntax error. */
function parseGroups(text: string): Nested[] | null {
  const tokens = text.match(/\(|\)|,|[^\s(),]+/g) ?? [];
  const stack: Nested[][] = [[]];
  let numbers: number[] = [];
  const flushPosition = (): boolean => {
    if (numbers.length === 0) return true;
    if (numbers.length < 2) return false;
    stack.at(-1)?.push(numbers);
    numbers = [];
    return true;
  };
  for (const t of tokens) {
    if (t === '(') stack.push([]);
    else if (t === ')') {
      if (!flushPosition() || stack.length < 2) return null;
      const done = stack.pop() ?? [];
      stack.at(-1)?.push(done);
    } else if (t === ',') {
      if (!flushPosition()) return null;
    } else {
      const n = Number(t);
      if (!Number.isFinite(n)) return null;
      numbers.push(n);
    }
  }
  if (stack.length !== 1 || numbers.length > 0) return null;
  return stack[0] ?? null;
}

const isPosition = (v: Nested): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');
const asPositions = (v: Nested): Position[] | null => (Array.isArray(v) && v.every(isPosition) ? v : null);
const asRings = (v: Nested): Position[][] | null => {
  if (!Array.isArray(v)) return null;
  const out: Position[][] = [];
  for (const r of v) {
    const p = asPositions(r);
    if (p === null) return null;
    out.push(p);
  }
  return out;
};

/**
 * Simple-feature WKT of one geometry (POINT, LINESTRING, POLYGON and their MULTI forms, with an
 * optional Z/M/ZM tag), as GDAL's CSV driver reads a WKT column; null for EMPTY, collections or
 * anything it cannot read (the row then has no geometry).
 */
export function parseWkt(wkt: string): Geometry | null {
  const m =
    /^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:ZM|Z|M)?\s*(\(.*\))\s*$/is.exec(
      wkt,
    );
  if (m === null) return null;
  const body = parseGroups(m[2] ?? '');
  const outer = body?.[0];
  if (body?.length !== 1 || outer === undefined) return null;
  switch (m[1]?.toUpperCase()) {
    case 'POINT': {
      const [p] = asPositions(outer) ?? [];
      return p === undefined || (outer as Nested[]).length !== 1 ? null : { type: 'Point', coordinates: p };
    }
    case 'LINESTRING': {
      const c = asPositions(outer);
      return c === null || c.length < 2 ? null : { type: 'LineString', coordinates: c };
    }
    case 'POLYGON': {
      const c = asRings(outer);
      return c === null || c.length === 0 ? null : { type: 'Polygon', coordinates: c };
    }
    case 'MULTIPOINT': {
      // Both `MULTIPOINT (1 2, 3 4)` and `MULTIPOINT ((1 2), (3 4))` are written.
      const flat = asPositions(outer);
      const wrapped = asRings(outer)
        ?.map((r) => r[0])
        .filter((p): p is Position => p !== undefined);
      const c = flat ?? wrapped ?? null;
      return c === null || c.length === 0 ? null : { type: 'MultiPoint', coordinates: c };
    }
    case 'MULTILINESTRING': {
      const c = asRings(outer);
      return c === null || c.length === 0 ? null : { type: 'MultiLineString', coordinates: c };
    }
    case 'MULTIPOLYGON': {
      if (!Array.isArray(outer)) return null;
      const polys: Position[][][] = [];
      for (const p of outer) {
        const r = asRings(p);
        if (r === null) return null;
        polys.push(r);
      }
      return polys.length === 0 ? null : { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      return null;
  }
}
