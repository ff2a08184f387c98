/** 密级, lowest first. */
export const SECRECY_LEVELS = ['公开', '内部', '秘密', '机密', '绝密'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

/** ISO 19115 MD_ClassificationCode used when metadata leaves the archive. */
export const ISO_CLASSIFICATION: Readonly<Record<SecrecyLevel, string>> = {
  公开: 'unclassified',
  内部: 'restricted',
  秘密: 'confidential',
  机密: 'secret',
  绝密: 'topSecret',
};

/** Default 保密期限 in years when a state-secret item names none. */
export const DEFAULT_PERIOD_YEARS: Readonly<Partial<Record<SecrecyLevel, number>>> = {
  秘密: 10,
  机密: 20,
  绝密: 30,
};

/** 保密期限 as stored: empty (the level's default), `N年` (1–999) or `长期`. */
export const PERIOD_PATTERN = /^(|[1-9]\d{0,2}年|长期)$/;

export const isStateSecret = (level: SecrecyLevel): boolean =>
  level === '秘密' || level === '机密' || level === '绝密';

/**
 * The marking `密级★保密期限` (e.g. `机密★20年`); 公开 and 内部 carry no period.
 * `period` is free text as entered (`20年`, `长期`); empty means the level's default.
 */
export function formatMarking(level: SecrecyLevel, period: string): string {
  if (!isStateSecret(level)) return level;
  const years = DEFAULT_PERIOD_YEARS[level];
  const shown = period.trim() !== '' ? period.trim() : `${String(years)}年`;
  return `${level}★${shown}`;
}
