import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleAppProtocol, type AppProtocolOptions } from '../../../src-main/electron/protocol.js';

let dir: string;
let options: AppProtocolOptions;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-protocol-links-'));
  const renderer = path.join(dir, 'renderer');
  const outside = path.join(dir, 'outside');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Strata</title>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(outside, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  await writeFile(path.join(dir, 'renderer-sibling.txt'), 'SECRET-SIBLING');
  await symlink(path.join(outside, 'secret.txt'), path.join(renderer, 'assets', 'leak.txt'));
  await symlink(outside, path.join(renderer, 'elsewhere'));
  // A sibling whose name starts like the folder's: a string-prefix check would let it through.
  await symlink(path.join(dir, 'renderer-sibling.txt'), path.join(renderer, 'sibling.txt'));
  await symlink(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'alias.js'));
  await symlink(renderer, path.join(dir, 'renderer-link'));
  options = { rendererRoot: path.join(dir, 'renderer-link'), resolveFile: () => Promise.resolve(null) };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  handleAppProtocol(new Request(url, { method }), options);

describe('app:// never follows a symbolic link out of the renderer folder', () => {
  it.each(['app://strata/assets/leak.txt', 'app://strata/elsewhere/secret.txt', 'app://strata/sibling.txt'])(
    'answers 404 for %s',
    async (url) => {
      for (const method of ['GET', 'HEAD']) {
        const response = await get(url, method);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('SECRET');
      }
    },
  );

  it('still serves files inside, through a link that stays inside and through a linked root', async () => {
    for (const url of ['app://strata/assets/app.js', 'app://strata/alias.js']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await response.text()).toBe('console.log(1)');
    }
    expect(await (await get('app://strata/')).text()).toContain('<title>Strata</title>');
  });
});
