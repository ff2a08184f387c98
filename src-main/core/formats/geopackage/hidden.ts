import type { SubjectText } from '../../model/index.js';
import type { ByteSource, ReadonlySql } from '../../ports/index.js';
import { xmlText } from '../metadata-sidecars.js';
import { sqliteHeader, type SqliteHeader } from './sqlite-header.js';
import { RESIDUE_MIN_WEIGHT, textRuns } from '../text-runs.js';

/** Bounds of the free-space scan: pages read per chunk, non-zero free-space bytes scanned, runs kept. */
export const FREE_SPACE_LIMITS = {
  chunkPages: 256,
  maxScanBytes: 16 * 1024 * 1024,
  maxRuns: 200,
  maxFreelistPages: 1_000_000,
} as const;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** GDAL's own bookkeeping in gpkg_metadata: the source's media type, an empty native-data object. */
const gdalBookkeeping = (xml: string): string =>
  xml
    .replace(/<MDI key="NATIVE_MEDIA_TYPE">[^<]*<\/MDI>/g, '')
    .replace(/<MDI key="NATIVE_DATA">\s*\{\s*\}\s*<\/MDI>/g, '');

/** The rows of gpkg_metadata (ISO/FGDC/GDAL documents), their text, named by id and scope. */
export async function gpkgMetadataTexts(db: ReadonlySql): Promise<SubjectText[]> {
  const exists = await db.all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_metadata'");
  if (exists.length === 0) return [];
  const rows = await db.all('SELECT id, md_scope, mime_type, metadata FROM gpkg_metadata ORDER BY id');
  const texts: SubjectText[] = [];
  for (const row of rows) {
    const body = text(row['metadata']) ?? '';
    const xml = /xml/i.test(text(row['mime_type']) ?? '') || body.trimStart().startsWith('<');
    const content = (xml ? xmlText(gdalBookkeeping(body)) : body).trim();
    if (content === '') continue;
    const scope = text(row['md_scope']) ?? '';
    texts.push({
      part: 'gpkg.metadata',
      name: `gpkg_metadata ${String(row['id'])} ${scope}`.trim(),
      text: content,
    });
  }
  return texts;
}

interface Header extends SqliteHeader {
  readonly pageCount: number;
}

function readHeader(head: Uint8Array, fileSize: number): Header | null {
  const h = sqliteHeader(head);
  return h === null ? null : { ...h, pageCount: Math.floor(fileSize / h.pageSize) };
}

/** Free pages: the freelist's trunk pages (past their list) and leaf pages, by page number (1-based). */
async function freelist(source: ByteSource, h: Header): Promise<Map<number, number>> {
  // page number -> first byte of the page that may hold old content
  const free = new Map<number, number>();
  for (let trunk = h.freelistTrunk; trunk > 0 && trunk <= h.pageCount && !free.has(trunk);) {
    if (free.size > FREE_SPACE_LIMITS.maxFreelistPages) break;
    const page = await source.read((trunk - 1) * h.pageSize, h.pageSize);
    const v = new DataView(page.buffer, page.byteOffset, page.byteLength);
    const leaves = Math.min(v.getUint32(4, false), (h.pageSize - 8) / 4);
    free.set(trunk, 8 + leaves * 4);
    for (let i = 0; i < leaves; i += 1) {
      const leaf = v.getUint32(8 + i * 4, false);
      if (leaf > 0 && leaf <= h.pageCount) free.set(leaf, 0);
    }
    trunk = v.getUint32(0, false);
  }
  return free;
}

type Span = readonly [number, number];

/**
 * The spans of a b-tree page that hold no live cell: the unallocated gap between the cell-pointer
 * array and the cell content area, and the freeblock chain (deleted cells, past each block's
 * 4-byte link). Null when the page does not read as a b-tree page (an overflow page, damage).
 */
export function btreeFreeSpans(page: Uint8Array, headerAt: number): Span[] | null {
  const v = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const type = page[headerAt];
  if (type !== 0x02 && type !== 0x05 && type !== 0x0a && type !== 0x0d) return null;
  const headerLength = type === 0x02 || type === 0x05 ? 12 : 8;
  const cells = v.getUint16(headerAt + 3, false);
  const contentRaw = v.getUint16(headerAt + 5, false);
  const content = contentRaw === 0 ? 65536 : contentRaw;
  const pointersEnd = headerAt + headerLength + cells * 2;
  if (pointersEnd > content || content > page.length) return null;
  const spans: Span[] = [[pointersEnd, content]];
  const seen = new Set<number>();
  for (let block = v.getUint16(headerAt + 1, false); block !== 0;) {
    if (seen.has(block) || block < content || block + 4 > page.length) return spans;
    seen.add(block);
    const size = v.getUint16(block + 2, false);
    if (size < 4 || block + size > page.length) return spans;
    spans.push([block + 4, block + size]);
    block = v.getUint16(block, false);
  }
  return spans;
}

/**
 * Text left in a SQLite file's free space (ADR 0162): freed pages on the freelist, and in every
 * b-tree page the unallocated gap and freeblocks where deleted rows' cells stay until VACUUM (when
 * secure_delete was off, SQLite's default). The file is read in bounded chunks of pages; text runs
 * in UTF-8, GBK and UTF-16LE, each distinct text once, named by page number and encoding.
 */
export async function sqliteFreeSpaceTexts(source: ByteSource): Promise<SubjectText[]> {
  const h = readHeader(await source.read(0, Math.min(100, source.size)), source.size);
  if (h === null) return [];
  const free = await freelist(source, h);
  const texts: SubjectText[] = [];
  const seen = new Set<string>();
  let budget: number = FREE_SPACE_LIMITS.maxScanBytes;
  const scan = (bytes: Uint8Array, pageNo: number): void => {
    // Cleared space (most gaps of live pages) costs nothing of the budget: it holds no text.
    if (bytes.every((b) => b === 0)) return;
    budget -= bytes.length;
    for (const run of textRuns(bytes, {
      minWeight: RESIDUE_MIN_WEIGHT,
      maxRuns: FREE_SPACE_LIMITS.maxRuns,
    })) {
      if (seen.has(run.text) || texts.length >= FREE_SPACE_LIMITS.maxRuns) continue;
      seen.add(run.text);
      texts.push({
        part: 'sqlite.free-space',
        name: `page ${String(pageNo)} ${run.encoding}`,
        text: run.text,
      });
    }
  };
  const chunk = FREE_SPACE_LIMITS.chunkPages * h.pageSize;
  for (let first = 1; first <= h.pageCount && budget > 0 && texts.length < FREE_SPACE_LIMITS.maxRuns;) {
    const bytes = await source.read(
      (first - 1) * h.pageSize,
      Math.min(chunk, (h.pageCount - first + 1) * h.pageSize),
    );
    const pages = Math.floor(bytes.length / h.pageSize);
    for (let k = 0; k < pages && budget > 0; k += 1) {
      const pageNo = first + k;
      const page = bytes.subarray(k * h.pageSize, (k + 1) * h.pageSize);
      const freeFrom = free.get(pageNo);
      if (freeFrom !== undefined) {
        scan(page.subarray(freeFrom), pageNo);
        continue;
      }
      for (const [a, b] of btreeFreeSpans(page, pageNo === 1 ? 100 : 0) ?? [])
        scan(page.subarray(a, b), pageNo);
    }
    first += Math.max(1, pages);
  }
  return texts;
}
