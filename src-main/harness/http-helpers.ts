import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../hosting/csp.js';
import { parseRange } from '../hosting/http-range.js';
import type { ServedFile } from '../hosting/workstation.js';

/** A plain-text (or typed) answer with the security headers every harness response carries. */
export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** The request body as text, or null once it passes `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Streams a file, honouring a single HTTP Range (206/416), as geotiff.js and OpenLayers expect;
 * bytes held in memory (a basemap tile) are sent whole.
 */
export function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: ServedFile,
  extra: Record<string, string> = {},
): void {
  if ('bytes' in file) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...extra,
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
    });
    res.end(req.method === 'HEAD' ? undefined : file.bytes);
    return;
  }
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
