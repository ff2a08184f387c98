export { BLACK, WHITE, cmyk, rgb, toRgb, type Colour } from './colour.js';
export type { DrawingPort, Stroke, TextStyle } from './drawing-port.js';
export { defaultLayout, type DefaultLayoutOptions, type Responsibility } from './default-layout.js';
export { drawLayout } from './draw-layout.js';
export type { FrameTarget } from './fit.js';
export { fitTemplate } from './fit-template.js';
export { defaultLayerStyle } from './layer-style.js';
export {
  LAYOUT_FORMAT,
  layoutDocumentSchema,
  readLayout,
  type Layout,
  type LayoutDocument,
} from './layout.js';
export {
  PAPERS,
  PAPER_SIZES,
  pageSize,
  type Orientation,
  type PagePoint,
  type Paper,
  type Rect,
} from './page.js';
export { LAYOUT_PROBLEMS, type LayoutProblem, type LayoutProblemKey } from './problems.js';
export type { LayerStyle, ProductFacts, ProductLayer } from './product.js';
export { productMark, type ProductMark, type RecordMarking } from './product-mark.js';
export { ITEM_KINDS } from './registry.js';
export { scaleText } from './scale-text.js';
export { layersExtent } from './layers-extent.js';
