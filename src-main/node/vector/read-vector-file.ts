import { readSync } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import { detectFormat } from '../../core/formats/detect.js';
import { formatFileError } from '../fs/format-errors.js';
import { readHead } from '../fs/read-head.js';
import { GEOJSON_MAX_CHARS, parseGeoJsonChunks, type VectorData } from '../../core/formats/geojson/index.js';
import { readShapefile } from '../../core/formats/shapefile/index.js';
import type { VectorRead } from '../../core/ports/index.js';

/** Size budgets checked with stat() before any byte is read. */
export const VECTOR_BUDGET = {
  geojsonBytes: GEOJSON_MAX_CHARS,
  shpBytes: 1024 * 1024 * 1024,
  dbfBytes: 1024 * 1024 * 1024,
  sidecarBytes: 64 * 1024,
} as const;

const SIDECARS = ['shx', 'dbf', 'prj', 'cpg'] as const;
type Sidecar = (typeof SIDECARS)[number];

/** Sidecars next to a .shp whose names differ only in extension case (also NFC vs NFD names). */
async function findSidecars(shp: string): Promise<Partial<Record<Sidecar, string>>> {
  const dir = path.dirname(shp);
  const stem = path.basename(shp, path.extname(shp)).normalize('NFC').toLowerCase();
  const found: Partial<Record<Sidecar, string>> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const ext = path.extname(entry.name).slice(1).toLowerCase();
    const base = path.basename(entry.name, path.extname(entry.name)).normalize('NFC').toLowerCase();
    if (base !== stem || !(SIDECARS as readonly string[]).includes(ext)) continue;
    const key = ext as Sidecar;
    // Prefer the exact-case sibling when both `a.dbf` and `a.DBF` exist.
    if (found[key] === undefined || path.extname(entry.name) === `.${ext}`)
      found[key] = path.join(dir, entry.name);
  }
  return found;
}

async function readBudgeted(file: string, budget: number, what: string): Promise<Uint8Array> {
  const { size } = await stat(file);
  if (size > budget) {
    throw new StrataError('TOO_LARGE', {
      file: path.basename(file),
      problem: 'problem.partOverBudget',
      part: what,
      bytes: budget,
    });
  }
  const buf = await readFile(file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Bytes read per step of a GeoJSON parse: the whole document is never in memory at once. */
const GEOJSON_CHUNK = 1024 * 1024;

/**
 * Streams a GeoJSON file through the budgeted parser (ADR 0081). The reads are synchronous because
 * the parser pulls them; in the app it runs in a parse worker, off every event loop that serves.
 */
async function readGeoJsonFile(file: string): Promise<VectorData> {
  const { size } = await stat(file);
  if (size > VECTOR_BUDGET.geojsonBytes) {
    throw new StrataError('TOO_LARGE', {
      file: path.basename(file),
      problem: 'problem.partOverBudget',
      part: 'GeoJSON',
      bytes: VECTOR_BUDGET.geojsonBytes,
    });
  }
  const handle = await open(file, 'r');
  try {
    const chunk = new Uint8Array(GEOJSON_CHUNK);
    return parseGeoJsonChunks(() => chunk.subarray(0, readSync(handle.fd, chunk, 0, chunk.length, null)));
  } finally {
    await handle.close();
  }
}

/**
 * Reads a GeoJSON file or a shapefile set (give the .shp; sidecars are found next to it by name,
 * case-insensitively) into features in the file's own CRS. The format is decided by content.
 * Throws StrataError: FILE_NOT_FOUND, UNSUPPORTED_FORMAT (not a vector format we read),
 * TOO_LARGE (size budgets, checked before reading), CORRUPT_FILE (naming file and problem).
 */
export async function readVectorFile(file: string): Promise<VectorRead> {
  const name = path.basename(file);
  let head: Uint8Array;
  try {
    head = await readHead(file);
  } catch {
    throw new StrataError('FILE_NOT_FOUND', { file: name });
  }
  const format = detectFormat(name, head);
  try {
    if (format === 'GeoJSON') {
      return { format, ...(await readGeoJsonFile(file)), files: [file], notices: [] };
    }
    if (format === 'Shapefile') {
      const sidecars = await findSidecars(file);
      const load = (key: Sidecar, budget: number): Promise<Uint8Array | null> => {
        const p = sidecars[key];
        return p === undefined ? Promise.resolve(null) : readBudgeted(p, budget, `.${key}`);
      };
      const [shp, shx, dbf, prj, cpg] = await Promise.all([
        readBudgeted(file, VECTOR_BUDGET.shpBytes, '.shp'),
        load('shx', VECTOR_BUDGET.shpBytes),
        load('dbf', VECTOR_BUDGET.dbfBytes),
        load('prj', VECTOR_BUDGET.sidecarBytes),
        load('cpg', VECTOR_BUDGET.sidecarBytes),
      ]);
      const files = [file, ...SIDECARS.map((k) => sidecars[k]).filter((p): p is string => p !== undefined)];
      return { format, ...readShapefile({ shp, shx, dbf, prj, cpg }), files };
    }
  } catch (err) {
    throw formatFileError(err, file);
  }
  throw new StrataError('UNSUPPORTED_FORMAT', { file: name, problem: 'problem.unknownFormat' });
}
