import type { FieldMessage, RecordField } from '../field.js';

const MAX_KEYWORDS = 50;
const MAX_KEYWORD_LENGTH = 100;

/** 关键词: at most 50, each 1–100 characters, none given twice. */
export const keywordsField: RecordField<readonly string[]> = {
  id: 'keywords',
  labelKey: 'record.field.keywords',
  type: 'keywords',
  required: false,
  validate: (value): FieldMessage[] => {
    const words = value ?? [];
    const blocking = (key: string, params?: Record<string, number>): FieldMessage[] => [
      { field: 'keywords', severity: 'blocking', key, ...(params ? { params } : {}) },
    ];
    if (words.length > MAX_KEYWORDS) return blocking('record.error.tooMany', { max: MAX_KEYWORDS });
    if (words.some((w) => w.trim() === '' || Array.from(w).length > MAX_KEYWORD_LENGTH))
      return blocking('record.error.keyword', { max: MAX_KEYWORD_LENGTH });
    return new Set(words).size === words.length ? [] : blocking('record.error.keywordTwice');
  },
};
