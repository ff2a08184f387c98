import { createHash } from 'node:crypto';
import path from 'node:path';
import { StrataError } from '../api/errors.js';
import { crsFromCode } from '../core/crs/index.js';
import type { Geometry } from '../core/model/index.js';
import type { FormatReader } from '../core/ports/index.js';
import { parseProfile } from '../core/review/profile.js';
import { RULES } from '../core/review/rules/index.js';
import type { ZonePolygon } from '../core/review/zone-geometry.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ringsOf = (rings: readonly (readonly (readonly number[])[])[]): ZonePolygon =>
  rings.map((ring) => ring.map((p) => [p[0] ?? NaN, p[1] ?? NaN] as const));

function polygonsOf(geometry: Geometry | null): ZonePolygon[] {
  if (geometry === null) return [];
  if (geometry.type === 'Polygon') return [ringsOf(geometry.coordinates)];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map(ringsOf);
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

/**
 * Reads one polygons file a profile names, through the isolated readers (any vector format Strata
 * reads: GeoJSON, GeoPackage, Shapefile ...). Fails closed, naming the file: missing or unreadable
 * (the reader's own error), no polygons, or a CRS of its own that differs from the one the profile
 * states (zones in metres stated as degrees would land nowhere and pass everything). Two
 * geographic CRSs are let through: a GeoJSON without a `crs` member reads as WGS 84 by RFC 7946,
 * and the profile's stated one (CGCS2000) is the one applied.
 */
async function readPolygons(reader: FormatReader, file: string, crs: string): Promise<ZonePolygon[]> {
  const name = path.basename(file);
  const opened = await reader.open(file);
  const polygons: ZonePolygon[] = [];
  for (const layer of opened.layers) {
    if (layer.kind !== 'vector') continue;
    const own = layer.info.crs;
    if (own?.code != null && own.code !== crs && !(own.geographic && crsFromCode(crs)?.geographic === true))
      throw new StrataError('CORRUPT_FILE', {
        file: name,
        problem: 'problem.zoneFileCrs',
        crs: own.code,
        stated: crs,
      });
    for (const f of layer.features) polygons.push(...polygonsOf(f.geometry));
  }
  if (polygons.length === 0)
    throw new StrataError('CORRUPT_FILE', { file: name, problem: 'problem.zoneFileEmpty' });
  return polygons;
}

/**
 * The host's half of rule parameters that name local files (core/review/local-files.ts, ADR
 * 0164): returns the profile document with each file reference of a rule's `localFiles`
 * parameters given what the file holds (`polygons`), relative paths taken from `baseDir` (the
 * folder of the profile file). Throws a StrataError naming the file when one cannot be read, so a
 * profile whose zones are not all there never loads. Anything else is left for parseProfile.
 */
export async function resolveProfileFiles(
  doc: unknown,
  baseDir: string,
  reader: FormatReader,
): Promise<unknown> {
  if (!isObject(doc) || !isObject(doc.rules)) return doc;
  const rules: Record<string, unknown> = { ...doc.rules };
  for (const rule of RULES) {
    const params = rules[rule.id];
    if (!isObject(params) || rule.localFiles === undefined) continue;
    const resolved: Record<string, unknown> = { ...params };
    for (const { param } of rule.localFiles) {
      const refs = params[param];
      if (!Array.isArray(refs)) continue;
      resolved[param] = await Promise.all(
        refs.map(async (ref: unknown) =>
          isObject(ref) && typeof ref.file === 'string' && typeof ref.crs === 'string'
            ? { ...ref, polygons: await readPolygons(reader, path.resolve(baseDir, ref.file), ref.crs) }
            : ref,
        ),
      );
    }
    rules[rule.id] = resolved;
  }
  return { ...doc, rules };
}

/**
 * Loads a profile document read from `baseDir` (ADR 0160, 0164): its local files read and
 * resolved, then parsed in full or not at all. The hash is over the resolved document, so a
 * report names the zones that judged it as well as the thresholds.
 */
export async function loadReviewProfile(
  doc: unknown,
  baseDir: string,
  reader: FormatReader,
): Promise<ReturnType<typeof parseProfile>> {
  const resolved = await resolveProfileFiles(doc, baseDir, reader);
  const sha256 = createHash('sha256').update(JSON.stringify(resolved)).digest('hex');
  return parseProfile(resolved, sha256);
}
