import { addCoordinateTransforms, get as getProjection } from 'ol/proj.js';
import type { Coordinate } from 'ol/coordinate.js';
import proj4 from 'proj4';
import type { MapTransform, TransformPlan } from '../../src-main/api/types.js';

type Forward = (coordinate: Coordinate) => Coordinate;

const within = (area: TransformPlan['areas'][number]['area'], [lon = NaN, lat = NaN]: number[]): boolean =>
  area === null || (lon >= area[0] && lon <= area[2] && lat >= area[1] && lat <= area[3]);

/** A plan as OpenLayers calls a transform: x first, the first area holding the point deciding. */
function forwardOf(plan: TransformPlan): Forward {
  const otherwise = proj4(plan.otherwise[0], plan.otherwise[1]);
  const areas = plan.areas.map((a) => ({ area: a.area, converter: proj4(a.from, a.to) }));
  const lonLat = proj4(plan.lonLat[0], plan.lonLat[1]);
  return (coordinate) => {
    const xy = [coordinate[0] ?? NaN, coordinate[1] ?? NaN];
    const hit = areas.length === 0 ? undefined : areas.find((a) => within(a.area, lonLat.forward(xy)));
    return (hit?.converter ?? otherwise).forward(xy);
  };
}

// What each pair is drawn with now ("from>to" → its two plans), so a plan is installed once.
const installed = new Map<string, string>();

/**
 * Makes OpenLayers reproject between national datums with the main process's own plans (ADR
 * 0105): the loaded datum shifts, or none where none is loaded, instead of whatever `+towgs84`
 * the registry gives one side. `transforms` holds each pair both ways; pairs outside the
 * national datums keep proj4's registration. True when what some pair is drawn with changed, so
 * the layers drawn with the old transforms must be built again.
 */
export function installMapTransforms(transforms: readonly MapTransform[]): boolean {
  const byPair = new Map(transforms.map((t) => [`${t.from}>${t.to}`, t]));
  let changed = false;
  for (const there of transforms) {
    if (there.shift !== 'loaded' && there.shift !== 'unknown') continue;
    const back = byPair.get(`${there.to}>${there.from}`);
    const from = getProjection(there.from);
    const to = getProjection(there.to);
    if (!back || !from || !to) continue;
    const key = `${there.from}>${there.to}`;
    const plans = JSON.stringify([there.plan, back.plan]);
    if (installed.get(key) === plans) continue;
    addCoordinateTransforms(from, to, forwardOf(there.plan), forwardOf(back.plan));
    installed.set(key, plans);
    changed = true;
  }
  return changed;
}
