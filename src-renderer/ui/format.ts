import type { Lang } from '../../src-main/api/messages.js';

const locale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'zh-CN');

/** Bytes as KB/MB/GB with binary multiples, one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? String(value) : value.toFixed(1)} ${units[unit] ?? 'B'}`;
}

export const formatNumber = (value: number, lang: Lang, digits = 0): string =>
  value.toLocaleString(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** ISO timestamp in local time, to the second, e.g. 2025-03-01 14:02:09. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Label cell of the dense key/value tables: one line, wide enough for 6 CJK characters. */
export const DESCRIPTION_LABEL = { width: 104, whiteSpace: 'nowrap' } as const;

/** An attribute value as the identify panel and the attribute table show it (null as empty). */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
