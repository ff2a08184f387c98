import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'build', 'start-electron.mjs');
const readJson = async (file: string): Promise<unknown> =>
  JSON.parse(await readFile(file, 'utf8')) as unknown;
let dir: string;

// Only what the launcher reads; no ELECTRON_* or npm mirror settings from the developer's shell.
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    XDG_CACHE_HOME: path.join(dir, 'cache'),
  };
  return { ...env, ...extra };
}

function run(scriptPath: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [scriptPath, ...args], {
    env,
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { ...result, ms: Date.now() - started };
}

/** A copy of the launcher in a throw-away app folder, with an optional fake electron installer. */
async function makeApp(name: string, options: { installJs?: string; built?: boolean }): Promise<string> {
  const app = path.join(dir, name);
  await mkdir(path.join(app, 'build'), { recursive: true });
  await copyFile(script, path.join(app, 'build', 'start-electron.mjs'));
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ main: 'dist/main/electron-main.mjs' }));
  if (options.built) {
    await mkdir(path.join(app, 'dist', 'main'), { recursive: true });
    await writeFile(path.join(app, 'dist', 'main', 'electron-main.mjs'), '');
  }
  if (options.installJs !== undefined) {
    const electron = path.join(app, 'node_modules', 'electron');
    await mkdir(electron, { recursive: true });
    await writeFile(path.join(electron, 'package.json'), JSON.stringify({ version: '45.4.1' }));
    await writeFile(path.join(electron, 'install.js'), options.installJs);
  }
  return app;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-start-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start launcher', () => {
  it('prints one line naming the fix and exits 1 when STRATA_ELECTRON_PATH points nowhere', async () => {
    // The zip named is the installed Electron's, or the pinned one when none is installed.
    const installed = (await readJson(path.join(root, 'node_modules', 'electron', 'package.json')).catch(
      () => null,
    )) as { version: string } | null;
    const pinned = (await readJson(path.join(root, 'package.json'))) as {
      devDependencies: Record<string, string>;
    };
    const version = installed?.version ?? pinned.devDependencies['electron'] ?? '';
    const result = run(script, cleanEnv({ STRATA_ELECTRON_PATH: path.join(dir, 'missing', 'electron') }));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron binary not found: set ELECTRON_MIRROR .*"npm run dev"/);
    expect(lines[0]).toContain(`electron-v${version}-${process.platform}-${process.arch}.zip`);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('names the pinned version’s zip when node_modules/electron is absent', async () => {
    const app = await makeApp('not-installed', {});
    await writeFile(
      path.join(app, 'package.json'),
      JSON.stringify({ main: 'dist/main/electron-main.mjs', devDependencies: { electron: '41.7.1' } }),
    );
    const result = run(path.join(app, 'build', 'start-electron.mjs'), cleanEnv({}));
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining(`electron-v41.7.1-${process.platform}-${process.arch}.zip`),
    ]);
  });

  it('gives a hanging installer a time limit, then prints the one line', async () => {
    // An installer that never finishes stands in for a download blocked by an air gap.
    const app = await makeApp('hanging', {
      installJs: 'console.error(new Error("boom").stack); setInterval(() => {}, 1000);',
    });
    const env = cleanEnv({
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      STRATA_ELECTRON_INSTALL_TIMEOUT_MS: '1000',
    });
    const result = run(path.join(app, 'build', 'start-electron.mjs'), env);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^Electron binary not found: /),
    ]);
    expect(result.ms).toBeLessThan(8_000);
  });

  it('does not try to download at all without a mirror or a cached zip', async () => {
    const marker = path.join(dir, 'installer-ran');
    const app = await makeApp('no-mirror', {
      installJs: `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`,
    });
    const result = run(path.join(app, 'build', 'start-electron.mjs'), cleanEnv({}));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Electron binary not found: /);
    await expect(readFile(marker, 'utf8')).rejects.toThrow();
  });

  it('installs from a zip placed in the Electron cache, without a mirror', async () => {
    const marker = path.join(dir, 'cache-installer-ran');
    const app = await makeApp('cached', {
      installJs: `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`,
    });
    const cacheDir = path.join(dir, 'electron-cache', 'a1b2c3');
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path.join(cacheDir, `electron-v45.4.1-${process.platform}-${process.arch}.zip`), '');
    const result = run(
      path.join(app, 'build', 'start-electron.mjs'),
      cleanEnv({ electron_config_cache: path.join(dir, 'electron-cache') }),
    );
    expect(await readFile(marker, 'utf8')).toBe('ran');
    // The fake installer wrote no binary, so the launcher still explains what to do.
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Electron binary not found: /);
  });

  it('stages a zip copied into the cache folder itself where the installer looks for it', async () => {
    const cache = path.join(dir, 'loose-cache');
    const zip = `electron-v45.4.1-${process.platform}-${process.arch}.zip`;
    // @electron/get's folder for the official release URL: sha256 of the folder URL.
    const staged = path.join(
      cache,
      createHash('sha256')
        .update('https://github.com/electron/electron/releases/download/v45.4.1')
        .digest('hex'),
      zip,
    );
    const marker = path.join(dir, 'staged-seen');
    const app = await makeApp('loose', {
      installJs: `const fs = require('node:fs'); fs.writeFileSync(${JSON.stringify(marker)}, fs.readFileSync(${JSON.stringify(staged)}, 'utf8'))`,
    });
    await mkdir(cache, { recursive: true });
    await writeFile(path.join(cache, zip), 'zip bytes');
    run(path.join(app, 'build', 'start-electron.mjs'), cleanEnv({ electron_config_cache: cache }));
    expect(await readFile(marker, 'utf8')).toBe('zip bytes');
  });

  it('runs the binary with "." from the app folder and passes its exit code through', async () => {
    const app = await makeApp('app', { built: true });
    const fake = path.join(dir, 'fake-electron');
    const record = path.join(dir, 'record.txt');
    await writeFile(
      fake,
      `#!/bin/sh\nprintf '%s|%s|%s' "$PWD" "$*" "\${ELECTRON_RUN_AS_NODE:-unset}" > "${record}"\nexit 7\n`,
    );
    await chmod(fake, 0o755);
    const result = run(
      path.join(app, 'build', 'start-electron.mjs'),
      cleanEnv({ STRATA_ELECTRON_PATH: fake, ELECTRON_RUN_AS_NODE: '1' }),
      ['--flag'],
    );
    expect(result.status).toBe(7);
    expect(await readFile(record, 'utf8')).toBe(`${app}|. --flag|unset`);
  });

  it('says to build first when the main bundle is missing', async () => {
    const app = await makeApp('unbuilt', {});
    const result = run(
      path.join(app, 'build', 'start-electron.mjs'),
      cleanEnv({ STRATA_ELECTRON_PATH: process.execPath }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Build output dist/main/electron-main.mjs not found: run "npm run build" first.',
    );
  });
});
