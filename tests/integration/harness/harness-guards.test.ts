import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/api/dispatcher.js';
import type { ApiErrorBody } from '../../../src-main/api/errors.js';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server.js';
import { tempDir } from '../../support/samples.js';
import { boundGate } from '../../support/test-dispatch.js';

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

let scratch: { dir: string; cleanup: () => Promise<void> };
let harness: RunningHarness;
let cookie = '';
const dispatched: string[] = [];

// The harness is under test; behind it a dispatcher that only records what reached it.
const recordingDispatch: Dispatch = (method) => {
  dispatched.push(method);
  return Promise.resolve({ ok: true, value: 'dispatched' });
};

function ask(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  const { port } = new URL(harness.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes a request by hand, so it can carry what no HTTP client would send (two Host lines). */
function askRaw(head: string): Promise<string> {
  const { port } = new URL(harness.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.on('error', reject);
  });
}

const errorOf = (answer: Answer): ApiErrorBody => {
  const parsed = JSON.parse(answer.body) as { ok: boolean; error: ApiErrorBody };
  expect(parsed.ok).toBe(false);
  return parsed.error;
};

const rpc = (
  headers: Record<string, string>,
  body = '{"method":"datasets.list","args":{}}',
): Promise<Answer> => ask('POST', '/rpc', { 'content-type': 'application/json', ...headers }, body);

beforeAll(async () => {
  scratch = await tempDir('strata-harness-guards-');
  const renderer = path.join(scratch.dir, 'renderer');
  const outside = path.join(scratch.dir, 'outside');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Strata</title>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(outside, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  await symlink(path.join(outside, 'secret.txt'), path.join(renderer, 'assets', 'leak.txt'));
  await symlink(outside, path.join(renderer, 'elsewhere'));
  await symlink(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'alias.js'));
  // The served folder reached through a link of its own still serves what lies inside it.
  await symlink(renderer, path.join(scratch.dir, 'renderer-link'));
  harness = await startHarness({
    gate: boundGate(recordingDispatch),
    resolveFile: () => Promise.resolve(null),
    events: () => () => undefined,
    rendererDir: path.join(scratch.dir, 'renderer-link'),
  });
  const page = await ask('GET', `/?token=${harness.token}`);
  const setCookie = page.headers['set-cookie']?.[0] ?? '';
  cookie = setCookie.split(';')[0] ?? '';
  expect(cookie).toMatch(/^strata_token=/);
});

afterAll(async () => {
  await harness.close();
  await scratch.cleanup();
});

describe('the harness refuses state-changing calls not made by its own page', () => {
  it('answers a call from its own origin', async () => {
    dispatched.length = 0;
    const answer = await rpc({ cookie, origin: harness.origin });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatched).toEqual(['datasets.list']);
  });

  it.each([
    ['a page on another loopback port, carrying the same-site cookie', { origin: 'http://127.0.0.1:1' }],
    ['a page on localhost', { origin: 'http://localhost' }],
    ['an opaque (sandboxed or file://) origin', { origin: 'null' }],
    ['no Origin at all', {}],
  ])('refuses a POST from %s with 403 FORBIDDEN', async (_, extra: Record<string, string>) => {
    dispatched.length = 0;
    for (const auth of [{ cookie }, { 'x-strata-token': harness.token }]) {
      const answer = await rpc({ ...auth, ...extra });
      expect(answer.status).toBe(403);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      const error = errorOf(answer);
      expect(error.code).toBe('FORBIDDEN');
      // Code + params only: each client renders the refusal in its own language.
      expect(error).toEqual({ code: 'FORBIDDEN', params: {} });
    }
    expect(dispatched).toEqual([]);
  });

  it('checks Origin before the route, so no other method gets past it either', async () => {
    const answer = await ask('DELETE', '/rpc', { cookie, origin: 'http://127.0.0.1:1' });
    expect(answer.status).toBe(403);
    expect(errorOf(answer).code).toBe('FORBIDDEN');
  });
});

describe('the harness answers malformed requests with 400, never 500', () => {
  it.each(['null', '42', '"datasets.list"', '[]', '["datasets.list", {}]', 'true'])(
    'refuses the JSON body %s as INVALID_ARGUMENT',
    async (body) => {
      dispatched.length = 0;
      const answer = await rpc({ cookie, origin: harness.origin }, body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer).code).toBe('INVALID_ARGUMENT');
      expect(dispatched).toEqual([]);
    },
  );

  it('refuses a body that is not JSON as INVALID_ARGUMENT', async () => {
    const answer = await rpc({ cookie, origin: harness.origin }, '{"method":');
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a request with two Host headers, even when the first is its own', async () => {
    const host = new URL(harness.origin).host;
    const twice = await askRaw(
      `GET /assets/app.js HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    expect(twice).toMatch(/^HTTP\/1\.1 400 /);
    const once = await askRaw(`GET /assets/app.js HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(once).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('the harness serves no file through a symbolic link that leads out of the UI folder', () => {
  it('serves files inside, also through a link that stays inside', async () => {
    for (const p of ['/assets/app.js', '/alias.js']) {
      const answer = await ask('GET', p);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('console.log(1)');
    }
  });

  it.each(['/assets/leak.txt', '/elsewhere/secret.txt'])('answers 404 for %s', async (p) => {
    for (const method of ['GET', 'HEAD']) {
      const answer = await ask(method, p, { cookie });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('SECRET');
    }
  });
});
