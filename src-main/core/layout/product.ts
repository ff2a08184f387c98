import type { CrsInfo, VectorFeature } from '../model/index.js';
import type { Colour } from './colour.js';
import type { Stroke } from './drawing-port.js';

/** How a layer is drawn and shown in the legend: polygon fill, line, point symbol (sizes in mm). */
export interface LayerStyle {
  readonly fill: Colour | null;
  readonly stroke: Stroke | null;
  readonly pointSize: number;
}

/** One layer of the product: a dataset's features in its own CRS (x = easting/longitude first). */
export interface ProductLayer {
  /** What the legend calls it: the dataset's 题名. */
  readonly label: string;
  readonly crs: CrsInfo;
  readonly features: readonly VectorFeature[];
  readonly style: LayerStyle;
}

/** What the items show of the data, computed from the datasets and their records, never typed in a layout. */
export interface ProductFacts {
  readonly title: string;
  /** 密级★保密期限, or null for a public product (ADR 0179). */
  readonly marking: string | null;
  /** 数据来源: the datasets' own, joined. */
  readonly attribution: string;
  readonly layers: readonly ProductLayer[];
}
