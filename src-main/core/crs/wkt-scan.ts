/** What a flat scan of a WKT string yields without building a tree. */
export interface WktHead {
  /** Root keyword, upper case (GEOGCS, PROJCS, GEOGCRS, PROJCRS, COMPD_CS ...). */
  readonly keyword: string;
  /** Root name (first quoted string), '' when absent. */
  readonly name: string;
  /** EPSG code from an AUTHORITY/ID node that is a direct child of the root, else null. */
  readonly epsg: number | null;
  /** Name of the first DATUM node (any depth), '' when absent. */
  readonly datum: string;
}

const MAX_WKT_CHARS = 64 * 1024;

/**
 * Scans WKT1 (OGC or ESRI) or WKT2 text iteratively (bracket depth counter, no recursion) for the
 * root keyword and name, the root's own EPSG authority code and the datum name. Nested
 * AUTHORITY nodes (the GEOGCS inside a PROJCS, units) are ignored. Compound CRSs report the
 * authority of their first (horizontal) component.
 */
export function scanWkt(wkt: string): WktHead | null {
  const text = wkt.trim();
  if (text.length === 0 || text.length > MAX_WKT_CHARS) return null;
  const root = /^([A-Za-z_][A-Za-z0-9_]*)\s*[[(]\s*"([^"]*)"/.exec(text);
  if (root?.[1] === undefined) return null;
  const keyword = root[1].toUpperCase();
  const compound = keyword === 'COMPD_CS' || keyword === 'COMPOUNDCRS';
  const authorityDepth = compound ? 2 : 1;
  let depth = 0;
  let inString = false;
  let epsg: number | null = null;
  let firstChildClosed = false;
  let datum = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      inString = !inString;
      continue;
    }
    if (inString) continue;
    if (ch === '[' || ch === '(') {
      const word = /([A-Za-z_][A-Za-z0-9_]*)\s*$/
        .exec(text.slice(Math.max(0, i - 40), i))?.[1]
        ?.toUpperCase();
      if (word === undefined) {
        depth += 1;
        continue;
      }
      if ((word === 'DATUM' || word === 'GEODETICDATUM') && datum === '') {
        datum = /^[[(]\s*"([^"]*)"/.exec(text.slice(i, i + 200))?.[1] ?? '';
      }
      if (
        (word === 'AUTHORITY' || word === 'ID') &&
        depth === authorityDepth &&
        !firstChildClosed &&
        epsg === null
      ) {
        const m = /^[[(]\s*"EPSG"\s*,\s*"?(\d{1,6})"?/i.exec(text.slice(i, i + 40));
        if (m?.[1] !== undefined) epsg = Number(m[1]);
      }
      depth += 1;
    } else if (ch === ']' || ch === ')') {
      depth -= 1;
      if (compound && depth === 1) firstChildClosed = true;
      if (depth < 0) return null;
    }
  }
  if (depth !== 0 || inString) return null;
  return { keyword, name: root[2] ?? '', epsg, datum };
}
