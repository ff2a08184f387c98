import type { Layout } from '../layout/layout.js';
import type { ProductFacts } from '../layout/product.js';
import type { JobOptions } from './job-options.js';

/** A product file as written: its path and size in bytes. */
export interface WrittenProduct {
  readonly file: string;
  readonly bytes: number;
}

/** Writes map products (ADR 0179); implemented by src-main/node/product. */
export interface ProductWriter {
  /**
   * Draws `layout` with `product`'s facts into a PDF at `file` (absolute), written fresh: a
   * temporary file beside it, synced, then renamed over it; nothing is left on failure or cancel.
   */
  writePdf(
    layout: Layout,
    product: ProductFacts,
    file: string,
    options?: JobOptions,
  ): Promise<WrittenProduct>;
}
