import { z } from 'zod';
import { createTransform, crsFromCode } from '../../crs/index.js';
import type { Extent, Geometry, Position } from '../../model/index.js';
import { BLACK } from '../colour.js';
import type { DrawingPort } from '../drawing-port.js';
import { defineItem } from '../item-kind.js';
import { geometriesExtent } from '../../formats/vector-summary.js';
import { extentsIn } from '../layers-extent.js';
import { toPage, viewExtent } from '../map-view.js';
import type { PagePoint } from '../page.js';
import type { LayerStyle } from '../product.js';

const schema = z.strictObject({
  /** The CRS the frame's content is projected into (`EPSG:4490`). */
  crs: z.string().min(1).max(80),
  /** Centre of the frame's extent in that CRS, x = easting/longitude first. */
  center: z.tuple([z.number(), z.number()]),
  /** 1:N. */
  scale: z.number().positive().max(100_000_000),
});
type Props = z.infer<typeof schema>;

type Project = (p: Position) => PagePoint;

const overlaps = (a: Extent | null, b: Extent): boolean =>
  a !== null && a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** A point symbol: a square of the style's size centred on the point. */
function pointRing([x, y]: PagePoint, size: number): PagePoint[] {
  const h = size / 2;
  return [
    [x - h, y - h],
    [x + h, y - h],
    [x + h, y + h],
    [x - h, y + h],
  ];
}

function drawGeometry(port: DrawingPort, g: Geometry, style: LayerStyle, project: Project): void {
  const line = (ps: readonly Position[]): PagePoint[] => ps.map(project);
  const polygon = (rings: readonly (readonly Position[])[]): void => {
    port.polygon(rings.map(line), style.fill, style.stroke);
  };
  const point = (p: Position): void => {
    port.polygon([pointRing(project(p), style.pointSize)], style.fill ?? style.stroke?.colour ?? BLACK, null);
  };
  switch (g.type) {
    case 'Point':
      point(g.coordinates);
      return;
    case 'MultiPoint':
      g.coordinates.forEach(point);
      return;
    case 'LineString':
      if (style.stroke) port.polyline(line(g.coordinates), style.stroke);
      return;
    case 'MultiLineString':
      for (const part of g.coordinates) if (style.stroke) port.polyline(line(part), style.stroke);
      return;
    case 'Polygon':
      polygon(g.coordinates);
      return;
    case 'MultiPolygon':
      g.coordinates.forEach(polygon);
      return;
    case 'GeometryCollection':
      for (const part of g.geometries) drawGeometry(port, part, style, project);
  }
}

/** The map: every layer's features projected into the frame's CRS, clipped to it, then its neatline. */
export const mapFrameItem = defineItem<Props>({
  kind: 'map-frame',
  schema,
  view: (props, frame) => {
    const crs = crsFromCode(props.crs);
    return crs === null ? 'problem.layout.crs' : { crs, center: props.center, scale: props.scale, frame };
  },
  draw({ port, id, frame, product, mapView }) {
    const view = mapView(id);
    const page = toPage(view);
    port.clipped(frame, () => {
      for (const layer of product.layers) {
        // Features wholly outside the frame (an atlas sheet of a wide layer) are not drawn at all.
        const shown = extentsIn([{ crs: view.crs, extent: viewExtent(view) }], layer.crs);
        const transform = createTransform(layer.crs, view.crs);
        const project: Project = (p) => {
          const [x, y] = transform([p[0] ?? NaN, p[1] ?? NaN]);
          return page(x, y);
        };
        for (const feature of layer.features) {
          const g = feature.geometry;
          if (g === null || (shown !== null && !overlaps(geometriesExtent([g]), shown))) continue;
          drawGeometry(port, g, layer.style, project);
        }
      }
    });
    const { x, y, width, height } = frame;
    const ring: PagePoint[] = [
      [x, y],
      [x + width, y],
      [x + width, y + height],
      [x, y + height],
    ];
    port.polygon([ring], null, { colour: BLACK, width: 0.3 });
  },
});
