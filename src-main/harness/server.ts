import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatcher.js';
import { SECURITY_HEADERS } from '../hosting/csp.js';
import { parseRange } from '../hosting/http-range.js';
import { contentTypeFor, decodePathSegments, resolveStaticPath } from '../hosting/static-path.js';
import type { ServedFile } from '../hosting/workstation.js';
import { openEventStream, type SubscribeEvents } from './event-stream.js';

const MAX_RPC_BODY = 1024 * 1024;
const COOKIE = 'strata_token';

export interface HarnessOptions {
  readonly dispatch: Dispatch;
  readonly resolveFile: (logicalPath: string) => Promise<ServedFile | null>;
  /** Host events (job progress) served at GET /events as Server-Sent Events. */
  readonly events: SubscribeEvents;
  /** Interval of the keep-alive comment on /events (default 15 s). */
  readonly eventHeartbeatMs?: number;
  /** Built renderer (dist/renderer). */
  readonly rendererDir: string;
  readonly port?: number;
}

export interface RunningHarness {
  /** Page URL including the per-run token: `http://127.0.0.1:<port>/?token=<token>`. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE) return value;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RPC_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams a file, honouring a single HTTP Range (206/416), as geotiff.js and OpenLayers expect. */
function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: { path: string; size: number; contentType: string },
  extra: Record<string, string> = {},
): void {
  const range = parseRange(req.headers.range, file.size);
  const headers = {
    ...SECURITY_HEADERS,
    ...extra,
    'Accept-Ranges': 'bytes',
    'Content-Type': file.contentType,
  };
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${String(file.size)}` });
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? file.size - 1;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range ? { 'Content-Range': `bytes ${String(start)}-${String(end)}/${String(file.size)}` } : {}),
  });
  if (req.method === 'HEAD' || file.size === 0) {
    res.end();
    return;
  }
  createReadStream(file.path, { start, end })
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * The development/test host: the same dispatcher as Electron over HTTP on 127.0.0.1, with a
 * per-run token (header for RPC, HttpOnly cookie for file URLs and the event stream), serving the
 * built UI, the stored files with Range support, and job events at /events. Never packaged.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const token = randomBytes(24).toString('hex');
  let origin = '';
  const streams = new Set<() => void>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback authority.
    if (`http://${req.headers.host ?? ''}` !== origin) {
      send(res, 421, 'wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const authorised =
      tokenMatches(req.headers['x-strata-token'] as string | undefined, token) ||
      tokenMatches(cookieToken(req), token);

    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') {
        send(res, 405, 'method not allowed');
        return;
      }
      if (!authorised) {
        send(res, 403, 'forbidden');
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, 'json only');
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        send(res, 413, 'too large');
        return;
      }
      let call: { method?: unknown; args?: unknown };
      try {
        call = JSON.parse(body) as { method?: unknown; args?: unknown };
      } catch {
        send(res, 400, 'bad json');
        return;
      }
      const result = await options.dispatch(typeof call.method === 'string' ? call.method : '', call.args);
      send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed');
      return;
    }

    if (url.pathname === '/events') {
      if (!authorised) {
        send(res, 403, 'forbidden');
        return;
      }
      if (req.method !== 'GET') {
        send(res, 405, 'method not allowed');
        return;
      }
      const close = openEventStream(req, res, options.events, options.eventHeartbeatMs);
      streams.add(close);
      res.once('close', () => {
        streams.delete(close);
      });
      return;
    }

    if (url.pathname.startsWith('/files/')) {
      if (!authorised) {
        send(res, 403, 'forbidden');
        return;
      }
      const segments = decodePathSegments(url.pathname.slice('/files/'.length));
      const file = segments ? await options.resolveFile(segments.join('/')) : null;
      if (!file) {
        send(res, 404, 'not found');
        return;
      }
      serveFile(req, res, file, { 'Cache-Control': 'private, max-age=3600' });
      return;
    }

    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const extra: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (isPage) {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token) && !authorised) {
        send(res, 403, 'open the URL with its token');
        return;
      }
      extra['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    const target = resolveStaticPath(options.rendererDir, isPage ? '/index.html' : url.pathname);
    const stats = target ? await stat(target).catch(() => null) : null;
    if (!target || !stats?.isFile()) {
      send(res, 404, 'not found');
      return;
    }
    serveFile(req, res, { path: target, size: stats.size, contentType: contentTypeFor(target) }, extra);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${String(port)}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const close of [...streams]) close();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
