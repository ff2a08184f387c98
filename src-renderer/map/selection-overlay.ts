import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { isEmpty, type Extent } from 'ol/extent.js';
import type { FeaturePageResult } from '../../src-main/api/types.js';
import type { Style } from 'ol/style.js';

type Geometry = FeaturePageResult['rows'][number]['geometry'];

/** Features selected in the attribute table: their geometries (dataset CRS) and the CRS code. */
export interface MapSelection {
  readonly layerId: string;
  /** EPSG code of the geometries; null draws them as if in the view CRS. */
  readonly crs: string | null;
  readonly features: readonly { readonly fid: number; readonly geometry: Geometry }[];
}

/**
 * A layer of its own above the data layers drawing shapes picked elsewhere (the table's selection,
 * a review finding), so that showing them never touches how a vector layer loads.
 * `target.dataset[mark]` tells tests how many it draws, `target.dataset[mark + 'Layer']` whose.
 */
export class SelectionOverlay {
  readonly layer: VectorLayer;
  private readonly source = new VectorSource();
  private readonly target: HTMLElement;
  private readonly mark: string;
  private selection: MapSelection | null = null;

  constructor(target: HTMLElement, style: Style, zIndex: number, mark: string) {
    this.target = target;
    this.mark = mark;
    this.layer = new VectorLayer({ source: this.source, style, zIndex });
    this.target.dataset[mark] = '0';
  }

  /** Draws `selection` (null: nothing) in `viewCrs`. */
  show(selection: MapSelection | null, viewCrs: string): void {
    this.selection = selection;
    this.source.clear();
    const drawn = (selection?.features ?? []).filter((f) => f.geometry !== null);
    if (selection && drawn.length > 0) {
      const format = new GeoJSON({ dataProjection: selection.crs ?? viewCrs, featureProjection: viewCrs });
      this.source.addFeatures(
        format.readFeatures({
          type: 'FeatureCollection',
          features: drawn.map((f) => ({ type: 'Feature', id: f.fid, properties: {}, geometry: f.geometry })),
        }),
      );
    }
    this.target.dataset[this.mark] = String(this.source.getFeatures().length);
    this.target.dataset[`${this.mark}Layer`] = selection?.layerId ?? '';
  }

  /** Draws the same selection again in another view CRS. */
  reproject(viewCrs: string): void {
    this.show(this.selection, viewCrs);
  }

  /** Extent of what is drawn, in the view CRS; null when nothing is. */
  extent(): Extent | null {
    const extent = this.source.getExtent();
    return extent && !isEmpty(extent) ? extent : null;
  }
}
