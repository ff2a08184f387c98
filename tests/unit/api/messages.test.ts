import { describe, expect, it } from 'vitest';
import {
  fill,
  isMessageKey,
  LANGS,
  MESSAGES,
  renderMessage,
  type MessageKey,
} from '../../../src-main/api/messages.js';
import { ruleMessages } from '../../../src-main/api/rule-messages.js';
import { markingMessage, periodFromInput, periodMessage } from '../../../src-main/api/secrecy.js';
import { RULES } from '../../../src-main/core/review/rules/index.js';
import { HAN, strayHan, strayLatin } from '../../support/scripts.js';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

const KEYS = Object.keys(MESSAGES) as MessageKey[];

describe('the main-process message catalogue', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    for (const key of KEYS) {
      const entry = MESSAGES[key];
      for (const lang of LANGS) expect(entry[lang].trim(), `${key} ${lang}`).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry['zh-CN']));
    }
  });

  it('names every registered review rule and states the basis of its defaults', () => {
    for (const rule of RULES)
      expect(ruleMessages(rule.id), rule.id).toEqual({
        name: `rule.${rule.id}`,
        basis: `basis.${rule.id}`,
      });
    expect(ruleMessages('no-such-rule')).toEqual({ name: null, basis: null });
  });

  it('uses one placeholder syntax, {{name}}, and no stray braces', () => {
    for (const key of KEYS) {
      for (const lang of LANGS) {
        const rest = MESSAGES[key][lang].replace(/\{\{\w+\}\}/g, '');
        expect(rest, `${key} ${lang}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('writes English without Han (bar the quoted stored level) and Chinese with Han', () => {
    const stray: string[] = [];
    for (const key of KEYS) {
      const en = MESSAGES[key].en.replace(/\{\{\w+\}\}/g, '');
      const zh = MESSAGES[key]['zh-CN'].replace(/\{\{\w+\}\}/g, '');
      for (const han of strayHan(en)) stray.push(`${key} en: ${han}`);
      for (const word of strayLatin(zh)) stray.push(`${key} zh-CN: ${word}`);
      // Every Chinese text says something in Chinese, unless it is only placeholders (the marking).
      if (zh.replace(/[★\s]/g, '') !== '' && !HAN.test(zh)) stray.push(`${key} zh-CN has no Han`);
    }
    expect(stray).toEqual([]);
  });

  it('fills placeholders and renders nested keys with the same params', () => {
    expect(fill('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
    const params = { file: 'a.tif', problem: 'problem.tagType', tag: 259, type: 99 };
    expect(renderMessage('error.CORRUPT_FILE', params, 'en')).toBe(
      'Corrupt or unreadable file: a.tif (tag 259 has unknown type 99)',
    );
    expect(renderMessage('error.CORRUPT_FILE', params, 'zh-CN')).toBe(
      '文件已损坏或无法解析：a.tif（标签 259 的类型 99 未知）',
    );
    expect(isMessageKey('error.CORRUPT_FILE')).toBe(true);
    expect(isMessageKey('error.NOPE')).toBe(false);
  });

  it('shows stored levels and periods in the reader language; stored values stay', () => {
    const show = (
      m: { key: MessageKey; params: Readonly<Record<string, string | number>> } | null,
      lang: 'en' | 'zh-CN',
    ) => (m === null ? null : renderMessage(m.key, m.params, lang));
    expect(show(markingMessage('机密', ''), 'zh-CN')).toBe('机密★20年');
    expect(show(markingMessage('机密', ''), 'en')).toBe('Secret (机密) ★ 20 years');
    expect(show(markingMessage('秘密', '长期'), 'en')).toBe('Confidential (秘密) ★ long-term');
    expect(show(markingMessage('内部', ''), 'en')).toBe('Restricted (内部)');
    expect(show(periodMessage('绝密', '5年'), 'en')).toBe('5 years');
    expect(periodMessage('公开', '')).toBeNull();
    expect(renderMessage('level.绝密', {}, 'en')).toBe('Top secret (绝密)');
    expect(renderMessage('level.公开', {}, 'zh-CN')).toBe('公开');
  });

  it('reads a period typed in either language as the stored form', () => {
    expect(periodFromInput('10 years')).toBe('10年');
    expect(periodFromInput(' 1 year ')).toBe('1年');
    expect(periodFromInput('10年')).toBe('10年');
    expect(periodFromInput('30')).toBe('30年');
    expect(periodFromInput('Long-term')).toBe('长期');
    expect(periodFromInput('长期')).toBe('长期');
    expect(periodFromInput('')).toBe('');
    expect(periodFromInput('0年')).toBeNull();
    expect(periodFromInput('十年')).toBeNull();
    expect(periodFromInput('1000 years')).toBeNull();
  });
});
