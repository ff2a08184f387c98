import { get as getProjection } from 'ol/proj.js';
import { register } from 'ol/proj/proj4.js';
import proj4 from 'proj4';
import type { CrsDefinition } from '../../src-main/api/types.js';

const known = new Map<string, string>();

/**
 * Makes a dataset's CRS known to OpenLayers (through proj4) before any layer in it is built.
 * Definitions come from the host (DatasetDetail.crsDefinition), never from the network.
 * Returns false when the definition is unusable, so the caller can say so instead of drawing wrongly.
 */
export function ensureProjection(def: CrsDefinition | null): boolean {
  if (!def) return false;
  if (known.get(def.code) === def.proj4 && getProjection(def.code)) return true;
  try {
    proj4.defs(def.code, def.proj4);
    register(proj4);
    known.set(def.code, def.proj4);
    return getProjection(def.code) !== null;
  } catch {
    return false;
  }
}
