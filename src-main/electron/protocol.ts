import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { StrataError } from '../api/errors.js';
import { SECURITY_HEADERS, contentSecurityPolicy } from '../hosting/csp.js';
import { contentRange, parseRange, unsatisfiedRange } from '../hosting/http-range.js';
import { decodePathSegments, resolveStaticPath, statServedFile } from '../hosting/static-path.js';
import type { ServedFile } from '../hosting/workstation.js';
import { FILES_PREFIX, isAppUrl } from './app-origin.js';

export interface AppProtocolOptions {
  /** Folder of the built renderer (dist/renderer). */
  readonly rendererRoot: string;
  /** The workstation's resolver for logical paths such as `datasets/<id>/display`. */
  readonly resolveFile: (logicalPath: string) => Promise<ServedFile | null>;
  /** Origins of the configured basemap services, allowed as image sources in the CSP (ADR 0106). */
  readonly tileOrigins?: () => readonly string[];
}

const respond = (
  status: number,
  headers: Record<string, string> = {},
  body: BodyInit | null = null,
): Response =>
  new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers } });

const plain = (status: number, text: string): Response =>
  respond(status, { 'Content-Type': 'text/plain; charset=utf-8' }, text);

/**
 * Streams `file` (or the requested range of it) from disk, never reading it whole; bytes held in
 * memory (a basemap tile) are sent whole.
 */
function serveFile(request: Request, file: ServedFile, extra: Record<string, string>): Response {
  if ('bytes' in file) {
    const headers = {
      ...extra,
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
    };
    return respond(200, headers, request.method === 'HEAD' ? null : new Uint8Array(file.bytes));
  }
  const { size } = file;
  const headers: Record<string, string> = {
    ...extra,
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
  };
  const range = parseRange(request.headers.get('range') ?? undefined, size);
  if (range === 'unsatisfiable') {
    return respond(416, { ...headers, 'Content-Range': unsatisfiedRange(size) });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const length = size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = contentRange(range, size);
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || length === 0) return respond(status, headers);
  // Readable.toWeb returns Node's web stream type; it is the same object the fetch Response takes.
  const body = Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream<Uint8Array>;
  return respond(status, headers, body);
}

async function lookup(pathname: string, options: AppProtocolOptions): Promise<ServedFile | null | 'refused'> {
  if (pathname.startsWith(FILES_PREFIX)) {
    const segments = decodePathSegments(pathname.slice(FILES_PREFIX.length));
    if (segments === null || segments.length === 0) return 'refused';
    return options.resolveFile(segments.join('/'));
  }
  const filePath = resolveStaticPath(options.rendererRoot, pathname);
  return filePath === null ? 'refused' : statServedFile(options.rendererRoot, filePath);
}

/**
 * Answers `app://strata/...`: the built renderer, and `app://strata/files/<logicalPath>` through
 * the workstation, with single-range support (206/416). Every answer, errors included, carries the
 * CSP and nosniff headers. Paths that could leave the renderer folder are refused with 400; a
 * symbolic link in it that leads outside answers 404, as if the file were not there.
 */
export async function handleAppProtocol(request: Request, options: AppProtocolOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return respond(
      405,
      { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
      'Method not allowed',
    );
  }
  if (!isAppUrl(request.url)) return plain(404, 'Not found');
  const { pathname } = new URL(request.url);
  let file: ServedFile | null | 'refused';
  try {
    file = await lookup(pathname, options);
  } catch (error) {
    // A file that cannot be read (a damaged tile set) answers why, as a contract error body.
    if (error instanceof StrataError)
      return respond(
        422,
        { 'Content-Type': 'application/json; charset=utf-8' },
        JSON.stringify({ ok: false, error: { code: error.code, params: error.params } }),
      );
    return plain(500, 'Internal error');
  }
  if (file === 'refused') return plain(400, 'Bad path');
  if (file === null) return plain(404, 'Not found');
  // The UI's own files carry the CSP with the configured basemap origins; stored files need none.
  const csp = pathname.startsWith(FILES_PREFIX)
    ? {}
    : { 'Content-Security-Policy': contentSecurityPolicy(options.tileOrigins?.() ?? []) };
  return serveFile(request, file, csp);
}
