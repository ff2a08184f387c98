/**
 * Chinese names of the CRS families a Chinese archive uses, generated from the EPSG English names by
 * pattern (ADR 0103): the datum (2000国家大地坐标系, 西安1980, 北京1954, 新北京54, WGS 84) and the
 * projection (3°/6° 高斯-克吕格 by zone or central meridian, UTM, Web 墨卡托). Null for names outside
 * these families; the UI then shows the English name.
 */
const GEOGRAPHIC: Readonly<Record<string, string>> = {
  'China Geodetic Coordinate System 2000': '2000国家大地坐标系',
  'Xian 1980': '西安1980坐标系',
  'Beijing 1954': '北京1954坐标系',
  'New Beijing': '新北京54坐标系',
  'WGS 84': 'WGS 84 世界大地坐标系',
};

/** The datum part of a projected CRS name (before ` / `). */
const DATUMS: Readonly<Record<string, string>> = {
  CGCS2000: '2000国家大地坐标系',
  'Xian 1980': '西安1980坐标系',
  'Beijing 1954': '北京1954坐标系',
  'New Beijing': '新北京54坐标系',
  'WGS 84': 'WGS 84',
};

const PROJECTIONS: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^3-degree Gauss-Kruger zone (\d+)$/, (m) => `3度带高斯-克吕格投影 第${m[1] ?? ''}带`],
  [/^3-degree Gauss-Kruger CM (\d+)E$/, (m) => `3度带高斯-克吕格投影 中央经线${m[1] ?? ''}°E`],
  [/^Gauss-Kruger zone (\d+)$/, (m) => `6度带高斯-克吕格投影 第${m[1] ?? ''}带`],
  [/^Gauss-Kruger CM (\d+)E$/, (m) => `6度带高斯-克吕格投影 中央经线${m[1] ?? ''}°E`],
  [/^UTM zone (\d+)([NS])$/, (m) => `UTM投影 第${m[1] ?? ''}带 ${m[2] === 'N' ? '北半球' : '南半球'}`],
  [/^Pseudo-Mercator$/, () => 'Web 墨卡托投影'],
];

/** The Chinese name of an EPSG CRS name, or null when it is not one of the families above. */
export function chineseCrsName(name: string): string | null {
  const slash = name.indexOf(' / ');
  if (slash < 0) return GEOGRAPHIC[name] ?? null;
  const datum = DATUMS[name.slice(0, slash)];
  if (datum === undefined) return null;
  const projected = name.slice(slash + 3);
  for (const [pattern, zh] of PROJECTIONS) {
    const m = pattern.exec(projected);
    if (m !== null) return `${datum} / ${zh(m)}`;
  }
  return null;
}
