import { create } from 'zustand';
import type { ApiErrorBody } from '../../../src-main/api/errors.js';
import type { BasemapView } from '../../../src-main/api/types.js';

export interface BasemapState {
  /** The configured basemaps (basemaps.list); empty until loaded, and when none is configured. */
  readonly views: readonly BasemapView[];
  /** The basemap the user switched on (persisted), or null for none. */
  readonly chosen: string | null;
  /**
   * A tile of the chosen basemap failed to load: the host's reason for a local tile set, null for
   * a service (its server does not say).
   */
  readonly tileError: { readonly id: string; readonly error: ApiErrorBody | null } | null;
}

const STORAGE_KEY = 'strata.basemap';

function restored(): string | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw !== null && /^[a-z0-9][a-z0-9_-]{0,39}$/.test(raw) ? raw : null;
  } catch {
    return null;
  }
}

export const useBasemapStore = create<BasemapState>()(() => ({
  views: [],
  chosen: restored(),
  tileError: null,
}));

export const setBasemapViews = (views: readonly BasemapView[]): void => {
  useBasemapStore.setState({ views });
};

export const chooseBasemap = (chosen: string | null): void => {
  useBasemapStore.setState({ chosen, tileError: null });
  try {
    if (chosen === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // Storage may be disabled; the choice then lasts for this session only.
  }
};

export const setBasemapTileError = (tileError: BasemapState['tileError']): void => {
  useBasemapStore.setState({ tileError });
};

/** The chosen basemap's view, when it is still configured. */
export const chosenView = (s: BasemapState): BasemapView | null =>
  s.views.find((v) => v.basemap.id === s.chosen) ?? null;
