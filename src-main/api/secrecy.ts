import { DEFAULT_PERIOD_YEARS, isStateSecret, type SecrecyLevel } from '../core/model/secrecy.js';
import type { Message, MessageKey } from './messages.js';

/**
 * Secrecy vocabulary shared with the renderer, which may import only src-main/api: the level list
 * and marking come from core so the UI and the services mark a record the same way.
 */
export {
  SECRECY_LEVELS,
  DEFAULT_PERIOD_YEARS,
  PERIOD_PATTERN,
  formatMarking,
  isStateSecret,
} from '../core/model/secrecy.js';
export type { SecrecyLevel } from '../core/model/secrecy.js';

/** How a stored level is shown: `level.<level>` (秘密 in Chinese, "Confidential (秘密)" in English). */
export const levelKey = (level: SecrecyLevel): MessageKey => `level.${level}`;

/**
 * How a stored 保密期限 is shown (`10年` → "10 years" in English); empty means the level's default.
 * The stored value never changes; only its display does. Null for levels without a period.
 */
export function periodMessage(level: SecrecyLevel, period: string): Message | null {
  if (!isStateSecret(level)) return null;
  const shown = period.trim();
  if (shown === '长期') return { key: 'period.longTerm', params: {} };
  const years = /^(\d+)年$/.exec(shown)?.[1];
  return { key: 'period.years', params: { years: years ?? DEFAULT_PERIOD_YEARS[level] ?? '' } };
}

/** The marking `密级★保密期限` for display: the level alone for 公开 and 内部. */
export function markingMessage(level: SecrecyLevel, period: string): Message {
  const shownPeriod = periodMessage(level, period);
  return shownPeriod === null
    ? { key: levelKey(level), params: {} }
    : {
        key: 'marking.secret',
        params: { ...shownPeriod.params, level: levelKey(level), period: shownPeriod.key },
      };
}

/**
 * A 保密期限 typed in either UI language, as stored: `10`, `10年`, `10 years` → `10年`;
 * `长期`, `long-term` → `长期`; empty → empty. Null when it is none of these.
 */
export function periodFromInput(text: string): string | null {
  const value = text.trim();
  if (value === '') return '';
  if (value === '长期' || /^long[- ]?term$/i.test(value)) return '长期';
  const years = /^([1-9]\d{0,2})\s*(年|years?)?$/i.exec(value)?.[1];
  return years === undefined ? null : `${years}年`;
}
