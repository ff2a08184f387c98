import { corrupt } from '../format-error.js';
import type { FileHead, FormatModule, LayerRead } from '../format-module.js';
import { isZipHead, localNamesInHead, readZip, type ZipArchive, type ZipEntry } from '../zip/archive.js';
import { ZIP_ARCHIVE_BUDGET } from '../zip/format.js';
import { entriesWithExtension, zipEntryInput } from '../zip/zip-input.js';
import { readKml } from './read.js';
import { kmlDroppedTexts } from './hidden.js';
import { headText, XML_MAX_BYTES } from './safe-xml.js';

const isKmlHead = (head: Uint8Array): boolean => /<(?:[A-Za-z_][\w.-]*:)?kml[\s>/]/.test(headText(head));

/** The KMZ's main document: `doc.kml` at the root if present, else the first `.kml` listed (as Google Earth reads it). */
function mainDocument(archive: ZipArchive): ZipEntry {
  const kmls = entriesWithExtension(archive, 'kml');
  const main = kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls[0];
  if (main === undefined) throw corrupt('kmzNoKml');
  return main;
}

const stemOf = (name: string): string => name.replace(/\.[^.]*$/, '');

/** Links followed from a KMZ's main document, at most. */
const MAX_LINKED = 256;

/** `href` resolved against the folder of `from` inside the archive; null if it leaves the archive. */
function resolveInArchive(from: string, href: string): string | null {
  const parts = from.split('/').slice(0, -1);
  for (const part of href.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/**
 * The layers of a KMZ: its main document's, then those of the `.kml` entries its NetworkLinks name
 * (GDAL's LIBKML writer puts each layer in `layers/<name>.kml` behind a link). One level deep, and
 * only entries of the same archive: a link is never fetched or read from disk.
 */
async function readKmz(archive: ZipArchive, stem: string): Promise<LayerRead[]> {
  const main = mainDocument(archive);
  const read = readKml(await zipEntryInput(archive, main).readAll(XML_MAX_BYTES, 'KML'), stem);
  const layers: LayerRead[] = [...read.layers];
  for (const href of read.links.slice(0, MAX_LINKED)) {
    const target = resolveInArchive(main.name, href);
    const entry = archive.entries.find((e) => target !== null && e !== main && sameName(e.name, target));
    if (entry === undefined || !/\.kml$/i.test(entry.name)) continue;
    const linked = zipEntryInput(archive, entry);
    layers.push(...readKml(await linked.readAll(XML_MAX_BYTES, 'KML'), stemOf(linked.name)).layers);
  }
  return layers;
}

/**
 * KML and KMZ (ADR 0145): folders as layers, ExtendedData as attributes, WGS 84. A KMZ is read
 * in memory through the safe unzip (ADR 0146); nothing is written to disk and its other entries
 * (icons, overlays) are not read.
 */
export const kmlFormat: FormatModule = {
  id: 'KML',
  kind: 'vector',
  extensions: ['kml', 'kmz'],
  label: { 'zh-CN': 'KML/KMZ 矢量', en: 'KML/KMZ vector' },
  detect({ name, head }: FileHead) {
    if (isZipHead(head)) {
      if (localNamesInHead(head).some((n) => /\.kml$/i.test(n))) return 'content';
      return /\.kmz$/i.test(name) ? 'name' : null;
    }
    if (isKmlHead(head)) return 'content';
    return /\.kml$/i.test(name) && headText(head.subarray(0, 512)).includes('<') ? 'name' : null;
  },
  async open(input) {
    const head = await input.read(0, 4);
    if (!isZipHead(head))
      return readKml(await input.readAll(XML_MAX_BYTES, 'KML'), stemOf(input.name)).layers;
    return readKmz(readZip(await input.readAll(ZIP_ARCHIVE_BUDGET, 'KMZ')), stemOf(input.name));
  },
  /** What the reader drops of the document (a KMZ's main document). */
  async hidden(input) {
    const head = await input.read(0, 4);
    if (!isZipHead(head)) return kmlDroppedTexts(await input.readAll(XML_MAX_BYTES, 'KML'));
    const archive = readZip(await input.readAll(ZIP_ARCHIVE_BUDGET, 'KMZ'));
    return kmlDroppedTexts(await zipEntryInput(archive, mainDocument(archive)).readAll(XML_MAX_BYTES, 'KML'));
  },
};
