import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../../support/samples.js';

const CORE = path.join(ROOT, 'src-main', 'core');
/** Pure libraries core may use: no I/O, no platform objects. */
// Parsers made for the field, pure JavaScript without I/O of their own (see core/formats/README.md).
const ALLOWED_PACKAGES = new Set([
  'geotiff',
  'proj4',
  'zod',
  'iconv-lite',
  'flatgeobuf',
  'flatbuffers',
  'fflate',
  'papaparse',
  '@xmldom/xmldom',
  '@tmcw/togeojson',
]);
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(path.join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

/** Every import under `core` that leaves it or reaches a platform (node, electron, DOM, sqlite). */
async function coreViolations(core: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await sourceFiles(core)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? '';
      const where = `${path.relative(ROOT, file)} imports ${spec}`;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        // Resources (the EPSG table, profiles) reach core as arguments from an adapter, never as imports.
        if (path.relative(core, target).startsWith('..')) problems.push(where);
        continue;
      }
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
      if (!ALLOWED_PACKAGES.has(pkg)) problems.push(where);
    }
  }
  return problems;
}

describe('core stays pure', () => {
  it('imports nothing from node, electron, the DOM, sqlite or the outer layers', async () => {
    expect(await coreViolations(CORE)).toEqual([]);
  });

  it('catches a core file that reaches for node, electron or an outer layer', async () => {
    const scratch = await tempDir();
    try {
      const core = path.join(scratch.dir, 'core');
      await mkdir(path.join(core, 'formats'), { recursive: true });
      await writeFile(
        path.join(core, 'formats', 'bad.ts'),
        "import { readFile } from 'node:fs';\nimport { app } from 'electron';\nimport type { X } from '../../services/x.js';\nimport { ok } from '../model/ok.js';\nimport table from '../../resources/crs/epsg.json';\n",
      );
      const found = await coreViolations(core);
      expect(found).toHaveLength(4);
      expect(found.join('\n')).toMatch(/node:fs[\s\S]*electron[\s\S]*services[\s\S]*epsg\.json/);
    } finally {
      await scratch.cleanup();
    }
  });

  it('compiles without Node or DOM types (lib ES2022, no @types)', async () => {
    const config = JSON.parse(await readFile(path.join(CORE, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { lib: string[]; types: string[] };
    };
    expect(config.compilerOptions.lib).toEqual(['ES2022']);
    expect(config.compilerOptions.types).toEqual([]);
  });
});
