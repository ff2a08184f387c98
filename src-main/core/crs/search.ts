import { crsNameKey, queryWords } from './crs-names.js';
import { chineseCrsName } from './names-zh.js';
import { isGeographicProj4 } from './units.js';
import { registryRows, type EpsgRow } from './registry.js';

/** One hit of a CRS search. */
export interface CrsSearchHit {
  /** `EPSG:nnnn`. */
  readonly code: string;
  /** EPSG name (English). */
  readonly name: string;
  /** Chinese name for the national families, WGS 84, UTM and Web Mercator; null otherwise. */
  readonly nameZh: string | null;
  readonly geographic: boolean;
}

/** English names people use that the EPSG name does not contain. */
const ALIASES: Readonly<Record<number, string>> = {
  3857: 'Web Mercator Google 谷歌 网络墨卡托',
  4326: 'WGS84 GPS 经纬度',
  4490: 'CGCS2000 国家2000 经纬度',
  4610: '西安80 经纬度',
  4214: '北京54 经纬度',
  4555: '新北京54 经纬度',
};

interface Entry {
  readonly row: EpsgRow;
  readonly nameZh: string | null;
  /** Folded name keys (English, Chinese, aliases) and the code, joined. */
  readonly haystack: string;
  /** Folded English and Chinese names, for exact-match ranking. */
  readonly keys: readonly string[];
}

// Built on the first search, per installed table: 6,800 rows fold in well under a second.
let index: { readonly rows: readonly EpsgRow[]; readonly entries: readonly Entry[] } | null = null;

function entries(): readonly Entry[] {
  const rows = registryRows();
  if (index?.rows === rows) return index.entries;
  const built = rows.map((row): Entry => {
    const nameZh = chineseCrsName(row[1]);
    const keys = [crsNameKey(row[1]), ...(nameZh === null ? [] : [crsNameKey(nameZh)])];
    const alias = ALIASES[row[0]];
    const haystack = [...keys, ...(alias === undefined ? [] : queryWords(alias)), String(row[0])].join('|');
    return { row, nameZh, haystack, keys };
  });
  index = { rows, entries: built };
  return built;
}

const hitOf = (e: Entry): CrsSearchHit => ({
  code: `EPSG:${String(e.row[0])}`,
  name: e.row[1],
  nameZh: e.nameZh,
  geographic: isGeographicProj4(e.row[2]),
});

/**
 * Finds registry CRSs by code (`4548`, `EPSG:4548`) or by words of their English or Chinese name
 * (`CGCS2000 3度带 117`, `西安80 39带`, `UTM 50N`, `Web Mercator`); every word must occur. Ranked: the
 * exact code, then names equal to the query, then names with a Chinese form (the families Chinese
 * archives use), then shorter names, then lower codes. At most `limit` hits.
 */
export function searchCrs(query: string, limit: number): CrsSearchHit[] {
  const text = query.trim();
  if (text === '' || limit < 1) return [];
  const all = entries();
  const code = /^(?:epsg\s*:?\s*)?(\d{1,6})$/i.exec(text)?.[1];
  if (code !== undefined) {
    const exact = all.filter((e) => String(e.row[0]) === code);
    const prefix = all.filter((e) => String(e.row[0]).startsWith(code) && String(e.row[0]) !== code);
    return [...exact, ...prefix].slice(0, limit).map(hitOf);
  }
  const words = queryWords(text);
  if (words.length === 0) return [];
  const whole = crsNameKey(text);
  const scored = all
    .filter((e) => words.every((w) => e.haystack.includes(w)))
    .map((e) => ({
      e,
      rank: (e.keys.includes(whole) ? 0 : 2) + (e.nameZh !== null ? 0 : 1),
    }));
  scored.sort((x, y) => x.rank - y.rank || x.e.row[1].length - y.e.row[1].length || x.e.row[0] - y.e.row[0]);
  return scored.slice(0, limit).map((s) => hitOf(s.e));
}
