import type OlMap from 'ol/Map.js';
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import { transform } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type Geometry from 'ol/geom/Geometry.js';
import LineString from 'ol/geom/LineString.js';
import Polygon from 'ol/geom/Polygon.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { CGCS2000, ensureProjection } from '../projections.js';
import { geodesicArea, geodesicLength, type LonLat } from './geodesic.js';

export type MeasureKind = 'length' | 'area';

export interface Measurement {
  readonly kind: MeasureKind;
  /** Length of the line, or perimeter of the polygon, in metres. */
  readonly metres: number;
  /** Enclosed area in m² (area measurements only). */
  readonly squareMetres: number | null;
  readonly vertices: number;
  /** False while the user is still adding vertices. */
  readonly done: boolean;
}

const SKETCH_STYLE = new Style({
  stroke: new Stroke({ color: '#d4380d', width: 2, lineDash: [6, 4] }),
  fill: new Fill({ color: 'rgba(212,56,13,0.12)' }),
  image: new CircleStyle({ radius: 4, fill: new Fill({ color: '#d4380d' }) }),
});

/**
 * Distance and area measuring on the map: an OpenLayers Draw interaction whose sketch is
 * measured geodesically on the CGCS2000 ellipsoid whatever the map CRS (ADR 0116). Click adds a
 * vertex, double-click finishes, Esc (cancel) drops the sketch.
 */
export class MeasureTool {
  private readonly map: OlMap;
  private readonly source = new VectorSource();
  private readonly layer = new VectorLayer({ source: this.source, style: SKETCH_STYLE, zIndex: 20000 });
  private readonly onChange: (measurement: Measurement | null) => void;
  private draw: Draw | null = null;

  constructor(map: OlMap, onChange: (measurement: Measurement | null) => void) {
    this.map = map;
    this.onChange = onChange;
    ensureProjection(CGCS2000);
    map.addLayer(this.layer);
  }

  start(kind: MeasureKind): void {
    this.stop();
    const draw = new Draw({
      source: this.source,
      type: kind === 'length' ? 'LineString' : 'Polygon',
      style: SKETCH_STYLE,
    });
    draw.on('drawstart', (event) => {
      this.source.clear();
      const geometry = event.feature.getGeometry();
      geometry?.on('change', () => {
        this.onChange(this.measure(kind, geometry, false));
      });
    });
    draw.on('drawend', (event) => {
      const geometry = event.feature.getGeometry();
      if (geometry) this.onChange(this.measure(kind, geometry, true));
    });
    this.draw = draw;
    this.map.addInteraction(draw);
  }

  /** Ends measuring: the interaction goes, and with it the sketch and the result. */
  stop(): void {
    if (this.draw) {
      this.draw.abortDrawing();
      this.map.removeInteraction(this.draw);
      this.draw = null;
    }
    this.source.clear();
    this.onChange(null);
  }

  /** Drops the line being drawn (Esc) and keeps the tool on for a new one. */
  cancelSketch(): void {
    this.draw?.abortDrawing();
    this.source.clear();
    this.onChange(null);
  }

  dispose(): void {
    this.stop();
    this.map.removeLayer(this.layer);
    this.layer.dispose();
  }

  private measure(kind: MeasureKind, geometry: Geometry, done: boolean): Measurement | null {
    const projection = this.map.getView().getProjection();
    const toLonLat = (c: number[]): LonLat => {
      const [lon = 0, lat = 0] = transform(c, projection, CGCS2000.code);
      return [lon, lat];
    };
    if (kind === 'length' && geometry instanceof LineString) {
      const points = geometry.getCoordinates().map(toLonLat);
      return { kind, metres: geodesicLength(points), squareMetres: null, vertices: points.length, done };
    }
    if (!(geometry instanceof Polygon)) return null;
    const ring = (geometry.getCoordinates()[0] ?? []).map(toLonLat);
    const { area, perimeter } = geodesicArea(ring);
    return { kind, metres: perimeter, squareMetres: Math.abs(area), vertices: ring.length, done };
  }
}
