import type { CrsInfo, FieldInfo, GeometryType, VectorFeature } from '../../src-main/core/model/index.js';
import type { SubjectText, VectorSubject } from '../../src-main/core/review/rule.js';

/** A vector review subject over `features`, as parseSubject makes one, for rule tests. */
export function vectorSubject(
  features: VectorFeature[],
  options: {
    readonly crs?: CrsInfo | null;
    readonly geometryType?: GeometryType;
    readonly fields?: readonly FieldInfo[];
    readonly texts?: readonly SubjectText[];
    readonly name?: string;
  } = {},
): VectorSubject {
  return {
    kind: 'vector',
    name: options.name ?? 'test',
    layer: null,
    texts: options.texts ?? [],
    hidden: [],
    features,
    info: {
      kind: 'vector',
      featureCount: features.length,
      geometryType: options.geometryType ?? 'Point',
      fields: options.fields ?? [],
      crs: options.crs ?? null,
      extent: null,
      encoding: 'UTF-8',
    },
  };
}
