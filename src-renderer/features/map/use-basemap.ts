import { useEffect } from 'react';
import type { ApiErrorBody } from '../../../src-main/api/errors.js';
import { BasemapAttribution } from '../../map/basemap-attribution.js';
import { createBasemapTileLayer } from '../../map/basemap-tiles.js';
import type { MapController } from '../../map/MapController.js';
import { usePlatform } from '../../platform/platform-context.js';
import { chosenView, setBasemapTileError, setBasemapViews, useBasemapStore } from './basemap-store.js';

/**
 * Why a local tile failed: the host answers a tile it cannot read with the contract's error body
 * (ADR 0106). Same origin only; a service's server is never asked twice.
 */
async function localTileError(url: string): Promise<ApiErrorBody | null> {
  try {
    const response = await fetch(url);
    if (response.ok) return null;
    const body = (await response.json()) as { ok?: boolean; error?: ApiErrorBody };
    return body.ok === false && body.error ? body.error : null;
  } catch {
    return null;
  }
}

/**
 * Loads the configured basemaps and keeps the chosen one drawn under every layer of the map, its
 * attribution in the corner.
 */
export function useBasemap(controller: MapController | null): void {
  const { api, fileUrl } = usePlatform();
  const view = useBasemapStore(chosenView);
  useEffect(() => {
    let live = true;
    api['basemaps.list']({})
      .then((views) => {
        if (live) setBasemapViews(views);
      })
      .catch(() => {
        if (live) setBasemapViews([]);
      });
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(() => {
    if (!controller) return undefined;
    const attribution = new BasemapAttribution();
    attribution.setText(view?.basemap.attribution ?? '');
    controller.olMap.addControl(attribution);
    return () => {
      controller.olMap.removeControl(attribution);
    };
  }, [controller, view]);
  useEffect(() => {
    if (!controller) return;
    if (!view) {
      controller.setBasemap(null);
      return;
    }
    const id = view.basemap.id;
    const local = view.tiles !== null;
    controller.setBasemap(() =>
      createBasemapTileLayer(view, fileUrl, (url) => {
        if (!local) {
          setBasemapTileError({ id, error: null });
          return;
        }
        void localTileError(url).then((error) => {
          setBasemapTileError({ id, error });
        });
      }),
    );
  }, [controller, view, fileUrl]);
}
