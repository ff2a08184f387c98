import type Feature from 'ol/Feature.js';
import type { FeatureLoader } from 'ol/featureloader.js';
import { containsExtent, type Extent } from 'ol/extent.js';
import { get as getProjection, transformExtent, type ProjectionLike } from 'ol/proj.js';
import type VectorSource from 'ol/source/Vector.js';
import { ol as fgb } from 'flatgeobuf';

// The flatgeobuf reader (4.5.0) logs through console.debug twice per feature it reads and once
// per index node range: at 300,000 points that is over half a million messages per load, which
// alone stalls the renderer (and floods DevTools). The app itself never logs at debug level.
console.debug = (): void => undefined;

/** How a read ended: a failed one keeps its extent as loaded (a broken file is not asked again). */
type Outcome = 'read' | 'stale' | 'failed';

interface Read {
  readonly extent: Extent;
  readonly done: Promise<Outcome>;
}

/** Features handed to the source at a time: the map draws while the rest still arrives. */
const BATCH = 20_000;
/** A load starts once the view has rested this long: a drag or wheel run asks for its last extent only. */
const SETTLE_MS = 200;

/**
 * A bbox-strategy loader for an indexed FlatGeobuf display copy (ADR 0150): each extent the view
 * needs is transformed into the layer's CRS and asked of the file's R-tree over HTTP Range; only
 * the features inside come. The feature number the copy carries in its last column becomes the
 * feature's id (1..N, see feature-ids.ts), which also keeps a feature loaded twice (overlapping
 * extents) once in the source. A newer load makes an older one stale (the view moved on): it is
 * dropped between batches, its extent is taken off the source's loaded extents (OpenLayers keeps
 * a failed extent as loaded) and it is reported as failed, so the source asks again if the view
 * returns. An extent inside the one still being read waits for that read (and ends as it ends) instead of making it stale:
 * taking a stale extent off also cuts it out of the newer load's, and the source asks for that
 * part again while the newer read is still running.
 */
export function flatGeobufLoader(
  source: VectorSource,
  url: string,
  dataProjection: string,
  viewProjection: ProjectionLike,
  onError: () => void,
): FeatureLoader {
  let reading: Read | null = null;
  return (extent, _resolution, _projection, success, failure) => {
    const dropped = (): 'stale' => {
      source.removeLoadedExtent(extent);
      failure?.();
      return 'stale';
    };
    if (reading && containsExtent(reading.extent, extent)) {
      void reading.done.then((outcome) => {
        if (outcome === 'read') success?.([]);
        else if (outcome === 'stale') dropped();
        else failure?.();
      });
      return;
    }
    const current: { readonly extent: Extent; done: Promise<Outcome> } = {
      extent,
      done: Promise.resolve('stale'),
    };
    reading = current;
    const stale = (): boolean => reading !== current;
    const read = async (): Promise<Outcome> => {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      if (stale()) return dropped();
      const [minX = 0, minY = 0, maxX = 0, maxY = 0] = transformExtent(
        extent,
        viewProjection,
        dataProjection,
        8,
      );
      // Set by the library once it has read the header, before the first feature.
      const header: { numberColumn: string | null } = { numberColumn: null };
      const features = fgb.deserialize(url, {
        rect: { minX, minY, maxX, maxY },
        dataProjection,
        featureProjection: getProjection(viewProjection)?.getCode() ?? 'EPSG:3857',
        headerMetaFn: (meta) => {
          header.numberColumn = meta.columns?.at(-1)?.name ?? null;
        },
      }) as AsyncGenerator<Feature>;
      const loaded: Feature[] = [];
      let batch: Feature[] = [];
      for await (const feature of features) {
        const column = header.numberColumn;
        if (column !== null) {
          feature.setId(feature.get(column) as number);
          feature.unset(column, true);
        }
        // Already there from an overlapping extent.
        if (source.getFeatureById(feature.getId() ?? '') !== null) continue;
        batch.push(feature);
        if (batch.length >= BATCH) {
          if (stale()) {
            await features.return(undefined);
            return dropped();
          }
          source.addFeatures(batch);
          loaded.push(...batch);
          batch = [];
        }
      }
      source.addFeatures(batch);
      loaded.push(...batch);
      success?.(loaded);
      return 'read';
    };
    current.done = read()
      .catch((): Outcome => {
        failure?.();
        onError();
        return 'failed';
      })
      .finally(() => {
        if (reading === current) reading = null;
      });
  };
}
