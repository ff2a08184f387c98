import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/samples.js';

const PORTS = path.join(ROOT, 'src-main', 'core', 'ports');
const DECLARED = /^export\s+(?:interface|type)\s+([A-Z]\w*)/gm;

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

async function declaredTypes(files: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const match of (await readFile(file, 'utf8')).matchAll(DECLARED))
      if (match[1]) found.set(match[1], path.relative(ROOT, file));
  }
  return found;
}

describe('ports are declared once, in core/ports', () => {
  it('no adapter, service or host declares a type of the same name as a port', async () => {
    const ports = await declaredTypes(await tsFiles(PORTS));
    expect(ports.size).toBeGreaterThan(10);
    const outside = ['node', 'services', 'hosting'].map((dir) => path.join(ROOT, 'src-main', dir));
    const elsewhere = await declaredTypes((await Promise.all(outside.map(tsFiles))).flat());
    const restated = [...ports.keys()]
      .filter((name) => elsewhere.has(name))
      .map((n) => `${n}: ${elsewhere.get(n) ?? ''}`);
    expect(restated).toEqual([]);
  });

  it('one file per port, every one re-exported by the index', async () => {
    const index = await readFile(path.join(PORTS, 'index.ts'), 'utf8');
    const files = (await readdir(PORTS)).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    for (const file of files) expect(index, file).toContain(`'./${file.replace(/\.ts$/, '.js')}'`);
  });
});
