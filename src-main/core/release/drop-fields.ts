import type { AttributeValue, Finding, VectorFeature } from '../model/index.js';

/** The fields a review's findings say a public version drops (action 'drop-field'), once each, in order. */
export function fieldsToDrop(findings: readonly Finding[]): string[] {
  const fields = findings.flatMap((f) =>
    f.action === 'drop-field' && f.where.field !== undefined ? [f.where.field] : [],
  );
  return [...new Set(fields)];
}

/** The features without the attributes named in `fields` (geometry untouched). */
export function dropFields(features: readonly VectorFeature[], fields: readonly string[]): VectorFeature[] {
  if (fields.length === 0) return [...features];
  const dropped = new Set(fields);
  return features.map((f) => {
    const properties: Record<string, AttributeValue> = {};
    for (const [key, value] of Object.entries(f.properties)) if (!dropped.has(key)) properties[key] = value;
    return { geometry: f.geometry, properties };
  });
}
