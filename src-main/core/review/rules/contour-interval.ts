import { z } from 'zod';
import type { AttributeValue, Finding, Geometry, VectorFeature } from '../../model/index.js';
import { locatedFeatures } from '../located-features.js';
import { defineRule, type VectorSubject } from '../rule.js';

const ID = 'contour-interval';
const VERSION = 1;

const paramsSchema = z
  .strictObject({
    /** An interval at or below this is a state secret (自然资发〔2020〕95号: 20 m). */
    secretMetres: z.number().positive().max(10_000),
    /** A public map needs at least this interval (公开地图内容表示规范: 50 m). */
    publicMetres: z.number().positive().max(10_000),
    /**
     * Field names that hold a contour's elevation: an ASCII name matches case-insensitively in
     * full (`ELEV` matches `elev`, not `ELEVATOR`); a name with CJK characters also where a field
     * name contains it (`高程` matches `高程值`).
     */
    fields: z.array(z.string().min(1).max(64)).max(200),
  })
  .refine((p) => p.publicMetres >= p.secretMetres, {
    message: 'publicMetres must be at least secretMetres',
    path: ['publicMetres'],
  });

export type ContourIntervalParams = z.infer<typeof paramsSchema>;

const LINES = new Set(['LineString', 'MultiLineString']);
/** Elevations are compared in millimetres: float noise in a written value never splits a level. */
const MM = 1000;
/** A field is the elevation when at least this share of the features have a number in it. */
const NUMERIC_SHARE = 0.9;

const numeric = (v: AttributeValue | undefined): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

const matchesField = (name: string, wanted: readonly string[]): boolean => {
  const lower = name.toLowerCase();
  return wanted.some((w) => (/^[\x20-\x7e]+$/.test(w) ? lower === w.toLowerCase() : name.includes(w)));
};

/** The first elevation-named field holding numbers in (nearly) every feature, with its values. */
function elevationField(
  subject: VectorSubject,
  wanted: readonly string[],
): { field: string; values: (number | null)[] } | null {
  for (const { name } of subject.info.fields) {
    if (!matchesField(name, wanted)) continue;
    const values = subject.features.map((f) => numeric(f.properties[name]));
    let count = 0;
    for (const v of values) if (v !== null) count += 1;
    if (count > 0 && count >= NUMERIC_SHARE * subject.features.length) return { field: name, values };
  }
  return null;
}

/** The Z every vertex of a line shares (a 3D contour), or null (2D, or Z that varies). */
function constantZ(geometry: Geometry | null): number | null {
  if (geometry === null) return null;
  const lines =
    geometry.type === 'LineString'
      ? [geometry.coordinates]
      : geometry.type === 'MultiLineString'
        ? geometry.coordinates
        : [];
  let z: number | null = null;
  for (const line of lines)
    for (const p of line) {
      const v = p[2];
      if (v === undefined || !Number.isFinite(v) || (z !== null && Math.abs(v - z) > 1e-6)) return null;
      z = v;
    }
  return z;
}

const zValues = (features: readonly VectorFeature[]): (number | null)[] | null => {
  const values = features.map((f) => constantZ(f.geometry));
  return values.every((v) => v === null) ? null : values;
};

/**
 * The contour interval of a set of elevations, in millimetres: the most common difference between
 * consecutive distinct levels (ties go to the finer one). Index contours are levels of the same
 * series and change nothing; a few odd levels (a supplementary half-interval line, a typo) add a few
 * other differences but do not move the most common one. null with fewer than three levels.
 */
export function detectInterval(elevations: Iterable<number | null>): number | null {
  const distinct = new Set<number>();
  for (const e of elevations) if (e !== null) distinct.add(Math.round(e * MM));
  const levels = Float64Array.from(distinct).sort();
  if (levels.length < 3) return null;
  const counts = new Map<number, number>();
  for (let i = 1; i < levels.length; i++) {
    const d = (levels[i] ?? 0) - (levels[i - 1] ?? 0);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: [number, number] = [Infinity, 0];
  for (const [d, n] of counts) if (n > best[1] || (n === best[1] && d < best[0])) best = [d, n];
  return best[0];
}

/**
 * Contour interval (DOMAIN.md; ADR 0164). A line layer is a contour layer when an elevation-named
 * field holds numbers (`fields`), or else when every line has one Z on all its vertices (what
 * `gdal_contour -3d` writes). Elevations are read as metres. An interval at or below
 * `secretMetres` is secret, one below `publicMetres` is not publishable; both are blocking, with
 * their own messages. The public version keeps the levels that are multiples of `publicMetres`
 * ('remove-features' names the others), or drops the layer when none is ('remove-layer').
 */
export const contourIntervalRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    if (subject.kind !== 'vector' || !LINES.has(subject.info.geometryType)) return [];
    const attribute = elevationField(subject, params.fields);
    const values = attribute?.values ?? zValues(subject.features);
    if (values === null) return [];
    const interval = detectInterval(values);
    if (interval === null || interval >= params.publicMetres * MM) return [];
    const step = Math.round(params.publicMetres * MM);
    const thinned: number[] = [];
    values.forEach((v, i) => {
      if (v === null || Math.round(v * MM) % step !== 0) thinned.push(i);
    });
    const removeAll = thinned.length === values.length;
    const field = attribute === null ? {} : { field: attribute.field };
    const secret = interval <= params.secretMetres * MM;
    return [
      {
        ruleId: ID,
        ruleVersion: VERSION,
        severity: 'blocking',
        messageKey: secret ? 'finding.contourIntervalSecret' : 'finding.contourIntervalPublic',
        params: {
          interval: interval / MM,
          threshold: secret ? params.secretMetres : params.publicMetres,
          public: params.publicMetres,
        },
        where: removeAll ? field : { ...field, ...locatedFeatures(thinned) },
        action: removeAll ? 'remove-layer' : 'remove-features',
      },
    ];
  },
});
