import { corrupt } from '../format-error.js';
import type { FileHead, FormatModule } from '../format-module.js';
import { isZipHead, localNamesInHead, readZip, type ZipArchive, type ZipEntry } from '../zip/archive.js';
import { ZIP_ARCHIVE_BUDGET } from '../zip/format.js';
import { entriesWithExtension, zipEntryInput } from '../zip/zip-input.js';
import { readKml } from './read.js';
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
    if (!isZipHead(head)) return readKml(await input.readAll(XML_MAX_BYTES, 'KML'), stemOf(input.name));
    const archive = readZip(await input.readAll(ZIP_ARCHIVE_BUDGET, 'KMZ'));
    const doc = zipEntryInput(archive, mainDocument(archive));
    return readKml(await doc.readAll(XML_MAX_BYTES, 'KML'), stemOf(input.name));
  },
};
