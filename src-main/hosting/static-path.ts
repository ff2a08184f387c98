import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileOnDisk } from './workstation.js';

const SEPARATOR_OR_DRIVE = /[\\/:]/;
// Windows opens these as devices whatever the folder or extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

const hasControlCharacter = (s: string): boolean => {
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

const isSafeSegment = (segment: string): boolean =>
  segment !== '' &&
  segment !== '.' &&
  segment !== '..' &&
  !SEPARATOR_OR_DRIVE.test(segment) &&
  !WINDOWS_DEVICE.test(segment) &&
  !hasControlCharacter(segment);

/**
 * Splits a URL path (`/a/b%20c`) into decoded segments, refusing anything that could step outside
 * a root once decoded: `.`/`..`, empty segments, slashes or backslashes hidden by encoding, drive
 * colons, Windows device names, NUL and control characters, and malformed percent escapes. `null` means refuse.
 */
export function decodePathSegments(urlPath: string): string[] | null {
  const raw = urlPath.startsWith('/') ? urlPath.slice(1) : urlPath;
  if (raw === '') return [];
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (!isSafeSegment(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * Absolute file path under `root` for a URL path, or `null` when the path is refused or would
 * resolve outside `root` (checked with `path.relative`, never with a string prefix).
 * An empty path means `index.html`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  const segments = decodePathSegments(urlPath);
  if (segments === null) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, ...(segments.length === 0 ? ['index.html'] : segments));
  return isStrictlyInside(base, target) ? target : null;
}

function isStrictlyInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * The regular file `target` names (from {@link resolveStaticPath}), once every symbolic link on the
 * way, the root's own included, is resolved: `null` when it is missing, not a regular file, or
 * really lies outside `root` (a link inside the folder pointing elsewhere). The answer carries the
 * real path, so the file is then opened without going through the link again.
 */
export async function statServedFile(root: string, target: string): Promise<FileOnDisk | null> {
  try {
    const [base, real] = await Promise.all([realpath(root), realpath(target)]);
    if (!isStrictlyInside(base, real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size, contentType: contentTypeFor(target) } : null;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content-Type for a served file name; unknown extensions are opaque bytes. */
export const contentTypeFor = (fileName: string): string =>
  CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
