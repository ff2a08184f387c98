import { expect } from 'vitest';
import type { Geometry } from '../../../src-main/core/model/index.js';
import { extentOf } from '../../../src-main/core/formats/vector-summary.js';
import type { OpenedFile } from '../../../src-main/core/ports/index.js';
import type { VectorLayerRead } from '../../../src-main/core/formats/format-module.js';
import { fieldTypeOfOgr, ogrFeatures, ogrLayers } from '../../support/ogr-layers.js';

/** The vector layers of an opened file, failing the test on a raster. */
export function vectorLayers(opened: OpenedFile): VectorLayerRead[] {
  return opened.layers.map((l) => {
    if (l.kind !== 'vector') throw new Error('expected vector layers');
    return l;
  });
}

/**
 * Compares our layers with GDAL's (`ogrinfo`), layer by layer: names (GDAL's layers that hold
 * features, in order), feature counts, CRS code, extent, our field names and types among GDAL's,
 * and the values of `sampled` fields on every feature of each layer (GDAL's GeoJSON export).
 */
export async function expectLayersLikeGdal(
  file: string,
  ours: readonly VectorLayerRead[],
  options: {
    openOptions?: readonly string[];
    sampled?: readonly string[];
    epsg?: string | null;
    /** GDAL layers we leave out on purpose. */
    omit?: readonly string[];
    /** Fields we read that GDAL loses (its LIBKML writer gives every schema the same id). */
    gdalLacks?: readonly string[];
  } = {},
): Promise<void> {
  const gdal = (await ogrLayers(file, options.openOptions)).filter(
    (l) => l.featureCount > 0 && !(options.omit ?? []).includes(l.name),
  );
  // A single-layer file's layer has no name of its own; GDAL names it by the file.
  const only = ours.length === 1 && gdal.length === 1 ? (gdal[0]?.name ?? '') : '';
  expect(ours.map((l) => l.layer ?? only)).toEqual(gdal.map((l) => l.name));
  for (const [i, layer] of ours.entries()) {
    const reference = gdal[i];
    if (reference === undefined) throw new Error('layer count');
    expect(layer.info.featureCount, layer.layer ?? '').toBe(reference.featureCount);
    expect(layer.info.crs?.code ?? null).toBe(options.epsg === undefined ? reference.epsg : options.epsg);
    // The extent of GDAL's own geometries: LIBKML reports a Document layer's extent over the
    // whole document, and a shapefile's header box may be stale.
    const features = await ogrFeatures(file, reference.name, options.openOptions);
    const extent = extentOf(
      features.map((f) => ({ geometry: (f.geometry ?? null) as Geometry | null, properties: {} })),
    );
    extent?.forEach((v, k) => {
      expect(layer.info.extent?.[k], `${reference.name} extent`).toBeCloseTo(v, 6);
    });
    const lacks = options.gdalLacks ?? [];
    for (const field of layer.info.fields) {
      const type = reference.fields.find((f) => f.name === field.name)?.type;
      if (lacks.includes(field.name) && type === undefined) continue;
      expect(type, `${reference.name}.${field.name}`).toBeDefined();
      expect(field.type).toBe(fieldTypeOfOgr(type ?? ''));
    }
    const sampled = (options.sampled ?? []).filter(
      (f) => layer.info.fields.some((x) => x.name === f) && reference.fields.some((x) => x.name === f),
    );
    expect(layer.features.map((f) => sampled.map((k) => f.properties[k] ?? null))).toEqual(
      features.map((f) => sampled.map((k) => f.properties[k] ?? null)),
    );
  }
}
