import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { StrataError, type ErrorCode, type ErrorParams, type Result } from '../api/errors.js';
import { contentSecurityPolicy } from '../hosting/csp.js';
import type { SessionGate } from '../hosting/session-gate.js';
import { decodePathSegments, resolveStaticPath, statServedFile } from '../hosting/static-path.js';
import type { ServedFile } from '../hosting/workstation.js';
import { openEventStream, type SubscribeEvents } from './event-stream.js';
import { readBody, send, serveFile } from './http-helpers.js';

const MAX_RPC_BODY = 1024 * 1024;
const COOKIE = 'strata_token';
/** The login session (ADR 0175): HttpOnly, so the page's script never holds it. */
const SESSION_COOKIE = 'strata_session';

export interface HarnessOptions {
  /** Who each call acts as, from its session cookie (ADR 0175), and the dispatcher behind. */
  readonly gate: SessionGate;
  readonly resolveFile: (logicalPath: string) => Promise<ServedFile | null>;
  /** Origins of the configured basemap services, allowed as image sources in the page's CSP (ADR 0106). */
  readonly tileOrigins?: () => readonly string[];
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

function cookie(req: IncomingMessage, wanted: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === wanted) return value;
  }
  return undefined;
}

const sessionOf = (req: IncomingMessage): string | null => cookie(req, SESSION_COOKIE) || null;

/** Sets the session cookie to `session`, or expires it. */
const sessionCookie = (session: string | null): string =>
  session === null
    ? `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
    : `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;

/** Exactly one Host header: Node keeps the first of several, so a second one could smuggle another authority. */
const hostCount = (req: IncomingMessage): number =>
  req.rawHeaders.filter((value, index) => index % 2 === 0 && value.toLowerCase() === 'host').length;

const isSafeMethod = (method: string | undefined): boolean => method === 'GET' || method === 'HEAD';

/** One route of the harness: which methods it answers and whether it needs the run token. */
interface Route {
  readonly matches: (pathname: string) => boolean;
  readonly methods: readonly string[];
  readonly needsToken: boolean;
  /** Only for a client with a live session while accounts are enabled (RPC decides per method). */
  readonly needsSession: boolean;
  readonly handle: (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    authorised: boolean,
  ) => Promise<void> | void;
}

/**
 * The development/test host: the same dispatcher as Electron over HTTP on 127.0.0.1, with a
 * per-run token (header for RPC, HttpOnly cookie for file URLs and the event stream), serving the
 * built UI, the stored files with Range support, and job events at /events. With accounts the
 * caller comes from the login session's HttpOnly, SameSite=Strict cookie, which the gate sets and
 * clears (ADR 0175). Never packaged.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const token = randomBytes(24).toString('hex');
  let origin = '';
  const streams = new Set<() => void>();

  /** A contract error body, as the dispatcher would have written it, for refusals made before it. */
  const refuse = (res: ServerResponse, status: number, code: ErrorCode, params: ErrorParams = {}): void => {
    const body: Result<never> = { ok: false, error: { code, params } };
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
  };

  async function rpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, 'json only');
      return;
    }
    const body = await readBody(req, MAX_RPC_BODY);
    if (body === null) {
      send(res, 413, 'too large');
      return;
    }
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      refuse(res, 400, 'INVALID_ARGUMENT', { detail: 'detail.bodyNotJson' });
      return;
    }
    // `null`, numbers, strings and arrays parse as JSON too, but are not a call.
    if (typeof call !== 'object' || call === null || Array.isArray(call)) {
      refuse(res, 400, 'INVALID_ARGUMENT', { detail: 'detail.bodyNotCall' });
      return;
    }
    const { method, args } = call as { method?: unknown; args?: unknown };
    const held = sessionOf(req);
    const answer = await options.gate.call(typeof method === 'string' ? method : '', args, held);
    const extra: Record<string, string> =
      answer.session === held ? {} : { 'Set-Cookie': sessionCookie(answer.session) };
    send(res, 200, JSON.stringify(answer.result), 'application/json; charset=utf-8', extra);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    const close = openEventStream(req, res, options.events, options.eventHeartbeatMs);
    streams.add(close);
    res.once('close', () => {
      streams.delete(close);
    });
  }

  async function files(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const segments = decodePathSegments(url.pathname.slice('/files/'.length));
    let file: ServedFile | null;
    try {
      file = segments ? await options.resolveFile(segments.join('/')) : null;
    } catch (error) {
      // A file that cannot be read (a damaged tile set) answers why, as a contract error body.
      if (!(error instanceof StrataError)) throw error;
      refuse(res, 422, error.code, error.params);
      return;
    }
    if (!file) {
      send(res, 404, 'not found');
      return;
    }
    serveFile(req, res, file, { 'Cache-Control': 'private, max-age=3600' });
  }

  /** The built UI. The page itself is served only with the token, and sets the token cookie. */
  async function ui(req: IncomingMessage, res: ServerResponse, url: URL, authorised: boolean): Promise<void> {
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const extra: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (isPage) {
      if (!authorised && !tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
        send(res, 403, 'open the URL with its token');
        return;
      }
      extra['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      extra['Content-Security-Policy'] = contentSecurityPolicy(options.tileOrigins?.() ?? []);
    }
    const target = resolveStaticPath(options.rendererDir, isPage ? '/index.html' : url.pathname);
    const file = target ? await statServedFile(options.rendererDir, target) : null;
    if (!file) {
      send(res, 404, 'not found');
      return;
    }
    serveFile(req, res, file, extra);
  }

  const routes: readonly Route[] = [
    { matches: (p) => p === '/rpc', methods: ['POST'], needsToken: true, needsSession: false, handle: rpc },
    // Job events carry ids, phases and counts, no archive content: the page subscribes before a login.
    {
      matches: (p) => p === '/events',
      methods: ['GET'],
      needsToken: true,
      needsSession: false,
      handle: events,
    },
    {
      matches: (p) => p.startsWith('/files/'),
      methods: ['GET', 'HEAD'],
      needsToken: true,
      needsSession: true,
      handle: files,
    },
    { matches: () => true, methods: ['GET', 'HEAD'], needsToken: false, needsSession: false, handle: ui },
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (hostCount(req) !== 1) {
      send(res, 400, 'exactly one Host header');
      return;
    }
    // DNS-rebinding guard: only our own loopback authority.
    if (`http://${req.headers.host ?? ''}` !== origin) {
      send(res, 421, 'wrong host');
      return;
    }
    // Pages on other loopback ports are the same site, so the SameSite cookie reaches us from
    // them: a call that can change state must come from our own page, which a browser proves
    // with Origin on every non-GET request. No Origin at all is refused too.
    if (!isSafeMethod(req.method) && req.headers.origin !== origin) {
      refuse(res, 403, 'FORBIDDEN');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const authorised =
      tokenMatches(req.headers['x-strata-token'] as string | undefined, token) ||
      tokenMatches(cookie(req, COOKIE), token);
    const route = routes.find((r) => r.matches(url.pathname));
    if (!route || !route.methods.includes(req.method ?? '')) {
      send(res, 405, 'method not allowed');
      return;
    }
    if (route.needsToken && !authorised) {
      refuse(res, 403, 'FORBIDDEN');
      return;
    }
    // Stored files are the archive's too: with accounts, only for a live session.
    if (route.needsSession && !options.gate.admits(sessionOf(req))) {
      refuse(res, 403, 'SESSION_REQUIRED');
      return;
    }
    await route.handle(req, res, url, authorised);
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });

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
