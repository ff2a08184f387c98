import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import { readShapefile } from '../../../../src-main/core/formats/shapefile/index.js';
import { extentOf } from '../../../../src-main/core/formats/vector-summary.js';
import type {
  AttributeValue,
  FieldInfo,
  Geometry,
  VectorFeature,
} from '../../../../src-main/core/model/index.js';
import type { SubjectText, VectorSubject } from '../../../../src-main/core/review/rule.js';
import { subjectTexts, type RecordTexts } from '../../../../src-main/core/review/subject-texts.js';
import { fixture } from '../../../fixtures/index.js';
import { ROOT } from '../../../support/samples.js';

/** The default profile's parameters of a rule, as the bundled profile gives them. */
export function defaultParams(ruleId: string): unknown {
  const doc = JSON.parse(readFileSync(path.join(ROOT, 'resources/profiles/default.json'), 'utf8')) as {
    rules: Record<string, unknown>;
  };
  return doc.rules[ruleId];
}

const typeOf = (values: readonly AttributeValue[]): FieldInfo['type'] =>
  values.every((v) => v === null || typeof v === 'number') ? 'number' : 'string';

/**
 * A vector review subject from features (fields from their properties), in `epsg` (null: no CRS),
 * with the texts a review reads: its file name, layer name and the record's title and abstract.
 */
export function vectorSubject(
  features: readonly VectorFeature[],
  options: {
    epsg?: number | null;
    name?: string;
    layer?: string | null;
    record?: RecordTexts | null;
    hidden?: readonly SubjectText[];
  } = {},
): VectorSubject {
  const names = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const name = options.name ?? 'layer.geojson';
  const layer = options.layer ?? null;
  const epsg = options.epsg === undefined ? 4545 : options.epsg;
  return {
    kind: 'vector',
    name,
    layer,
    texts: subjectTexts(name, layer, options.record ?? null),
    hidden: options.hidden ?? [],
    features,
    info: {
      kind: 'vector',
      featureCount: features.length,
      geometryType: features[0]?.geometry?.type === 'Point' ? 'Point' : 'LineString',
      fields: names.map((n) => ({ name: n, type: typeOf(features.map((f) => f.properties[n] ?? null)) })),
      crs: epsg === null ? null : crsFromEpsg(epsg),
      extent: extentOf(features),
      encoding: 'UTF-8',
    },
  };
}

export const point = (
  x: number,
  y: number,
  properties: Record<string, AttributeValue> = {},
): VectorFeature => ({
  geometry: { type: 'Point', coordinates: [x, y] },
  properties,
});

export const line = (
  coordinates: [number, number][],
  properties: Record<string, AttributeValue> = {},
): VectorFeature => ({
  geometry: { type: 'LineString', coordinates } satisfies Geometry,
  properties,
});

/** A fixture Shapefile set read as the app reads it (its .cpg when there is one), as a review subject. */
export function shapefileSubject(...parts: string[]): VectorSubject {
  const stem = fixture(...parts).slice(0, -'.shp'.length);
  const bytes = (ext: string): Uint8Array | null =>
    existsSync(`${stem}.${ext}`) ? new Uint8Array(readFileSync(`${stem}.${ext}`)) : null;
  const { info, features } = readShapefile({
    shp: bytes('shp') ?? new Uint8Array(),
    shx: bytes('shx'),
    dbf: bytes('dbf') ?? new Uint8Array(),
    prj: bytes('prj'),
    cpg: bytes('cpg'),
  });
  const name = path.basename(`${stem}.shp`);
  return {
    kind: 'vector',
    name,
    layer: null,
    texts: subjectTexts(name, null, null),
    hidden: [],
    info,
    features,
  };
}
