import type { Element, Node } from '@xmldom/xmldom';
import type { SubjectText } from '../../model/index.js';
import { decodeXml, parseXml } from './safe-xml.js';

/** What the reader takes from a Placemark: its name, description, ExtendedData and geometry. */
const READ_IN_PLACEMARK = new Set([
  'name',
  'description',
  'ExtendedData',
  'Point',
  'LineString',
  'LinearRing',
  'Polygon',
  'MultiGeometry',
  'Track',
  'MultiTrack',
]);
/**
 * The elements of KML 2.2 (and atom, xal) that hold free text; the rest are structure (colours,
 * widths, modes, hrefs, coordinates) and not inventoried.
 */
const FREE_TEXT = new Set([
  'name',
  'description',
  'Snippet',
  'snippet',
  'text',
  'displayName',
  'value',
  'SimpleData',
  'address',
  'phoneNumber',
  'AddressDetails',
  'linkName',
  'linkDescription',
  'linkSnippet',
  'message',
  'author',
  'email',
  'uri',
]);
/** A Document's or Folder's own name is its layer's name: read. */
const CONTAINERS = new Set(['Document', 'Folder']);
/** Most items listed; the rest of a large document is not inventoried further. */
const MAX_ITEMS = 1000;

const localName = (e: Element): string => e.localName ?? e.tagName.replace(/^.*:/, '');

/** Whether the reader takes the text of a node under this chain of elements (outermost first). */
function isRead(chain: readonly string[]): boolean {
  const placemark = chain.lastIndexOf('Placemark');
  if (placemark >= 0) return READ_IN_PLACEMARK.has(chain[placemark + 1] ?? '');
  const last = chain[chain.length - 1] ?? '';
  const parent = chain[chain.length - 2] ?? '';
  return last === 'name' && (CONTAINERS.has(parent) || parent === 'kml');
}

/**
 * What a KML document holds that the reader drops (ADR 0162): the free texts outside a
 * Placemark's name, description, ExtendedData and geometry and outside a container's name —
 * container descriptions, Snippets and ExtendedData, Schema display names, balloon texts, authors,
 * addresses, a placemark's Snippet — and comments. Each is named by its element path from the nearest container.
 */
export function kmlDroppedTexts(bytes: Uint8Array): SubjectText[] {
  const doc = parseXml(decodeXml(bytes).text);
  const texts: SubjectText[] = [];
  const walk = (node: Node, chain: readonly string[]): void => {
    for (let child = node.firstChild; child !== null && texts.length < MAX_ITEMS; child = child.nextSibling) {
      if (child.nodeType === 1) {
        walk(child, [...chain, localName(child as Element)]);
        continue;
      }
      const text = (child.nodeValue ?? '').trim();
      if (text === '') continue;
      const comment = child.nodeType === 8;
      if (!comment && child.nodeType !== 3 && child.nodeType !== 4) continue;
      if (!comment && (!FREE_TEXT.has(chain[chain.length - 1] ?? '') || isRead(chain))) continue;
      const from = Math.max(0, ...chain.map((c, i) => (CONTAINERS.has(c) || c === 'Placemark' ? i : 0)));
      const path = chain.slice(from).join('/');
      texts.push({ part: 'kml.dropped', name: comment ? `${path} <!-- -->` : path, text });
    }
  };
  walk(doc, []);
  return texts;
}
