import { create } from 'zustand';
import type { CoordinateFormat } from '../../map/tools/coordinate-format.js';
import type { Measurement } from '../../map/tools/measure-interaction.js';
import type { PixelValues } from '../../map/tools/raster-identify.js';

/** What a click on the map does: identify (features and pixel values) or add a measure vertex. */
export type MapTool = 'identify' | 'measureLength' | 'measureArea';

/** Pixel values of one raster layer under the last identify click. */
export interface RasterHit {
  readonly datasetId: string;
  readonly layerName: string;
  readonly pixel: PixelValues;
}

export interface MapToolsState {
  /** Map CRS code (persisted); its definition is looked up among the offered choices. */
  readonly mapCrs: string;
  /** CRS of the cursor readout (persisted). */
  readonly cursorCrs: string;
  readonly cursorFormat: CoordinateFormat;
  readonly tool: MapTool;
  readonly measurement: Measurement | null;
  /** Raster values under the last identify click (null: none asked or the click missed every raster). */
  readonly rasterHits: readonly RasterHit[] | null;
  readonly helpOpen: boolean;
}

const STORAGE_KEY = 'strata.mapTools';

type Persisted = Pick<MapToolsState, 'mapCrs' | 'cursorCrs' | 'cursorFormat'>;

const DEFAULTS: Persisted = { mapCrs: 'EPSG:4490', cursorCrs: 'EPSG:4490', cursorFormat: 'degrees' };

const FORMATS: readonly CoordinateFormat[] = ['degrees', 'dms', 'metres'];

/** The choices the user made last time (map CRS, cursor CRS and format); defaults where unreadable. */
function restored(): Persisted {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULTS;
    const r = raw as Record<string, unknown>;
    const code = (v: unknown, fallback: string): string =>
      typeof v === 'string' && /^[A-Z]+:\w+$/.test(v) ? v : fallback;
    const format = FORMATS.find((f) => f === r['cursorFormat']) ?? DEFAULTS.cursorFormat;
    return {
      mapCrs: code(r['mapCrs'], DEFAULTS.mapCrs),
      cursorCrs: code(r['cursorCrs'], DEFAULTS.cursorCrs),
      cursorFormat: format,
    };
  } catch {
    return DEFAULTS;
  }
}

export const useMapToolsStore = create<MapToolsState>()(() => ({
  ...restored(),
  tool: 'identify',
  measurement: null,
  rasterHits: null,
  helpOpen: false,
}));

const set = useMapToolsStore.setState;

function persist(): void {
  const { mapCrs, cursorCrs, cursorFormat } = useMapToolsStore.getState();
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ mapCrs, cursorCrs, cursorFormat }));
  } catch {
    // Storage may be disabled; the choice then lasts for this session only.
  }
}

export const setMapCrs = (mapCrs: string): void => {
  set({ mapCrs });
  persist();
};
export const setCursorCrs = (cursorCrs: string): void => {
  set({ cursorCrs });
  persist();
};
export const setCursorFormat = (cursorFormat: CoordinateFormat): void => {
  set({ cursorFormat });
  persist();
};
export const setTool = (tool: MapTool): void => {
  set({ tool, measurement: null, rasterHits: null });
};
export const setMeasurement = (measurement: Measurement | null): void => {
  set({ measurement });
};
export const setRasterHits = (rasterHits: readonly RasterHit[] | null): void => {
  set({ rasterHits });
};
export const setHelpOpen = (helpOpen: boolean): void => {
  set({ helpOpen });
};
