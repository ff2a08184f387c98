import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/i18n/en.js';
import { zhCN } from '../../../src-renderer/i18n/zh-CN.js';
import { strayHan, strayLatin } from '../../support/scripts.js';

/** Flattens nested UI strings to `a.b.c` → text. */
function flat(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flat(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe("the renderer's own UI strings", () => {
  const zh = flat(zhCN);
  const english = flat(en);

  it('have the same keys in both languages', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have the same placeholders in both languages, in {{name}} syntax only', () => {
    for (const [key, text] of zh) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(text.replace(/\{\{\w+\}\}/g, ''), key).not.toMatch(/[{}]/);
    }
  });

  it('keep each language in its own script', () => {
    const stray: string[] = [];
    // The import placeholder shows example paths; the Chinese file name is data, not UI text.
    const examples = [
      '矿点.shp',
      '/data/submitted/guilin_dem.tif',
      '/data/submitted/',
      '/data/exchange/outbox',
    ];
    for (const [key, text] of english) {
      for (const han of strayHan(text, examples)) stray.push(`en ${key}: ${han}`);
    }
    for (const [key, text] of zh) {
      for (const word of strayLatin(text.replace(/\{\{\w+\}\}/g, ''), examples))
        stray.push(`zh-CN ${key}: ${word}`);
    }
    expect(stray).toEqual([]);
  });
});
