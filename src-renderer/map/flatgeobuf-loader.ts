import type Feature from 'ol/Feature.js';
import { intersects, type Extent } from 'ol/extent.js';
import type { FeatureLoader } from 'ol/featureloader.js';
import { get as getProjection, transformExtent, type ProjectionLike } from 'ol/proj.js';
import type VectorSource from 'ol/source/Vector.js';
import { ol as fgb } from 'flatgeobuf';

/** Features handed to the source at a time: the map draws while the rest still arrives. */
const BATCH = 5000;

/**
 * A bbox-strategy loader for an indexed FlatGeobuf display copy (ADR 0150): each extent the view
 * needs is transformed into the layer's CRS and asked of the file's R-tree over HTTP Range; only
 * the features inside come. The feature number the copy carries in its last column becomes the
 * feature's id (1..N, see feature-ids.ts), which also keeps a feature loaded twice (overlapping
 * extents) once in the source. A load whose extent the view has left since is dropped between
 * batches and reported as failed, so the source asks again when the view comes back.
 */
export function flatGeobufLoader(
  source: VectorSource,
  url: string,
  dataProjection: string,
  viewProjection: ProjectionLike,
  onError: () => void,
): FeatureLoader {
  let latest: Extent | null = null;
  return (extent, _resolution, _projection, success, failure) => {
    latest = extent;
    const stale = (): boolean => latest !== extent && (latest === null || !intersects(latest, extent));
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
    void (async () => {
      for await (const feature of features) {
        const column = header.numberColumn;
        if (column !== null) {
          feature.setId(feature.get(column) as number);
          feature.unset(column, true);
        }
        batch.push(feature);
        if (batch.length >= BATCH) {
          if (stale()) {
            await features.return(undefined);
            failure?.();
            return;
          }
          source.addFeatures(batch);
          loaded.push(...batch);
          batch = [];
        }
      }
      source.addFeatures(batch);
      loaded.push(...batch);
      success?.(loaded);
    })().catch(() => {
      failure?.();
      onError();
    });
  };
}
