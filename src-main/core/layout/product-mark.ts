import {
  DEFAULT_PERIOD_YEARS,
  SECRECY_LEVELS,
  formatMarking,
  isStateSecret,
  type SecrecyLevel,
} from '../model/secrecy.js';

/** A dataset's 密级 and 保密期限 as its latest record holds them. */
export interface RecordMarking {
  readonly level: SecrecyLevel;
  readonly period: string;
}

/** The product's mark: its level, period (`N年`, `长期`, or '' without one) and text (null when public). */
export interface ProductMark {
  readonly level: SecrecyLevel;
  readonly period: string;
  readonly text: string | null;
}

/** A period in years for comparison: 长期 outranks any number; empty is the level's default. */
function periodYears(level: SecrecyLevel, period: string): number {
  const shown = period.trim();
  if (shown === '长期') return Number.POSITIVE_INFINITY;
  const years = /^(\d+)年$/.exec(shown)?.[1];
  return years === undefined ? (DEFAULT_PERIOD_YEARS[level] ?? 0) : Number(years);
}

/**
 * The mark of a product made from datasets with these records: the highest level among them and,
 * among the records at that level, the longest 保密期限. A product of public data only is 公开
 * and carries no mark; 内部 is marked by its level alone. No dataset at all is refused by the caller.
 */
export function productMark(records: readonly RecordMarking[]): ProductMark {
  const rank = (level: SecrecyLevel): number => SECRECY_LEVELS.indexOf(level);
  const level = records.reduce<SecrecyLevel>((top, r) => (rank(r.level) > rank(top) ? r.level : top), '公开');
  if (!isStateSecret(level)) return { level, period: '', text: level === '公开' ? null : level };
  const years = Math.max(
    ...records.filter((r) => r.level === level).map((r) => periodYears(level, r.period)),
  );
  const period = years === Number.POSITIVE_INFINITY ? '长期' : `${String(years)}年`;
  return { level, period, text: formatMarking(level, period) };
}
