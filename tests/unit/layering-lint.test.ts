import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/samples.js';

/** The project's own per-folder import rules, applied without type information. */
const projectConfig = (
  (await import(pathToFileURL(path.join(ROOT, 'eslint.config.js')).href)) as { default: Linter.Config[] }
).default;
const layering: Linter.Config[] = projectConfig.filter(
  (entry) => entry.files !== undefined && entry.rules?.['no-restricted-imports'] !== undefined,
);
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...layering,
  ],
});

async function blocked(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layering is enforced by lint', () => {
  it.each([
    ['src-main/core/formats/x.ts', "import { readFile } from 'node:fs';"],
    ['src-main/core/formats/x.ts', "import { app } from 'electron';"],
    ['src-main/core/review/x.ts', "import sqlite3 from 'sqlite3';"],
    ['src-main/core/review/x.ts', "import type { X } from '../../services/deps.js';"],
    ['src-main/core/crs/x.ts', "import table from '../../../resources/crs/epsg.json';"],
    ['src-main/core/ports/x.ts', "import type { VerifyResult } from '../../api/types.js';"],
    ['src-main/api/x.ts', "import { openCatalogue } from '../node/store/index.js';"],
    ['src-main/services/x.ts', "import { openCatalogue } from '../node/store/index.js';"],
    ['src-main/services/x.ts', "import { ipcMain } from 'electron';"],
    ['src-main/node/x.ts', "import { createHandlers } from '../services/create-handlers.js';"],
    ['src-main/services/x.ts', "import { createJobRegistry } from '../hosting/jobs.js';"],
    ['src-main/hosting/x.ts', "import { startHarness } from '../harness/server.js';"],
    ['src-main/harness/x.ts', "import { app } from 'electron';"],
    ['src-main/preload/x.ts', "import { readFile } from 'node:fs';"],
    [
      'src-renderer/features/x.ts',
      "import { openWorkstation } from '../../src-main/hosting/open-workstation.js';",
    ],
    ['src-renderer/features/x.ts', "import { readFile } from 'node:fs';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await blocked(file, source)).toBe(true);
  });

  it.each([
    ['src-main/core/formats/x.ts', "import proj4 from 'proj4';"],
    ['src-main/services/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-renderer/features/x.ts', "import type { ApiClient } from '../../src-main/api/contract.js';"],
  ])('%s may: %s', async (file, source) => {
    expect(await blocked(file, source)).toBe(false);
  });
});
