import type { FlatStyle } from 'ol/style/flat.js';
import LayerGroup from 'ol/layer/Group.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import type VectorSource from 'ol/source/Vector.js';
import type { LayerStyle, Rgb, VectorRenderer } from './style/model.js';
import { defaultVectorStyle } from './style/model.js';
import type { Restylable } from './style/restylable.js';

/** Point layers with at least this many features are drawn by WebGL (ADR 0150). */
export const DENSE_POINTS = 50_000;

const rgba = (c: Rgb, alpha = 0.9): number[] => [c[0], c[1], c[2], alpha];

/**
 * The renderer as a WebGL colour expression: the same colours symbolColour (classify.ts) picks.
 * Categories match text or number values (a class of another type, e.g. a boolean, falls to
 * "other"); graduated classes compare the field's number.
 */
export function colourExpression(renderer: VectorRenderer): unknown {
  if (renderer.kind === 'single') return rgba(renderer.colour);
  const value = ['get', renderer.field];
  if (renderer.kind === 'categorised') {
    const texts = renderer.classes.filter((c) => typeof c.value === 'string');
    const numbers = renderer.classes.filter((c) => typeof c.value === 'number');
    const classes = texts.length >= numbers.length ? texts : numbers;
    if (classes.length === 0) return rgba(renderer.otherColour);
    return ['match', value, ...classes.flatMap((c) => [c.value, rgba(c.colour)]), rgba(renderer.otherColour)];
  }
  if (renderer.classes.length === 0) return rgba(renderer.otherColour);
  const last = renderer.classes.length - 1;
  return [
    'case',
    ...renderer.classes.flatMap((c, i) => [
      ['all', ['>=', value, c.min], [i === last ? '<=' : '<', value, c.max]],
      rgba(c.colour),
    ]),
    rgba(renderer.otherColour),
  ];
}

/** Dots as the canvas renderer draws them (vector-style.ts): radius 4, white 1 px outline, no labels. */
export const densePointStyle = (renderer: VectorRenderer): FlatStyle =>
  ({
    'circle-radius': 4,
    'circle-fill-color': colourExpression(renderer),
    'circle-stroke-color': [255, 255, 255, 1],
    'circle-stroke-width': 1,
  }) as FlatStyle;

/**
 * A very dense point layer: a WebGL vector layer over the layer's source, inside a group so that a
 * new style replaces the WebGL layer (its style is fixed at creation) without reloading features.
 */
export class DensePointsLayer extends LayerGroup implements Restylable {
  readonly styled = true;
  private current: WebGLVectorLayer<VectorSource> | null = null;

  constructor(
    private readonly source: VectorSource,
    private readonly strataId: string,
    private readonly colour: Rgb,
    style: LayerStyle | null,
    options: { readonly zIndex: number; readonly visible: boolean },
  ) {
    super(options);
    this.restyle(style);
  }

  restyle(style: LayerStyle | null): void {
    const vector = style?.kind === 'vector' ? style.vector : defaultVectorStyle(this.colour);
    const next = new WebGLVectorLayer({ source: this.source, style: densePointStyle(vector.renderer) });
    // Identify looks for these on the layer a hit comes from (MapController.pick).
    next.set('strataId', this.strataId);
    next.set('strataVector', true);
    const layers = this.getLayers();
    if (this.current) {
      layers.remove(this.current);
      this.current.dispose();
    }
    layers.push(next);
    this.current = next;
  }

  override disposeInternal(): void {
    this.current?.dispose();
    super.disposeInternal();
  }
}
