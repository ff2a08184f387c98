import Control from 'ol/control/Control.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import type TileSource from 'ol/source/Tile.js';
import i18next from 'i18next';

/**
 * Range requests all raster layers may have in flight at once. Chromium refuses requests past its
 * own resource limits (ERR_INSUFFICIENT_RESOURCES) and queues past six per host; a 10,000² DEM
 * without this fired ~1,500 at once and lost 289 of them (ADR 0126).
 */
export const MAX_IN_FLIGHT = 6;
/** Tries per request: the first and three retries, waiting 250, 500, 1,000 ms (± a quarter). */
const TRIES = 4;
const FIRST_BACKOFF_MS = 250;

type Loader = (url: string, headers: HeadersInit, signal: AbortSignal) => Promise<Response>;

let inFlight = 0;
const queue: { readonly start: () => void; readonly signal: AbortSignal; readonly cancel: () => void }[] = [];

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

/** Waits for a free slot; a request aborted while it waits leaves the queue without ever starting. */
function acquire(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight += 1;
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    const entry = {
      signal,
      start: () => {
        signal.removeEventListener('abort', entry.cancel);
        inFlight += 1;
        resolve();
      },
      cancel: () => {
        const at = queue.indexOf(entry);
        if (at >= 0) queue.splice(at, 1);
        reject(abortError());
      },
    };
    signal.addEventListener('abort', entry.cancel, { once: true });
    queue.push(entry);
  });
}

function release(): void {
  inFlight -= 1;
  queue.shift()?.start();
}

/** A failure worth another try: the network or the server, not the request itself (4xx). */
const retryable = (status: number): boolean => status === 0 || status === 429 || status >= 500;

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * One Range request with a slot held until its body is read (so the browser never holds more
 * than MAX_IN_FLIGHT), retried with backoff on a network failure or a 5xx. The body comes back
 * in a fresh Response: geotiff.js reads it afterwards, outside the slot.
 */
async function fetchRange(url: string, headers: HeadersInit, signal: AbortSignal): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    await acquire(signal);
    try {
      const response = await fetch(url, { headers, signal });
      if (!retryable(response.status) || attempt >= TRIES) {
        const body = await response.arrayBuffer();
        return new Response(body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      }
    } catch (error) {
      if (signal.aborted || attempt >= TRIES) throw error;
    } finally {
      release();
    }
    const backoff = FIRST_BACKOFF_MS * 2 ** (attempt - 1);
    await wait(backoff * (0.75 + Math.random() / 2), signal);
  }
}

/** The loader OpenLayers' GeoTIFF source hands geotiff.js: bounded and retried (ADR 0126). */
export const rasterLoader: Loader = fetchRange;

/** Tiles one raster layer is loading now, and how many it has loaded so far. */
interface Watched {
  readonly name: string;
  /** Whether the layer can draw what it loaded (a raster waits for the sample its style needs). */
  readonly drawable: () => boolean;
  loading: number;
  loaded: number;
}

/**
 * The map's "loading n tiles" line: one entry per raster layer that still waits for tiles, gone
 * when they have all arrived. `data-tiles` holds the total in flight; `data-settled` turns "true"
 * once the map has finished a render (rendercomplete) with tiles loaded, none pending and every
 * layer drawable (styled), which is what tests and the first-paint bench wait for.
 */
export class LoadingIndicator extends Control {
  private readonly watched = new Map<string, Watched>();
  private readonly box: HTMLElement;

  constructor() {
    const element = document.createElement('div');
    element.className = 'ol-unselectable ol-control strata-loading';
    element.dataset['testid'] = 'map-loading';
    element.dataset['tiles'] = '0';
    element.dataset['settled'] = 'false';
    element.setAttribute('role', 'status');
    element.hidden = true;
    super({ element });
    this.box = element;
  }

  override setMap(map: OlMap | null): void {
    super.setMap(map);
    if (!map) return;
    // Control.setMap drops these keys when the control leaves the map.
    this.listenerKeys.push(
      map.on('rendercomplete', () => {
        const watched = [...this.watched.values()];
        const loaded = watched.some((w) => w.loaded > 0);
        if (loaded && this.total() === 0 && watched.every((w) => w.drawable()))
          this.box.dataset['settled'] = 'true';
      }),
    );
  }

  /** Counts `source`'s tile loads under the layer `id`; returns a function that stops it. */
  watch(id: string, name: string, source: TileSource, drawable: () => boolean): () => void {
    const entry: Watched = { name, drawable, loading: 0, loaded: 0 };
    this.watched.set(id, entry);
    const start = (): void => {
      entry.loading += 1;
      this.box.dataset['settled'] = 'false';
      this.show();
    };
    const end = (loaded: boolean): void => {
      entry.loading = Math.max(0, entry.loading - 1);
      if (loaded) entry.loaded += 1;
      this.show();
    };
    const keys = [
      source.on('tileloadstart', start),
      source.on('tileloadend', () => {
        end(true);
      }),
      source.on('tileloaderror', () => {
        end(false);
      }),
    ];
    return () => {
      unByKey(keys);
      this.watched.delete(id);
      this.show();
    };
  }

  private total(): number {
    return [...this.watched.values()].reduce((sum, w) => sum + w.loading, 0);
  }

  private show(): void {
    const busy = [...this.watched.values()].filter((w) => w.loading > 0);
    this.box.dataset['tiles'] = String(this.total());
    this.box.hidden = busy.length === 0;
    this.box.replaceChildren(
      ...busy.map((w) => {
        const line = document.createElement('div');
        line.textContent = i18next.t('map.loadingTiles', { count: w.loading, name: w.name });
        return line;
      }),
    );
  }
}
