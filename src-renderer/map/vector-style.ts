import type { FeatureLike } from 'ol/Feature.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style, { type StyleFunction } from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import { symbolColour } from './style/classify.js';
import { LABEL_FONT_FAMILY, type Rgb, type VectorStyle } from './style/model.js';
import { cssColour } from './style/ramps.js';

/** Distinct, print-safe hues for vector layers (ColorBrewer Dark2 + Set1 picks). */
const PALETTE: readonly Rgb[] = [
  [217, 95, 2],
  [27, 158, 119],
  [117, 112, 179],
  [231, 41, 138],
  [102, 166, 30],
  [230, 171, 2],
  [166, 118, 29],
  [55, 126, 184],
];

/** The single-symbol colour a layer starts with, stable per position in the layer list. */
export const layerColour = (colourIndex: number): Rgb =>
  PALETTE[colourIndex % PALETTE.length] ?? [217, 95, 2];

/** One symbol for all geometry types: points as dots, lines as strokes, polygons tinted. */
function symbol(colour: Rgb, fillOpacity: number): Style {
  return new Style({
    stroke: new Stroke({ color: cssColour(colour), width: 1.5 }),
    fill: new Fill({ color: cssColour(colour, fillOpacity) }),
    image: new CircleStyle({
      radius: 4,
      fill: new Fill({ color: cssColour(colour, 0.9) }),
      stroke: new Stroke({ color: '#fff', width: 1 }),
      // Points are data, not labels: they never give way to decluttered text.
      declutterMode: 'none',
    }),
  });
}

const labelText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';

/**
 * The OpenLayers style function for a vector style: the renderer picks each feature's colour
 * (symbols cached per colour), labels come from a field in a local CJK font stack.
 */
export function vectorStyleFunction(style: VectorStyle): StyleFunction {
  const symbols = new Map<string, Style>();
  const symbolFor = (colour: Rgb): Style => {
    const key = colour.join(',');
    let found = symbols.get(key);
    if (!found) {
      found = symbol(colour, style.fillOpacity);
      symbols.set(key, found);
    }
    return found;
  };
  const labels = style.labels;
  const font = labels ? `${String(labels.size)}px ${LABEL_FONT_FAMILY}` : '';
  return (feature: FeatureLike) => {
    const properties = feature.getProperties();
    const base = symbolFor(symbolColour(style.renderer, properties));
    if (!labels) return base;
    const text = labelText(properties[labels.field]);
    if (text === '') return base;
    return [
      base,
      new Style({
        text: new Text({
          text,
          font,
          fill: new Fill({ color: cssColour(labels.colour) }),
          stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
          offsetY: feature.getGeometry()?.getType() === 'Point' ? -(labels.size * 0.6 + 6) : 0,
          overflow: true,
        }),
      }),
    ];
  };
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

/** Features selected in the attribute table (yellow, after QGIS), under the identify highlight. */
export const SELECTION_STYLE = new Style({
  stroke: new Stroke({ color: '#ffcc00', width: 3 }),
  fill: new Fill({ color: 'rgba(255,204,0,0.3)' }),
  image: new CircleStyle({
    radius: 6,
    stroke: new Stroke({ color: '#b38f00', width: 2 }),
    fill: new Fill({ color: 'rgba(255,204,0,0.85)' }),
  }),
});

/** A review finding on the map: features, pixel windows and areas outlined in red, dashed. */
export const FINDING_STYLE = new Style({
  stroke: new Stroke({ color: '#e60000', width: 3, lineDash: [8, 5] }),
  fill: new Fill({ color: 'rgba(230,0,0,0.12)' }),
  image: new CircleStyle({
    radius: 8,
    stroke: new Stroke({ color: '#e60000', width: 3 }),
    fill: new Fill({ color: 'rgba(230,0,0,0.25)' }),
  }),
});
