import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, type ErrorParams } from '../../../src-main/api/errors.js';
import { MESSAGES, type Lang, type MessageKey } from '../../../src-main/api/messages.js';
import { SECRECY_LEVELS } from '../../../src-main/api/secrecy.js';
import { errorText } from '../../../src-main/cli/output.js';
import { HAN, strayHan } from '../../support/scripts.js';

const KEYS = Object.keys(MESSAGES) as MessageKey[];
const keysUnder = (prefix: string): MessageKey[] => KEYS.filter((k) => k.startsWith(prefix));

/** Placeholder names of a key (both languages share them; messages.test.ts checks that). */
const placeholders = (key: MessageKey): string[] =>
  [...MESSAGES[key].en.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');

/**
 * Every way a code's message can be filled: one variant per nested key a param may name
 * (each problem, reason, detail, level), other params with plain values as services send them.
 */
function variants(code: ErrorCode): ErrorParams[] {
  const names = placeholders(`error.${code}`);
  const nested: Record<string, readonly string[]> = {
    problem: keysUnder('problem.'),
    reason: keysUnder('reason.'),
    detail: [...keysUnder('detail.'), ...keysUnder('bag.'), 'fields.period: Invalid'],
    what: ['detail.unknownMethod', 'ds_0123456789abcdef'],
  };
  const base: Record<string, string | number> = {};
  // Params a nested message may need: numbers, ids, paths and a stored level.
  for (const key of KEYS) for (const name of placeholders(key)) base[name] = 7;
  Object.assign(base, {
    file: 'guilin_dem.tif',
    path: '"data/a.tif"',
    level: `level.${SECRECY_LEVELS[2]}`,
    bag: 'DZ-1',
  });
  const choice = names.find((n) => nested[n] !== undefined);
  if (choice === undefined) return [base];
  return (nested[choice] ?? []).map((value) => ({ ...base, [choice]: value }));
}

const render = (lang: Lang): { code: ErrorCode; text: string }[] =>
  ERROR_CODES.flatMap((code) =>
    variants(code).map((params) => ({ code, text: errorText({ code, params }, lang) })),
  );

describe('CLI error text', () => {
  it('in --lang en has no Han for any error code and any nested problem, reason or detail', () => {
    const english = render('en');
    expect(english.length).toBeGreaterThan(ERROR_CODES.length + 100);
    const stray = english.filter(({ text }) => strayHan(text).length > 0 || text.includes('{{'));
    expect(stray).toEqual([]);
  });

  it('in --lang zh-CN is Chinese for every error code', () => {
    const chinese = render('zh-CN');
    expect(chinese.filter(({ text }) => !HAN.test(text) || text.includes('{{'))).toEqual([]);
  });

  it('quotes a stored level after its English name', () => {
    const refused = errorText(
      { code: 'EXPORT_REFUSED', params: { reason: 'reason.levelAbovePublic', level: 'level.机密' } },
      'en',
    );
    expect(refused).toBe(
      'Export refused: the level is Secret (机密); only unclassified (公开) data may be exported',
    );
  });
});
