import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';

/** Distinct, print-safe hues for vector layers (ColorBrewer Dark2 + Set1 picks). */
const PALETTE: readonly (readonly [number, number, number])[] = [
  [217, 95, 2],
  [27, 158, 119],
  [117, 112, 179],
  [231, 41, 138],
  [102, 166, 30],
  [230, 171, 2],
  [166, 118, 29],
  [55, 126, 184],
];

const rgba = (c: readonly [number, number, number], a: number): string => `rgba(${c.join(',')},${String(a)})`;

/** One style for all geometry types of a layer: points as dots, lines as strokes, polygons tinted. */
export function vectorStyle(colourIndex: number): Style {
  const colour = PALETTE[colourIndex % PALETTE.length] ?? [217, 95, 2];
  const stroke = new Stroke({ color: rgba(colour, 1), width: 1.5 });
  const fill = new Fill({ color: rgba(colour, 0.18) });
  return new Style({
    stroke,
    fill,
    image: new CircleStyle({
      radius: 4,
      fill: new Fill({ color: rgba(colour, 0.9) }),
      stroke: new Stroke({ color: '#fff', width: 1 }),
    }),
  });
}

/** Highlight drawn over the clicked feature. */
export const HIGHLIGHT_STYLE = new Style({
  stroke: new Stroke({ color: '#00e5ff', width: 3 }),
  fill: new Fill({ color: 'rgba(0,229,255,0.15)' }),
  image: new CircleStyle({
    radius: 7,
    stroke: new Stroke({ color: '#00e5ff', width: 3 }),
    fill: new Fill({ color: 'rgba(0,229,255,0.25)' }),
  }),
});

export const BASEMAP_STYLE = new Style({
  fill: new Fill({ color: '#f4f1ea' }),
  stroke: new Stroke({ color: '#b9b3a6', width: 0.6 }),
});
