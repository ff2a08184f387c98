import type { TFunction } from 'i18next';
import type { CrsDefinition } from '../../../src-main/api/types.js';
import { CGCS2000, WEB_MERCATOR, WGS84, gk3CentralMeridian } from '../../map/projections.js';

/** How a CRS of the short list is named in the selectors (the code always shown). */
export function crsLabel(def: CrsDefinition, t: TFunction): string {
  if (def.code === CGCS2000.code) return t('mapTools.crs.cgcs2000');
  if (def.code === WEB_MERCATOR.code) return t('mapTools.crs.webMercator');
  if (def.code === WGS84.code) return t('mapTools.crs.wgs84');
  const cm = gk3CentralMeridian(def.code);
  if (cm !== null) return t('mapTools.crs.gk3', { cm: String(cm), code: def.code });
  return t('mapTools.crs.ofData', { code: def.code });
}
