import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SCAN_DIRS = ['src-main/core/scan', 'src-main/node/scan'];
const FORBIDDEN = [
  /^src-main\/core\/release\//,
  /^src-main\/node\/raster\//,
  /release-service/,
  /\/write[^/]*\.ts$/,
];

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const spec = m[1] ?? m[2];
    if (spec?.startsWith('.') === true) out.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

/** Every source file reachable from the scanner's files by relative imports. */
function reachable(): Set<string> {
  const seen = new Set<string>();
  const todo = SCAN_DIRS.map((d) => join(ROOT, d))
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => join(d, f)))
    .filter((f) => f.endsWith('.ts'));
  while (todo.length > 0) {
    const f = todo.pop();
    if (f === undefined || seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    todo.push(...importsOf(f));
  }
  return seen;
}

describe('the scanner is independent of the release code (ADR 0178)', () => {
  it('reaches the scanner files themselves', () => {
    const files = [...reachable()].map((f) => relative(ROOT, f));
    expect(files).toContain('src-main/core/scan/byte-search.ts');
  });

  it('has no import path to the release transforms, raster writers or the release service', () => {
    const bad = [...reachable()]
      .map((f) => relative(ROOT, f))
      .filter((f) => FORBIDDEN.some((re) => re.test(f)));
    expect(bad).toEqual([]);
  });

  it('would notice a release module if one were imported', () => {
    expect(FORBIDDEN.some((re) => re.test('src-main/core/release/snap-vector.ts'))).toBe(true);
  });
});
