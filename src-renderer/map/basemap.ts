import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { BASEMAP_STYLE } from './vector-style.js';

// Resolved at build time: when resources/basemap/countries.geojson exists it is emitted as an
// asset of the renderer bundle (served by every host from its own origin); when it does not, the
// map shows only the plain background. Never an online tile service.
const found = import.meta.glob<string>('../../resources/basemap/countries.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
});

export const BASEMAP_URL: string | null = Object.values(found)[0] ?? null;

/** Offline country outlines (WGS 84 lon/lat GeoJSON), or null when none ships with the build. */
export function createBasemapLayer(): VectorLayer | null {
  if (BASEMAP_URL === null) return null;
  return new VectorLayer({
    source: new VectorSource({ url: BASEMAP_URL, format: new GeoJSON() }),
    style: BASEMAP_STYLE,
    zIndex: -1000,
    declutter: false,
  });
}
