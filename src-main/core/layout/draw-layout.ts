import type { DrawingPort } from './drawing-port.js';
import type { Layout } from './layout.js';
import type { ProductFacts } from './product.js';

/** Draws every item of the layout in order (later items over earlier ones) through `port`. */
export function drawLayout(layout: Layout, product: ProductFacts, port: DrawingPort): void {
  for (const item of layout.items)
    item.draw({ port, id: item.id, frame: item.frame, product, mapView: (id) => layout.mapView(id) });
}
