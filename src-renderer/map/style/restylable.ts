import type BaseLayer from 'ol/layer/Base.js';
import type { LayerStyle } from './model.js';

/** A map layer that takes a new style in place (no reload of its data). */
export interface Restylable {
  restyle(style: LayerStyle | null): void;
  /** False while the layer cannot draw its style yet (a raster waiting for its sample). */
  readonly styled: boolean;
}

export const isRestylable = (layer: BaseLayer): layer is BaseLayer & Restylable =>
  typeof (layer as Partial<Restylable>).restyle === 'function';
