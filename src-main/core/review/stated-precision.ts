import type { SubjectText } from './rule.js';

/**
 * What a text says about a dataset's precision, in ground metres: a stated grid, resolution or
 * accuracy ("5米格网", "分辨率0.3米", "精度10米", "10 m resolution"), a stated map scale ("1:2000",
 * "1∶2000", "二千分之一", "1:1万") or, in file and layer names and titles, a bare size token
 * ("_5m", "0p5m", "DEM 5m").
 */
export interface StatedPrecision {
  readonly metres: number;
  /** The denominator when the text stated a scale. */
  readonly scale?: number;
  /** A bare size token of a name ("_5m"): in a title, where it may be a file stem, only a warning. */
  readonly token?: true;
}

/**
 * The ground size a map scale stands for: 0.1 mm on the map (the usual plotting accuracy of
 * cartography), so 1:5000 ↔ 0.5 m and 1:500,000 ↔ 50 m.
 */
export const metresOfScale = (denominator: number): number => denominator / 10_000;

const UNIT: Readonly<Record<string, number>> = {
  米: 1,
  公尺: 1,
  m: 1,
  厘米: 0.01,
  cm: 0.01,
  毫米: 0.001,
  mm: 0.001,
  公里: 1000,
  千米: 1000,
  km: 1000,
};

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const UNITS = String.raw`(米|公尺|厘米|毫米|公里|千米|km|cm|mm|m)(?![a-z])`;
const KIND = String.raw`(?:格网|网格|栅格|分辨率|精度|间距|格距|grid|resolution|accuracy|precision|spacing|gsd)`;

/** "5米格网", "0.3 m resolution", "30厘米分辨率". */
const SIZE_THEN_KIND = new RegExp(String.raw`${NUM}\s*${UNITS}\s*(?:的\s*)?${KIND}`, 'giu');
/** "分辨率0.3米", "精度为10米", "grid spacing of 5 m", "resolution: 0.5m". */
const KIND_THEN_SIZE = new RegExp(
  String.raw`${KIND}(?:\s*(?:为|是|约|达|优于|of|is|:|：|=))*\s*${NUM}\s*${UNITS}`,
  'giu',
);
/** "1:2000", "1∶2000", "1：2,000", "1:1万". */
const RATIO = /1\s*[:：∶]\s*(\d{1,3}(?:[,，]\d{3})+|\d+(?:\.\d+)?)\s*(万)?/gu;
/** "二千分之一", "一万分之一", "五十万分之一", "2000分之一". */
const FRACTION = /([一二两三四五六七八九十百千万〇零\d]+)分之一/gu;
/** "_5m", "-0p5m", "_30cm" between separators of a file or layer name. */
const NAME_TOKEN = /(?:^|[_\-. ])(\d+(?:p\d+)?)(m|cm)(?=[_\-. ]|$)/giu;

/** A ratio or fraction below this is not a map scale ("百分之一" is a per cent, "1:30" a time). */
const MIN_SCALE = 500;

const DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral as scale denominators are written (二千, 二十五万, 五十万); null if not one. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGIT[ch];
    const unit = SMALL_UNIT[ch];
    if (d !== undefined) digit = d;
    else if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0) || 1) * 10_000;
      section = 0;
      digit = null;
    } else return null;
  }
  const value = total + section + (digit ?? 0);
  return value > 0 ? value : null;
}

const sizeOf = (value: string, unit: string): number | null => {
  const factor = UNIT[unit.toLowerCase()] ?? UNIT[unit];
  const n = Number(value.replace('p', '.'));
  return factor === undefined || !Number.isFinite(n) || n <= 0 ? null : n * factor;
};

/** Every precision a text states, in the order found. */
export function statedPrecisions(text: string, part: SubjectText['part']): StatedPrecision[] {
  const found: StatedPrecision[] = [];
  const size = (re: RegExp, token: boolean): void => {
    for (const m of text.matchAll(re)) {
      const metres = sizeOf(m[1] ?? '', m[2] ?? '');
      if (metres !== null) found.push(token ? { metres, token } : { metres });
    }
  };
  size(SIZE_THEN_KIND, false);
  size(KIND_THEN_SIZE, false);
  if (part === 'file-name' || part === 'layer-name' || part === 'metadata.title') size(NAME_TOKEN, true);
  const scale = (denominator: number | null): void => {
    if (denominator !== null && denominator >= MIN_SCALE)
      found.push({ metres: metresOfScale(denominator), scale: denominator });
  };
  for (const m of text.matchAll(RATIO))
    scale(Number((m[1] ?? '').replace(/[,，]/g, '')) * (m[2] === undefined ? 1 : 10_000));
  for (const m of text.matchAll(FRACTION)) scale(chineseNumber(m[1] ?? ''));
  return found;
}

/** The finest precision a text states, or null when it states none. */
export function finestStated(text: string, part: SubjectText['part']): StatedPrecision | null {
  let finest: StatedPrecision | null = null;
  for (const s of statedPrecisions(text, part)) if (finest === null || s.metres < finest.metres) finest = s;
  return finest;
}

/**
 * The texts that state a grid, resolution or accuracy finer than `threshold` metres, each with
 * the finest it states (stated scales are judged as scales, by coverage-area).
 */
export function textsFinerThan(
  texts: readonly SubjectText[],
  threshold: number,
): { text: SubjectText; metres: number; tokensOnly: boolean }[] {
  return texts.flatMap((text) => {
    const finer = statedPrecisions(text.text, text.part).filter(
      (s) => s.scale === undefined && s.metres < threshold * (1 - 1e-9),
    );
    if (finer.length === 0) return [];
    const metres = Math.min(...finer.map((s) => s.metres));
    return [{ text, metres, tokensOnly: finer.every((s) => s.token === true) }];
  });
}

/** A name without its bare size tokens ("guilin_dem_5m" → "guilin_dem"), for names made from titles. */
export const withoutSizeTokens = (name: string): string => name.replace(NAME_TOKEN, '');

/** The texts that state a map scale larger than 1:`denominator`, each with the largest it states. */
export function textsLargerThan(
  texts: readonly SubjectText[],
  denominator: number,
): { text: SubjectText; scale: number }[] {
  return texts.flatMap((text) => {
    const scales = statedPrecisions(text.text, text.part).flatMap((s) => s.scale ?? []);
    const scale = Math.min(...scales);
    return scale < denominator ? [{ text, scale }] : [];
  });
}

/** The sentences of `text` that state no precision (those that do are dropped whole). */
export function withoutStatedPrecision(text: string): string {
  const sentences = text.match(/[^。；;！!？?\n]+[。；;！!？?\n]*/gu) ?? [];
  return sentences
    .filter((s) => finestStated(s, 'metadata.abstract') === null)
    .join('')
    .trim();
}
