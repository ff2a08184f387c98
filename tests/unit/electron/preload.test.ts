import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../src-main/api/contract.js';
import { METHOD_NAME_LIST } from '../../../src-main/api/method-names.js';
import type { StrataBridge } from '../../../src-main/api/bridge.js';

const electron = await vi.hoisted(async () => {
  const { createElectronDouble } = await import('./electron-double.js');
  return createElectronDouble();
});
vi.mock('electron', () => electron);

let bridge: StrataBridge;

beforeAll(async () => {
  await import('../../../src-main/preload/preload.js');
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
    string,
    StrataBridge,
  ];
  expect(key).toBe('strata');
  bridge = api;
});

describe('preload bridge', () => {
  it('exposes exactly invoke, onEvent and pathForFile, all plain functions', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'pathForFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
  });

  it('forwards a contract method over strata:invoke', async () => {
    await expect(bridge.invoke('datasets.list', {})).resolves.toEqual({ ok: true, value: 'answered' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('strata:invoke', 'datasets.list', {});
  });

  it('rejects unknown or non-string methods without touching IPC', async () => {
    electron.ipcRenderer.invoke.mockClear();
    for (const method of [
      'fs.readFile',
      'constructor',
      '__proto__',
      '',
      42,
      null,
      { toString: () => 'datasets.list' },
    ]) {
      await expect(bridge.invoke(method as string, {})).rejects.toThrow(TypeError);
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('relays only the subscribed event and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent('job.progress', listener);
    const relay = electron.ipcRenderer.on.mock.calls.at(-1)?.[1] as unknown as (...a: unknown[]) => void;
    expect(electron.ipcRenderer.on.mock.calls.at(-1)?.[0]).toBe('strata:event');
    relay({}, 'job.progress', { done: 1 });
    relay({}, 'other.event', { done: 2 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ done: 1 });
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('strata:event', relay);
  });

  it('refuses unknown event names and non-function listeners', () => {
    expect(() => bridge.onEvent('anything' as 'job.progress', vi.fn())).toThrow(TypeError);
    expect(() => bridge.onEvent('job.progress', 'code' as unknown as () => void)).toThrow(TypeError);
  });

  it('resolves a dropped file path through webUtils', () => {
    const file = new File(['x'], 'dem.tif');
    expect(bridge.pathForFile(file)).toBe('/data/dropped.tif');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });
});

describe('method name list used by the preload', () => {
  it('equals the contract method names', () => {
    expect([...METHOD_NAME_LIST].sort()).toEqual([...METHOD_NAMES].sort());
  });
});

describe('built preload bundle', () => {
  it('is CommonJS that requires nothing but electron (a sandboxed preload can load nothing else)', async () => {
    const { build } = await import('vite');
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../..');
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'strata-preload-'));
    try {
      // The options build/build.mjs uses for dist/preload (rolldownOptions: Vite 8's name for them).
      await build({
        configFile: false,
        root,
        logLevel: 'silent',
        build: {
          ssr: true,
          target: 'node20',
          outDir,
          rolldownOptions: {
            input: { preload: path.join(root, 'src-main/preload/preload.ts') },
            external: ['electron'],
            output: { format: 'cjs', entryFileNames: '[name].cjs' },
          },
        },
      });
      const code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
      const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
      expect(new Set(required)).toEqual(new Set(['electron']));
      expect(code).not.toMatch(/\bimport\s*\(|\bfrom\s+["']/);
      expect(code).toContain('datasets.list');
      expect(code.length).toBeLessThan(10_000);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
