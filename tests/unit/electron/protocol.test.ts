import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../src-main/hosting/csp.js';
import type { ServedFile } from '../../../src-main/hosting/workstation.js';
import { handleAppProtocol, type AppProtocolOptions } from '../../../src-main/electron/protocol.js';

let dir: string;
let options: AppProtocolOptions;
// 1000 bytes whose value is their offset modulo 251, so any wrong offset shows.
const raster = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const LOGICAL = 'datasets/ds_0123456789abcdef/display';
const resolved: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-protocol-'));
  const renderer = path.join(dir, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Strata</title>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(renderer, 'assets', '地图 样式.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  const rasterPath = path.join(dir, 'store', 'display.tif');
  await mkdir(path.dirname(rasterPath));
  await writeFile(rasterPath, raster);
  const served = new Map<string, ServedFile>([
    [LOGICAL, { path: rasterPath, size: raster.length, contentType: 'image/tiff' }],
  ]);
  options = {
    rendererRoot: renderer,
    resolveFile: (logicalPath) => {
      resolved.push(logicalPath);
      return Promise.resolve(served.get(logicalPath) ?? null);
    },
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
  handleAppProtocol(new Request(url, { headers, method }), options);

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('app:// renderer files', () => {
  it('serves index.html for the root and by name, as UTF-8 HTML', async () => {
    for (const url of ['app://strata/', 'app://strata/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Strata</title>');
      expectSecurityHeaders(response);
    }
  });

  it('serves scripts as JavaScript and decodes percent-encoded names', async () => {
    const script = await get('app://strata/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get(`app://strata/assets/${encodeURIComponent('地图 样式.css')}`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe('body{}');
  });

  it.each([
    'app://strata/../secret.txt',
    'app://strata/%2e%2e/secret.txt',
    'app://strata/assets/%2e%2e/%2e%2e/secret.txt',
    'app://strata/..%2fsecret.txt',
    'app://strata/..%5csecret.txt',
    'app://strata/..\\secret.txt',
    'app://strata/assets/..\\..\\secret.txt',
    'app://strata/%2fetc%2fpasswd',
    'app://strata/C:%5cWindows%5cwin.ini',
    'app://strata/index.html%00.js',
    'app://strata/assets//app.js',
    'app://strata/%E0%A4%A',
    'app://strata/../etc/passwd',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect([400, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('SECRET');
    expectSecurityHeaders(response);
  });

  it('refuses encoded traversal with 400, not by accident of a missing file', async () => {
    expect((await get('app://strata/..%2fsecret.txt')).status).toBe(400);
    expect((await get('app://strata/..\\secret.txt')).status).toBe(400);
  });

  it('answers 404 for a missing file and a folder, and 405 for POST', async () => {
    expect((await get('app://strata/nope.js')).status).toBe(404);
    expect((await get('app://strata/assets')).status).toBe(404);
    const post = await get('app://strata/index.html', {}, 'POST');
    expect(post.status).toBe(405);
    expectSecurityHeaders(post);
  });

  it('answers 404 for other app hosts', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });
});

describe('app://strata/files/<logicalPath>', () => {
  const url = `app://strata/files/${LOGICAL}`;

  it('serves the whole file with its content type and Accept-Ranges', async () => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/tiff');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(raster);
    expectSecurityHeaders(response);
  });

  it('answers a range with 206, Content-Range and exactly those bytes', async () => {
    const response = await get(url, { Range: 'bytes=100-355' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-355/1000');
    expect(response.headers.get('content-length')).toBe('256');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(raster.slice(100, 356));
    expectSecurityHeaders(response);
  });

  it('answers open-ended and suffix ranges', async () => {
    const tail = await get(url, { Range: 'bytes=990-' });
    expect(tail.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(raster.slice(990));
    const suffix = await get(url, { Range: 'bytes=-4' });
    expect(suffix.status).toBe(206);
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(raster.slice(996));
  });

  it('answers 416 with bytes */size for a range past the end', async () => {
    for (const range of ['bytes=1000-1001', 'bytes=5-2', 'bytes=x-y']) {
      const response = await get(url, { Range: range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range')).toBe('bytes */1000');
      expectSecurityHeaders(response);
    }
  });

  it('answers HEAD with the length and no body', async () => {
    const response = await get(url, {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 404 for a logical path the workstation does not know', async () => {
    const response = await get('app://strata/files/datasets/ds_ffffffffffffffff/display');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('refuses traversal in logical paths before asking the workstation', async () => {
    resolved.length = 0;
    for (const bad of [
      'app://strata/files/..%2f..%2fsecret.txt',
      'app://strata/files/',
      'app://strata/files/a%5c..%5cb',
    ]) {
      const response = await get(bad);
      expect(response.status, bad).toBe(400);
    }
    expect(resolved).toEqual([]);
  });
});

describe('app:// basemaps (ADR 0106)', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const tileOptions = (origins: readonly string[]): AppProtocolOptions => ({
    rendererRoot: options.rendererRoot,
    tileOrigins: () => origins,
    resolveFile: (logicalPath) => {
      if (logicalPath === 'basemaps/guilin/9/413/220')
        return Promise.resolve({ bytes: png, contentType: 'image/png' });
      if (logicalPath === 'basemaps/broken/0/0/0')
        return Promise.reject(
          new StrataError('TOO_LARGE', {
            file: 'b.mbtiles',
            problem: 'problem.tileTooLarge',
            zoom: 0,
            column: 0,
            row: 0,
            maxMb: 2,
          }),
        );
      return Promise.resolve(null);
    },
  });

  it('sends a tile held in memory whole, as stored', async () => {
    const response = await handleAppProtocol(
      new Request('app://strata/files/basemaps/guilin/9/413/220'),
      tileOptions([]),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
    expectSecurityHeaders(response);
  });

  it('answers a tile that cannot be read with the contract error body', async () => {
    const response = await handleAppProtocol(
      new Request('app://strata/files/basemaps/broken/0/0/0'),
      tileOptions([]),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        params: { file: 'b.mbtiles', problem: 'problem.tileTooLarge', zoom: 0, column: 0, row: 0, maxMb: 2 },
      },
    });
  });

  it('puts the configured service origins in the UI page’s CSP, and only there', async () => {
    const page = await handleAppProtocol(new Request('app://strata/'), tileOptions(['http://10.0.0.5:8080']));
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy(['http://10.0.0.5:8080']));
    const plain = await handleAppProtocol(new Request('app://strata/'), tileOptions([]));
    expect(plain.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
