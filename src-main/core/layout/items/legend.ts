import { z } from 'zod';
import type { Geometry } from '../../model/index.js';
import { BLACK } from '../colour.js';
import type { DrawingPort } from '../drawing-port.js';
import { defineItem } from '../item-kind.js';
import type { PagePoint } from '../page.js';
import type { ProductLayer } from '../product.js';
import { TEXT_SIZE_MM } from './text-place.js';

const schema = z.strictObject({
  title: z.string().max(40).default('图例'),
  size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(3.5),
});

type Shape = 'point' | 'line' | 'area';

function shapeOf(g: Geometry): Shape {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'area';
    case 'GeometryCollection':
      return g.geometries[0] === undefined ? 'point' : shapeOf(g.geometries[0]);
  }
}

/** What a layer's swatch shows: its first geometry's shape. */
const layerShape = (layer: ProductLayer): Shape => {
  const first = layer.features.find((f) => f.geometry !== null)?.geometry;
  return first ? shapeOf(first) : 'area';
};

/** A swatch of `width` × `height` mm at top-left (x, y) drawn in the layer's style. */
function swatch(
  port: DrawingPort,
  layer: ProductLayer,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const { fill, stroke, pointSize } = layer.style;
  const shape = layerShape(layer);
  if (shape === 'line') {
    if (stroke)
      port.polyline(
        [
          [x, y + height / 2],
          [x + width, y + height / 2],
        ],
        stroke,
      );
    return;
  }
  const box = (cx: number, cy: number, w: number, h: number): PagePoint[] => [
    [cx - w / 2, cy - h / 2],
    [cx + w / 2, cy - h / 2],
    [cx + w / 2, cy + h / 2],
    [cx - w / 2, cy + h / 2],
  ];
  if (shape === 'point')
    port.polygon(
      [box(x + width / 2, y + height / 2, pointSize, pointSize)],
      fill ?? stroke?.colour ?? BLACK,
      null,
    );
  else
    port.polygon(
      [box(x + width / 2, y + height / 2, width, height)],
      fill,
      stroke ?? { colour: BLACK, width: 0.1 },
    );
}

/** 图例: the title, then one row per layer: its swatch and its label (the dataset's 题名). */
export const legendItem = defineItem<z.infer<typeof schema>>({
  kind: 'legend',
  schema,
  draw({ port, frame, product }, { title, size }) {
    port.text(title, [frame.x + frame.width / 2, frame.y + size * 1.2], {
      size: size * 1.2,
      colour: BLACK,
      align: 'center',
      bold: true,
    });
    const row = size * 2;
    const swatchWidth = size * 3;
    product.layers.forEach((layer, i) => {
      const top = frame.y + size * 2.6 + i * row;
      if (top + row > frame.y + frame.height) return;
      swatch(port, layer, frame.x + 1, top + row * 0.2, swatchWidth, row * 0.6);
      port.text(layer.label, [frame.x + swatchWidth + 3, top + row / 2 + size * 0.38], {
        size,
        colour: BLACK,
        align: 'left',
      });
    });
  },
});
