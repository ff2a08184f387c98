import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PayloadHit } from '../../core/ports/index.js';
import type { SecretPattern } from '../../core/scan/secret-patterns.js';
import { CoordinateScanner, Float64Scanner } from '../../core/scan/number-tokens.js';
import { scanFileBytes } from './scan-file-bytes.js';

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(root, full)));
    else out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * The numbers of a file read as UTF-8 text, looked up among the source's coordinates. A file with
 * a NUL byte or bytes that are not UTF-8 is binary: its numbers are the raw search's float patterns.
 */
async function coordinateHits(file: string, coordinates: ReadonlySet<string>): Promise<number[]> {
  if (coordinates.size === 0) return [];
  const scanner = new CoordinateScanner(coordinates);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return [];
      scanner.push(decoder.decode(bytes, { stream: true }));
    }
    scanner.push(decoder.decode());
  } catch (error) {
    if (error instanceof TypeError) return [];
    throw error;
  }
  scanner.end();
  return scanner.hits.map((h) => h.offset);
}

async function float64Hits(file: string, values: ReadonlySet<number>): Promise<number[]> {
  if (values.size === 0) return [];
  const scanner = new Float64Scanner(values);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    scanner.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  }
  return scanner.hits.map((h) => h.offset);
}

/**
 * Re-reads every file under `dir` (a bag's `data/` as written) for the inventory's byte patterns
 * and for the source's exact coordinates: as decimal text in text files, as binary doubles in any
 * file. Raw bytes only: a value inside a
 * compressed TIFF strip or a zip entry is not seen here (ADR 0178).
 */
export async function scanPayload(
  dir: string,
  patterns: readonly SecretPattern[],
  coordinates: ReadonlySet<string>,
): Promise<PayloadHit[]> {
  const hits: PayloadHit[] = [];
  const values = new Set([...coordinates].map(Number));
  for (const file of await filesUnder(dir)) {
    const full = path.join(dir, file);
    for (const hit of (await scanFileBytes(full, patterns)).hits)
      hits.push({ file, kind: hit.kind, encoding: hit.encoding, offset: hit.offset });
    for (const offset of await coordinateHits(full, coordinates))
      hits.push({ file, kind: 'sourceCoordinate', encoding: 'decimal', offset });
    for (const offset of await float64Hits(full, values))
      hits.push({ file, kind: 'sourceCoordinate', encoding: 'float64', offset });
  }
  return hits;
}
