import type { FindingLocation } from '../core/model/finding.js';
import type { Message } from './messages.js';

/** Feature numbers a location shows before "…" (the rest are counted). */
const SHOWN_FEATURES = 5;

/** A number of the dataset's CRS as shown in a location: enough digits for metres or degrees. */
const coordinate = (v: number): string => String(Number(v.toPrecision(10)));

/**
 * A finding's location as messages, each host rendering them in its own language and joining them
 * (' · '): the part, field, band, features, pixel window and area it names, or the whole dataset.
 */
export function locationMessages(where: FindingLocation): Message[] {
  const out: Message[] = [];
  if (where.part !== undefined)
    out.push({ key: `where.part.${where.part}`, params: { name: where.name ?? '' } });
  if (where.field !== undefined) out.push({ key: 'where.field', params: { field: where.field } });
  if (where.band !== undefined) out.push({ key: 'where.band', params: { band: where.band } });
  if (where.features !== undefined && where.features.length > 0) {
    const count = where.featureCount ?? where.features.length;
    const shown = where.features.slice(0, SHOWN_FEATURES).map(String);
    const list = count > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
    out.push({ key: 'where.features', params: { list, count } });
  }
  if (where.window !== undefined) {
    const [column, row, width, height] = where.window;
    out.push({ key: 'where.window', params: { column, row, width, height } });
  }
  if (where.area !== undefined) {
    const [minX, minY, maxX, maxY] = where.area.map(coordinate);
    out.push({
      key: 'where.area',
      params: { minX: minX ?? '', minY: minY ?? '', maxX: maxX ?? '', maxY: maxY ?? '' },
    });
  }
  return out.length > 0 ? out : [{ key: 'where.dataset', params: {} }];
}

/** How a host joins the parts of a location, in either language. */
export const LOCATION_SEPARATOR = ' · ';
