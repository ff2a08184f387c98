import { z } from 'zod';
import { boxOf, createTransform, crsFromEpsg, edgePoints } from '../../crs/index.js';
import { BLACK } from '../colour.js';
import { defineItem } from '../item-kind.js';
import { toPage, viewExtent, type MapView } from '../map-view.js';
import type { PagePoint } from '../page.js';
import { colourSchema } from './colour-schema.js';
import { TEXT_SIZE_MM } from './text-place.js';

const schema = z.strictObject({
  /** The map frame it is drawn over (lines inside, labels outside its edges). */
  mapFrame: z.string().min(1).max(64),
  /** `degrees`: a CGCS2000 graticule (经纬网); `km`: a kilometre grid (方里网) in the frame's own metres. */
  grid: z.enum(['degrees', 'km']).default('degrees'),
  /** Degrees or kilometres between lines; chosen for about five lines across when absent. */
  interval: z.number().positive().max(90).optional(),
  colour: colourSchema.optional(),
  size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(2.5),
});
type Props = z.infer<typeof schema>;

/** CGCS2000 geographic, the graticule's own CRS. */
const CGCS2000 = 4490;
const DEGREE_STEPS = [1, 2, 5, 7.5, 10, 15, 20, 30].map((m) => m / 60).concat([1, 2, 5, 10, 15, 30]);
const MAX_LINES = 6;
/** Points per grid line: enough for a meridian to curve smoothly across a projected frame. */
const SAMPLES = 64;
/** Share of the span a grid line runs past the frame on each side. */
const OVERRUN = 0.02;
/** Page mm a line may fall outside an edge and still be labelled there (a sheet edge on a round value). */
const EDGE_SLACK = 0.01;

function autoInterval(grid: Props['grid'], span: number): number {
  if (grid === 'degrees') return DEGREE_STEPS.find((s) => span / s <= MAX_LINES) ?? 30;
  const decade = 10 ** Math.floor(Math.log10(span / MAX_LINES));
  return [1, 2, 5, 10].map((s) => s * decade).find((s) => span / s <= MAX_LINES) ?? 10 * decade;
}

/** 116°15′ (seconds only when there are any). */
function dmsLabel(value: number): string {
  const total = Math.round(Math.abs(value) * 3600);
  const d = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${value < 0 ? '-' : ''}${String(d)}°${two(m)}′${s === 0 ? '' : `${two(s)}″`}`;
}

/** Where a polyline crosses the line `axis` = `at` (page mm): the other coordinate of each crossing. */
function crossings(points: readonly PagePoint[], axis: 0 | 1, at: number): number[] {
  const found: number[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined) continue;
    if ((a[axis] - at) * (b[axis] - at) > 0 || a[axis] === b[axis]) continue;
    const t = (at - a[axis]) / (b[axis] - a[axis]);
    const other = axis === 0 ? 1 : 0;
    found.push(a[other] + t * (b[other] - a[other]));
  }
  return found;
}

/** The frame's extent in the grid's CRS, from points along its edges. */
function gridExtent(
  view: MapView,
  fromView: (xy: readonly [number, number]) => [number, number],
): readonly number[] {
  // No finite point: an empty range, so no line is drawn.
  return boxOf(edgePoints(viewExtent(view), SAMPLES, fromView)) ?? [Infinity, Infinity, -Infinity, -Infinity];
}

/**
 * 经纬网 or 方里网: lines at round values across the map frame, labelled where they leave it
 * (meridians and eastings below and above, parallels and northings left and right).
 */
export const graticuleItem = defineItem<Props>({
  kind: 'graticule',
  schema,
  mapFrame: (props) => props.mapFrame,
  check: (props, view) =>
    props.grid === 'km' && view.crs.geographic ? 'problem.layout.kmGridGeographic' : null,
  draw({ port, mapView }, props) {
    const view = mapView(props.mapFrame);
    const gridCrs = props.grid === 'degrees' ? crsFromEpsg(CGCS2000) : view.crs;
    if (gridCrs === null) return;
    const toView = createTransform(gridCrs, view.crs);
    const fromView = createTransform(view.crs, gridCrs);
    const page = toPage(view);
    const unit = props.grid === 'km' ? 1000 / (view.crs.metresPerUnit ?? 1) : 1;
    const [gx0 = 0, gy0 = 0, gx1 = 0, gy1 = 0] = gridExtent(view, fromView);
    const interval =
      (props.interval ?? autoInterval(props.grid, Math.max(gx1 - gx0, gy1 - gy0) / unit)) * unit;
    const colour = props.colour ?? BLACK;
    const stroke = { colour, width: 0.15 };
    const { x, y, width, height } = view.frame;
    const label = (v: number): string =>
      props.grid === 'degrees' ? dmsLabel(v) : String(Math.round(v / unit));
    const text = { size: props.size, colour: BLACK };
    // Lines run a little past the frame, so each crosses its edges (clipping trims them).
    const line = (at: (t: number) => readonly [number, number]): PagePoint[] =>
      Array.from({ length: SAMPLES + 1 }, (_, i) => {
        const [vx, vy] = toView(at(-OVERRUN + ((1 + 2 * OVERRUN) * i) / SAMPLES));
        return page(vx, vy);
      });
    for (let n = Math.ceil(gx0 / interval - 1e-9); n * interval <= gx1 + 1e-9 * interval; n += 1) {
      const v = n * interval;
      const points = line((t) => [v, gy0 + t * (gy1 - gy0)]);
      port.clipped(view.frame, () => {
        port.polyline(points, stroke);
      });
      for (const at of crossings(points, 1, y + height))
        if (at >= x - EDGE_SLACK && at <= x + width + EDGE_SLACK)
          port.text(label(v), [at, y + height + props.size * 1.2], { ...text, align: 'center' });
      for (const at of crossings(points, 1, y))
        if (at >= x - EDGE_SLACK && at <= x + width + EDGE_SLACK)
          port.text(label(v), [at, y - props.size * 0.4], { ...text, align: 'center' });
    }
    for (let n = Math.ceil(gy0 / interval - 1e-9); n * interval <= gy1 + 1e-9 * interval; n += 1) {
      const v = n * interval;
      const points = line((t) => [gx0 + t * (gx1 - gx0), v]);
      port.clipped(view.frame, () => {
        port.polyline(points, stroke);
      });
      const middle = props.size * 0.38;
      for (const at of crossings(points, 0, x))
        if (at >= y - EDGE_SLACK && at <= y + height + EDGE_SLACK)
          port.text(label(v), [x - 1, at + middle], { ...text, align: 'right' });
      for (const at of crossings(points, 0, x + width))
        if (at >= y - EDGE_SLACK && at <= y + height + EDGE_SLACK)
          port.text(label(v), [x + width + 1, at + middle], { ...text, align: 'left' });
    }
  },
});
