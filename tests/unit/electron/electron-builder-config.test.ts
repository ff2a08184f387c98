import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml and app-builder-lib come with electron-builder (pinned in package.json); using them here
// checks the file exactly as `electron-builder` itself will read and validate it.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (
    config: unknown,
    logger: { isEnabled: boolean; add: (key: string, value: unknown) => void },
  ) => Promise<void>;
};

const root = path.resolve(import.meta.dirname, '../../..');
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const quietLogger = { isEnabled: false, add: () => undefined };

interface Target {
  target: string;
  arch: string[];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('would catch a misspelt fuse (the validation is real)', async () => {
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsnode: false } }, quietLogger),
    ).rejects.toThrow(/electronFuses/);
  });

  it('flips the hardening fuses', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('identifies the app, packs into asar and never publishes or auto-updates', () => {
    expect(config['appId']).toBe('cn.strata.workstation');
    expect(config['productName']).toBe('Strata');
    expect(config['asar']).toBe(true);
    expect(config['publish']).toBeNull();
  });

  it('ships the built app but not the harness or CLI bundles, sources or tests', () => {
    const files = config['files'] as string[];
    for (const included of [
      'package.json',
      'dist/main/**',
      'dist/preload/**',
      'dist/renderer/**',
      'resources/**',
    ]) {
      expect(files).toContain(included);
    }
    expect(files).toContain('!dist/main/harness.mjs');
    expect(files).toContain('!dist/main/cli.mjs');
    expect(files.some((pattern) => /^src|^tests/.test(pattern))).toBe(false);
  });

  it('ships the EPSG table the main process reads from resources/ at start', () => {
    expect(config['files'] as string[]).toContain('resources/**');
    expect(existsSync(path.join(root, 'resources', 'crs', 'epsg.json'))).toBe(true);
  });

  it('targets Windows NSIS and Linux AppImage + deb on x64 and arm64', () => {
    const targets = (platform: string): Target[] => (config[platform] as { target: Target[] }).target;
    expect(targets('win')).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(targets('linux')).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
  });

  it('is the package.json "main" the build produces', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/electron-main.mjs');
  });
});
