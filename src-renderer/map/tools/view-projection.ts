import View, { type ViewOptions } from 'ol/View.js';
import { getPointResolution, get as getProjection, transform } from 'ol/proj.js';

/**
 * A view in another CRS that shows the same place at the same ground scale: the centre is
 * transformed and the resolution rescaled by the ground size of one unit at the centre.
 * `options` carries the view settings the map uses (zoom limits). Null when the CRS is unknown.
 */
export function viewInProjection(current: View, code: string, options: ViewOptions = {}): View | null {
  const target = getProjection(code);
  if (!target) return null;
  const source = current.getProjection();
  const centre = current.getCenter();
  const resolution = current.getResolution();
  if (!centre || resolution === undefined) return new View({ ...options, projection: target });
  const moved = transform(centre, source, target);
  if (!moved.every(Number.isFinite)) return new View({ ...options, projection: target });
  const ground = getPointResolution(source, resolution, centre, 'm');
  const unitGround = getPointResolution(target, 1, moved, 'm');
  return new View({
    ...options,
    projection: target,
    center: moved,
    resolution: ground / unitGround,
    rotation: current.getRotation(),
  });
}
