/**
 * CRS names as files spell them (EPSG/OGC `CGCS2000 / 3-degree Gauss-Kruger CM 117E`, ESRI
 * `CGCS2000_3_Degree_GK_CM_117E`, `Beijing_1954_Gauss_Kruger_CM_117E`, Chinese `2000国家大地坐标系
 * 3度带 中央经线117°`) folded so that the same CRS compares equal, and read for the facts that
 * tell rows with identical parameters apart (ADR 0101).
 */

/** Spelling variants folded before separators are dropped; order matters (longest first). */
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/gauss[\s_-]*kr[uü]e?ger/g, 'gk'],
  [/china\s*geodetic\s*coordinate\s*system\s*2000/g, 'cgcs2000'],
  [/2000国家大地坐标系|国家2000|cgcs[\s_-]*2000|china[\s_-]*2000/g, 'cgcs2000'],
  [/新北京\s*(19)?54|new[\s_-]*beijing(\s*1954)?/g, 'newbeijing'],
  [/北京\s*(19)?54|beijing[\s_-]*(19)?54/g, 'beijing1954'],
  [/西安\s*(19)?80|xi'?an[\s_-]*(19)?80/g, 'xian1980'],
  [/wgs[\s_-]*(19)?84/g, 'wgs84'],
  [/nad[\s_-]*(19)?83/g, 'nad83'],
  [/nad[\s_-]*(19)?27/g, 'nad27'],
  [/([36])[\s_-]*(degree|deg|度)(\s*带)?/g, '$1deg'],
  [/高斯[\s-]*克吕格|高斯投影|高斯/g, 'gk'],
  [/墨卡托/g, 'mercator'],
  [/中央经线|central[\s_-]*meridian/g, 'cm'],
];

/** Folds a CRS name to a comparison key: same CRS, same key, whichever dialect wrote it. */
export function crsNameKey(name: string): string {
  return folded(name).replace(/[^a-z0-9\u4e00-\u9fff]/g, '');
}

/** The name in lower case with the FOLDS applied, separators kept. */
function folded(name: string): string {
  let text = name.toLowerCase().normalize('NFKC');
  for (const [pattern, replacement] of FOLDS) text = text.replace(pattern, ` ${replacement} `);
  return text;
}

/** What a name says that parameters alone may not: the zone width of a Gauss-Krüger CRS. */
export interface NameFacts {
  /** 3 or 6 for Gauss-Krüger names; null when the name does not say (or is not GK). */
  readonly zoneWidth: 3 | 6 | null;
}

/**
 * Reads the facts of a name. A Gauss-Krüger name that gives a central meridian or zone but no
 * width is 6° (EPSG and ESRI both write `Gauss-Kruger CM 117E` for the 6° zone and add `3-degree`
 * for the 3° one); a bare `GK` (`user GK`) says nothing about the width.
 */
export function nameFacts(name: string): NameFacts {
  const text = folded(name);
  const words = text.split(/[^a-z0-9]+/);
  if (words.includes('3deg')) return { zoneWidth: 3 };
  if (words.includes('6deg')) return { zoneWidth: 6 };
  if (words.includes('gk') && /(^|[^a-z])(cm|zone)[\s_]*\d/.test(text)) return { zoneWidth: 6 };
  return { zoneWidth: null };
}

/** A search query as folded words (`西安80 3度带` → `xian1980`, `3deg`); empty words dropped. */
export function queryWords(query: string): string[] {
  return folded(query)
    .split(/[\s/_,，、()（）·-]+/)
    .map((w) => w.replace(/[^a-z0-9\u4e00-\u9fff]/g, ''))
    .filter((w) => w !== '');
}
