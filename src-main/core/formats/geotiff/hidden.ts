import type { SubjectText } from '../../model/index.js';
import type { ByteSource } from '../../ports/index.js';
import { decodeMetadataText, RESIDUE_MIN_WEIGHT, textRuns } from '../text-runs.js';
import { xmlText } from '../metadata-sidecars.js';
import { readTiffDirectory, type Ifd, type TiffDirectory } from './ifd-reader.js';
import { TAG } from './tiff-tags.js';

/** The descriptive ASCII tags of TIFF 6.0 a writer fills with free text. */
const TEXT_TAGS: ReadonlyMap<number, string> = new Map([
  [269, 'DocumentName'],
  [270, 'ImageDescription'],
  [305, 'Software'],
  [306, 'DateTime'],
  [315, 'Artist'],
  [316, 'HostComputer'],
  [33432, 'Copyright'],
]);
const GDAL_METADATA = 42112;
const XMP = 700;

/** Bounds of the unreferenced-bytes scan: bytes read in all, per read, and runs reported. */
export const RESIDUE_LIMITS = {
  maxScanBytes: 16 * 1024 * 1024,
  chunkBytes: 1024 * 1024,
  maxRuns: 200,
} as const;

/** GDAL_METADATA roles and domains that are structure, not description (scale/offset, COG layout). */
const STRUCTURAL_ROLES = new Set(['scale', 'offset', 'unittype', 'colorinterp']);
const STRUCTURAL_DOMAINS = new Set(['IMAGE_STRUCTURE', 'DERIVED_SUBDATASETS']);

const attr = (tag: string, name: string): string | null =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** GDAL_METADATA's items: `<Item name=… sample=… role=…>text</Item>`, band descriptions named so. */
export function gdalMetadataItems(xml: string): SubjectText[] {
  const items: SubjectText[] = [];
  for (const m of xml.matchAll(/<Item\b([^>]*)>([\s\S]*?)<\/Item>/g)) {
    const head = m[1] ?? '';
    const role = attr(head, 'role');
    const domain = attr(head, 'domain');
    if ((role !== null && STRUCTURAL_ROLES.has(role)) || (domain !== null && STRUCTURAL_DOMAINS.has(domain)))
      continue;
    const sample = attr(head, 'sample');
    const name = attr(head, 'name') ?? '';
    const band = sample === null ? '' : `band ${String(Number(sample) + 1)} `;
    const text = xmlText(m[2] ?? '');
    if (text !== '')
      items.push({
        part: 'tiff.gdal-metadata',
        name: role === 'description' ? `${band}description` : `${band}${name}`.trim(),
        text,
      });
  }
  return items;
}

async function tagBytes(source: ByteSource, valueAt: number, byteLength: number): Promise<Uint8Array | null> {
  if (byteLength === 0 || valueAt + byteLength > source.size) return null;
  return source.read(valueAt, byteLength);
}

/** The descriptive tags, GDAL_METADATA items and XMP packet of every IFD, each named once. */
async function tagTexts(source: ByteSource, dir: TiffDirectory): Promise<SubjectText[]> {
  const texts: SubjectText[] = [];
  for (const [index, ifd] of dir.ifds.entries()) {
    const suffix = index === 0 ? '' : ` (IFD ${String(index + 1)})`;
    for (const entry of ifd.entries) {
      const label = TEXT_TAGS.get(entry.tag);
      if (label === undefined && entry.tag !== GDAL_METADATA && entry.tag !== XMP) continue;
      const bytes = await tagBytes(source, entry.valueAt, entry.byteLength);
      if (bytes === null) continue;
      const text = decodeMetadataText(bytes).trim();
      if (text === '') continue;
      if (entry.tag === GDAL_METADATA)
        texts.push(...gdalMetadataItems(text).map((t) => ({ ...t, name: `${t.name ?? ''}${suffix}` })));
      else if (entry.tag === XMP) texts.push({ part: 'tiff.xmp', name: `XMP${suffix}`, text: xmlText(text) });
      else texts.push({ part: 'tiff.tag', name: `${label ?? ''}${suffix}`, text });
    }
  }
  return texts.filter((t) => t.text !== '');
}

type Span = readonly [number, number];

const numbers = (ifd: Ifd, tag: number): readonly number[] => {
  const v = ifd.tags.get(tag);
  return v === undefined || typeof v === 'string' ? [] : v;
};

/**
 * What the file's structure references: header, every IFD, every tag value, every strip and tile,
 * and GDAL's COG "ghost" header (its declared structural metadata after the file header).
 */
async function referenced(source: ByteSource, dir: TiffDirectory): Promise<Span[]> {
  const header = dir.bigTiff ? 16 : 8;
  const spans: Span[] = [[0, header]];
  const ghost = await source.read(header, Math.min(64, source.size - header));
  const declared = /^GDAL_STRUCTURAL_METADATA_SIZE=(\d{6}) bytes\n/.exec(String.fromCharCode(...ghost));
  if (declared !== null) spans.push([header, header + (declared[0].length + Number(declared[1]))]);
  for (const ifd of dir.ifds) {
    spans.push([ifd.offset, ifd.offset + ifd.byteLength]);
    for (const e of ifd.entries) spans.push([e.valueAt, e.valueAt + e.byteLength]);
    for (const [offsetsTag, countsTag] of [
      [TAG.StripOffsets, TAG.StripByteCounts],
      [TAG.TileOffsets, TAG.TileByteCounts],
    ] as const) {
      const offsets = numbers(ifd, offsetsTag);
      const counts = numbers(ifd, countsTag);
      offsets.forEach((o, i) => spans.push([o, o + (counts[i] ?? 0)]));
    }
  }
  return spans;
}

/** The gaps between `spans` inside [0, size), ascending. */
export function gaps(spans: readonly Span[], size: number): Span[] {
  const sorted = spans.map(([a, b]): Span => [Math.max(0, a), Math.min(size, b)]).filter(([a, b]) => b > a);
  sorted.sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < size) out.push([at, size]);
  return out;
}

/**
 * Text in the bytes no IFD, tag value, strip or tile references (an editor's residue, a strip left
 * behind by a rewrite, data appended after the image): read gap by gap in bounded chunks, at most
 * RESIDUE_LIMITS.maxScanBytes in all, each run named by its byte offset and encoding.
 */
async function residueTexts(source: ByteSource, dir: TiffDirectory): Promise<SubjectText[]> {
  const texts: SubjectText[] = [];
  let budget: number = RESIDUE_LIMITS.maxScanBytes;
  for (const [start, end] of gaps(await referenced(source, dir), source.size)) {
    for (let at = start; at < end && budget > 0 && texts.length < RESIDUE_LIMITS.maxRuns;) {
      const length = Math.min(end - at, RESIDUE_LIMITS.chunkBytes, budget);
      const bytes = await source.read(at, length);
      budget -= length;
      const runs = textRuns(bytes, {
        minWeight: RESIDUE_MIN_WEIGHT,
        baseOffset: at,
        maxRuns: RESIDUE_LIMITS.maxRuns - texts.length,
      });
      for (const run of runs)
        texts.push({
          part: 'unreferenced-bytes',
          name: `${String(run.offset)} ${run.encoding}`,
          text: run.text,
        });
      at += length;
    }
  }
  return texts;
}

/** A GeoTIFF's hidden-content inventory, without its sidecars (ADR 0162). Throws FormatError. */
export async function geotiffHiddenTexts(source: ByteSource): Promise<SubjectText[]> {
  const dir = await readTiffDirectory(source);
  return [...(await tagTexts(source, dir)), ...(await residueTexts(source, dir))];
}
