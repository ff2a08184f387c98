import { describe, expect, it } from 'vitest';
import {
  pathProblems as keyedPathProblems,
  pathSetProblems as keyedPathSetProblems,
} from '../../../../src-main/core/exchange/index.js';
import { textsOf } from '../../../support/messages.js';

// The checks return message keys + params; these read them as the English a host shows.
const pathProblems = (path: string): string[] => textsOf(keyedPathProblems(path));
const pathSetProblems = (paths: readonly string[], directories?: readonly string[]): string[] =>
  textsOf(keyedPathSetProblems(paths, directories));

const only = (path: string): string => {
  const problems = pathProblems(path);
  expect(problems).toHaveLength(1);
  return problems[0] ?? '';
};

describe('pathProblems', () => {
  it('accepts ordinary payload paths, Chinese names included', () => {
    for (const path of [
      'data/a.tif',
      'data/maps/图幅 H49.pdf',
      'data/广西地质.gpkg',
      'bag-info.txt',
      'data/.hidden',
    ]) {
      expect(pathProblems(path)).toEqual([]);
    }
  });

  it('rejects escapes out of the bag', () => {
    expect(only('data/../../etc/passwd')).toMatch(/parent-directory/);
    expect(only('/etc/passwd')).toMatch(/absolute/);
    expect(pathProblems('C:/Windows/x').join()).toMatch(/drive-letter/);
    expect(only('data\\..\\x')).toMatch(/backslash/);
    expect(only('data/./x')).toMatch(/current-directory/);
    expect(only('data//x')).toMatch(/empty path segment/);
  });

  it('rejects NUL and control characters and escapes them in the message', () => {
    expect(only('data/a\0b')).toMatch(/NUL/);
    const problem = only('data/a\nb');
    expect(problem).toMatch(/control character/);
    expect(problem).toContain('\\n');
    expect(problem).not.toContain('\n');
    expect(only('data/a\u0085b')).toMatch(/control character/);
  });

  it('rejects Windows reserved device names with or without extension, in any case', () => {
    for (const name of ['CON', 'nul.txt', 'Com1.tif', 'lpt9', 'aux.tar.gz', 'COM¹', 'conin$']) {
      expect(only(`data/${name}`)).toMatch(/reserved device name/);
    }
    expect(pathProblems('data/CONSOLE.txt')).toEqual([]);
    expect(pathProblems('data/com10.txt')).toEqual([]);
  });

  it('rejects names Windows would alter or refuse', () => {
    expect(only('data/a.')).toMatch(/dot or space/);
    expect(only('data/a ')).toMatch(/dot or space/);
    expect(only('data/a:stream')).toMatch(/not allowed on Windows/);
    expect(only(`data/${'长'.repeat(86)}`)).toMatch(/longer than 255 bytes/);
    expect(pathProblems(`data/${'长'.repeat(85)}`)).toEqual([]);
  });

  it('rejects lone surrogates and names that were not UTF-8', () => {
    expect(only('data/a\uD800')).toMatch(/not valid Unicode/);
    expect(only('data/a\uFFFD')).toMatch(/not valid Unicode/);
  });
});

describe('pathSetProblems', () => {
  it('finds case collisions', () => {
    const problems = pathSetProblems(['data/Report.pdf', 'data/report.PDF']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/collides with/);
  });

  it('finds NFC/NFD collisions (macOS-style decomposed names)', () => {
    const composed = 'data/caf\u00e9.txt';
    const decomposed = 'data/cafe\u0301.txt';
    expect(pathSetProblems([composed, decomposed])[0]).toMatch(/collides with/);
  });

  it('finds collisions between directories and a file used as a directory', () => {
    expect(pathSetProblems(['data/A/x', 'data/a/y'], ['data', 'data/A', 'data/a']).join()).toMatch(
      /collides/,
    );
    expect(pathSetProblems(['data/x', 'data/x/y']).join()).toMatch(/parent of it is also listed as a file/);
    expect(pathSetProblems(['data/x', 'data/x'])).toEqual(['"data/x": listed twice']);
    expect(pathSetProblems(['data/x/y'], ['data', 'data/x'])).toEqual([]);
  });
});
