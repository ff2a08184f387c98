import type {
  CrsDefinition,
  DatasetDetail,
  DatasetSummary,
  DisplaySource,
} from '../../src-main/api/types.js';
import type { LayerStyle } from './style/model.js';

type Extent = NonNullable<DatasetSummary['extent']>;

/** What the map needs to draw one dataset; built by React from a DatasetDetail. */
export interface MapLayerSpec {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly display: DisplaySource;
  readonly crs: CrsDefinition | null;
  /** In `crs` units, x = easting/longitude first. */
  readonly extent: Extent | null;
  readonly bandCount: number;
  /** Vectors: how many features and of which geometry (a dense point layer is drawn by WebGL). */
  readonly featureCount: number;
  readonly geometryType: DatasetSummary['geometryType'] | null;
  readonly dataType: string | null;
  readonly visible: boolean;
  /** 0 (transparent) to 1 (opaque). */
  readonly opacity: number;
  /** Higher draws on top. */
  readonly zIndex: number;
  /** Index into the vector palette (stable per dataset in the list). */
  readonly colourIndex: number;
  /** The user's saved style for the dataset; null draws the default for its kind (style/model.ts). */
  readonly style: LayerStyle | null;
}

export function layerSpecOf(
  detail: DatasetDetail,
  fileUrl: (logicalPath: string) => string,
  placement: {
    readonly visible: boolean;
    readonly opacity: number;
    readonly zIndex: number;
    readonly colourIndex: number;
    readonly style: LayerStyle | null;
  },
): MapLayerSpec {
  const s = detail.summary;
  return {
    id: s.id,
    name: s.title || s.name,
    url: fileUrl(detail.display.path),
    display: detail.display,
    crs: detail.crsDefinition,
    extent: s.extent,
    bandCount: s.bandCount ?? 1,
    featureCount: s.featureCount ?? 0,
    geometryType: s.geometryType ?? null,
    dataType: s.dataType ?? null,
    ...placement,
  };
}
