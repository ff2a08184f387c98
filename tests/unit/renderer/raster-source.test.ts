// The raster Range loader (ADR 0126) against a real HTTP server on loopback: never more than
// MAX_IN_FLIGHT requests open, a refused or 5xx request retried until it succeeds, a 4xx not
// retried, and a request aborted while it waits for a slot never sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IN_FLIGHT, rasterLoader } from '../../../src-renderer/map/raster-source.js';

let server: Server;
let base: string;
let open = 0;
let most = 0;
const seen: string[] = [];
/** Per path: how many of its first requests answer 503 before it answers 206. */
const failFirst = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push(path);
    open += 1;
    most = Math.max(most, open);
    const left = failFirst.get(path) ?? 0;
    // Held a little so requests overlap, as tile reads do.
    setTimeout(() => {
      open -= 1;
      if (path.startsWith('/missing')) {
        res.writeHead(404).end();
      } else if (left > 0) {
        failFirst.set(path, left - 1);
        res.writeHead(503).end();
      } else {
        res.writeHead(206, { 'content-range': 'bytes 0-3/100' }).end(Buffer.from([1, 2, 3, 4]));
      }
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
});

const get = (path: string, signal = new AbortController().signal): Promise<Response> =>
  rasterLoader(`${base}${path}`, { Range: 'bytes=0-3' }, signal);

describe('raster Range loader', () => {
  it(`keeps at most ${String(MAX_IN_FLIGHT)} requests open however many are asked at once`, async () => {
    most = 0;
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => get(`/tile/${String(i)}`)));
    expect(responses.every((r) => r.status === 206)).toBe(true);
    const body = await responses[0]?.arrayBuffer();
    expect(new Uint8Array(body ?? new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  });

  it('retries a 503 until the server answers, and gives up on a 404 at once', async () => {
    failFirst.set('/flaky', 2);
    const flaky = await get('/flaky');
    expect(flaky.status).toBe(206);
    expect(seen.filter((p) => p === '/flaky')).toHaveLength(3);
    const missing = await get('/missing');
    expect(missing.status).toBe(404);
    expect(seen.filter((p) => p === '/missing')).toHaveLength(1);
  });

  it('a request aborted while it waits for a slot is never sent', async () => {
    const busy = Array.from({ length: MAX_IN_FLIGHT }, (_, i) => get(`/busy/${String(i)}`));
    const controller = new AbortController();
    const waiting = get('/never', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await Promise.all(busy);
    expect(seen).not.toContain('/never');
  });
});
