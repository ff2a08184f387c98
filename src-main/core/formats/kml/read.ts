import { kmlGen } from '@tmcw/togeojson';
import type { Document, Element } from '@xmldom/xmldom';
import { crsFromEpsg } from '../../crs/index.js';
import type { AttributeValue, FieldInfo, VectorFeature } from '../../model/index.js';
import { corrupt } from '../format-error.js';
import type { VectorLayerRead } from '../format-module.js';
import { extentOf, layerGeometryType } from '../vector-summary.js';
import { geometryOf } from './geometry.js';
import { decodeXml, parseXml } from './safe-xml.js';

/** The fields every KML layer has, named as GDAL's LIBKML driver names them. */
const NAME_FIELD = 'Name';
const DESCRIPTION_FIELD = 'description';

const childElements = (node: Element): Element[] =>
  Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);

const localName = (e: Element): string => e.localName ?? e.tagName.replace(/^.*:/, '');

/** Names of every ExtendedData value (`Data@name`, `SimpleData@name`), in document order. */
function extendedNames(doc: Document): string[] {
  const names = new Set<string>();
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i += 1) {
    const e = all.item(i);
    if (e === null) continue;
    const tag = localName(e);
    if (tag !== 'Data' && tag !== 'SimpleData') continue;
    const name = e.getAttribute('name');
    if (name !== null && name !== '') names.add(name);
  }
  return [...names];
}

/** What togeojson yields per placemark (its own types lean on @types/geojson, which we do not install). */
interface TogeojsonFeature {
  readonly geometry: unknown;
  readonly properties: Readonly<Record<string, unknown>> | null;
}

const CONTAINERS = new Set(['Document', 'Folder']);

/** The nearest Folder or Document holding `e`, or null for a placemark outside any. */
function containerOf(e: Element): Element | null {
  for (let p = e.parentNode; p !== null; p = p.parentNode)
    if (p.nodeType === 1 && CONTAINERS.has(localName(p as Element))) return p as Element;
  return null;
}

const ownName = (e: Element): string | null => {
  const text = childElements(e)
    .find((c) => localName(c) === 'name')
    ?.textContent?.trim();
  return text === undefined || text === '' ? null : text;
};

function attributeOf(v: unknown): AttributeValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return JSON.stringify(v);
}

function featureOf(f: TogeojsonFeature, extended: readonly string[]): VectorFeature {
  const props = f.properties ?? {};
  const properties: Record<string, AttributeValue> = {
    [NAME_FIELD]: attributeOf(props['name']),
    [DESCRIPTION_FIELD]: attributeOf(props['description']),
  };
  for (const key of extended) properties[key] = attributeOf(props[key]);
  return { geometry: geometryOf(f.geometry), properties };
}

function fieldsOf(features: readonly VectorFeature[], names: readonly string[]): FieldInfo[] {
  return names.map((name) => {
    let numeric = false;
    let other = false;
    for (const f of features) {
      const v = f.properties[name];
      if (typeof v === 'number') numeric = true;
      else if (v !== null && v !== undefined) other = true;
    }
    return { name, type: numeric && !other ? 'number' : 'string' };
  });
}

/** A document's layers, and the relative targets of its NetworkLinks (followed inside a KMZ only). */
export interface KmlRead {
  readonly layers: VectorLayerRead[];
  readonly links: readonly string[];
}

/** NetworkLink hrefs that name a file beside the document (no scheme, not absolute): nothing is fetched. */
function localLinks(doc: Document): string[] {
  const links: string[] = [];
  for (const link of Array.from(doc.getElementsByTagName('NetworkLink'))) {
    const holder = childElements(link).find((e) => localName(e) === 'Link' || localName(e) === 'Url');
    const href =
      holder === undefined ? undefined : childElements(holder).find((e) => localName(e) === 'href');
    const text = href?.textContent?.trim() ?? '';
    if (text !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !text.startsWith('/')) links.push(text);
  }
  return links;
}

interface Container {
  readonly name: string;
  readonly placemarks: TogeojsonFeature[];
}

/**
 * The layers of a KML document (ADR 0145), as GDAL's LIBKML driver lists them: one per container
 * that holds placemarks directly — the outer Document (named by its `<name>`, else
 * `fallbackName`) and every Folder or inner Document at any depth, in document order, each named
 * by its own `<name>` (nested folders are layers of their own, not merged into their parent; an
 * unnamed one is `Layer<n>`, n counting folders from 0; a repeated name gets ` (#2)`, ` (#3)` …).
 * Unlike GDAL, a container without placemarks is no layer (it would be an empty dataset).
 * Fields: `Name`, `description`, then the ExtendedData names (Data and SchemaData) the layer's
 * placemarks carry, in the order the file first names them.
 * Coordinates are WGS 84 lon/lat (EPSG:4326), as KML defines them.
 */
export function readKml(bytes: Uint8Array, fallbackName: string): KmlRead {
  const { text, encoding } = decodeXml(bytes);
  const doc = parseXml(text);
  const root = doc.documentElement;
  if (root === null || localName(root) !== 'kml') throw corrupt('kmlNotKml');
  const extended = extendedNames(doc).filter((n) => n !== NAME_FIELD && n !== DESCRIPTION_FIELD);
  // kmlGen yields one feature per Placemark, in document order, before any overlay.
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  const converted = kmlGen(doc) as unknown as Iterator<TogeojsonFeature>;
  const containers = new Map<Element | null, Container>();
  containers.set(null, { name: fallbackName, placemarks: [] });
  let folderIndex = 0;
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i += 1) {
    const e = all.item(i);
    if (e === null || !CONTAINERS.has(localName(e))) continue;
    const outermost = localName(e) === 'Document' && containerOf(e) === null;
    let name = ownName(e);
    if (name === null && outermost) name = fallbackName;
    if (name === null) name = `Layer${String(folderIndex)}`;
    if (localName(e) === 'Folder' || !outermost) folderIndex += 1;
    containers.set(e, { name, placemarks: [] });
  }
  for (const element of placemarks) {
    const next = converted.next();
    if (next.done === true) break;
    containers.get(containerOf(element))?.placemarks.push(next.value);
  }
  const used = new Map<string, number>();
  const crs = crsFromEpsg(4326);
  const layers: VectorLayerRead[] = [...containers.values()]
    .filter((c) => c.placemarks.length > 0)
    .map((c) => {
      const seen = (used.get(c.name) ?? 0) + 1;
      used.set(c.name, seen);
      const own = extended.filter((k) => c.placemarks.some((p) => Object.hasOwn(p.properties ?? {}, k)));
      const features = c.placemarks.map((p) => featureOf(p, own));
      return {
        kind: 'vector',
        layer: seen === 1 ? c.name : `${c.name} (#${String(seen)})`,
        info: {
          kind: 'vector',
          featureCount: features.length,
          geometryType: layerGeometryType(features),
          fields: fieldsOf(features, [NAME_FIELD, DESCRIPTION_FIELD, ...own]),
          crs,
          extent: extentOf(features),
          encoding,
        },
        features,
        notices: [],
      };
    });
  return { layers, links: localLinks(doc) };
}
