import type { Extent } from 'ol/extent.js';
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
    const projection = getProjection(def.code);
    // OpenLayers types the extent as always set; a proj4-registered projection has none.
    if (projection?.getUnits() === 'degrees' && (projection.getExtent() as Extent | null) === null) {
      // Geographic CRSs span the globe: with that extent the view wraps and limits like EPSG:4326.
      projection.setExtent([-180, -90, 180, 90]);
      projection.setGlobal(true);
    }
    return projection !== null;
  } catch {
    return false;
  }
}

/** True when the (registered) CRS has degree units, i.e. coordinates are longitude/latitude. */
export function isGeographic(code: string): boolean {
  return getProjection(code)?.getUnits() === 'degrees';
}

// The short list the map offers without a search (ADR 0115). The definitions are EPSG's, as
// `gdalsrsinfo -o proj4` prints them (checked by tests/unit/renderer/map-crs.test.ts).

/** CGCS2000 geographic: the default map CRS (national standard since 2008). */
export const CGCS2000: CrsDefinition = { code: 'EPSG:4490', proj4: '+proj=longlat +ellps=GRS80 +no_defs' };
export const WGS84: CrsDefinition = { code: 'EPSG:4326', proj4: '+proj=longlat +datum=WGS84 +no_defs' };
export const WEB_MERCATOR: CrsDefinition = {
  code: 'EPSG:3857',
  proj4:
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
};

/** CGCS2000 / 3-degree Gauss-Kruger CM 75E is EPSG:4534, one code per 3° up to CM 135E (4554). */
const GK3_FIRST_CODE = 4534;
const GK3_FIRST_CM = 75;
const GK3_LAST_CM = 135;

/**
 * CGCS2000 3° Gauss-Krüger zone (central-meridian form, false easting 500 km) around a
 * longitude, or null outside China's zones (CM 75E-135E).
 */
export function cgcs2000Gk3For(lon: number): CrsDefinition | null {
  const cm = Math.round(lon / 3) * 3;
  if (!Number.isFinite(cm) || cm < GK3_FIRST_CM || cm > GK3_LAST_CM) return null;
  return {
    code: `EPSG:${String(GK3_FIRST_CODE + (cm - GK3_FIRST_CM) / 3)}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${String(cm)} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  };
}

/** Central meridian of a CGCS2000 3° zone code of the list above, or null for any other code. */
export function gk3CentralMeridian(code: string): number | null {
  const match = /^EPSG:(\d+)$/.exec(code);
  const n = Number(match?.[1]);
  const cm = GK3_FIRST_CM + (n - GK3_FIRST_CODE) * 3;
  return match && cm >= GK3_FIRST_CM && cm <= GK3_LAST_CM ? cm : null;
}

/**
 * The CRSs offered for the map and the cursor readout: CGCS2000, its 3° zone at `dataLon` (the
 * middle of the data), Web Mercator, WGS 84, then every other code the datasets use. No duplicates.
 */
export function crsChoices(dataLon: number | null, datasetCrs: readonly CrsDefinition[]): CrsDefinition[] {
  const zone = dataLon === null ? null : cgcs2000Gk3For(dataLon);
  const all = [CGCS2000, ...(zone ? [zone] : []), WEB_MERCATOR, WGS84, ...datasetCrs];
  const seen = new Set<string>();
  return all.filter((def) => {
    if (seen.has(def.code)) return false;
    seen.add(def.code);
    return true;
  });
}
