import { expect } from 'vitest';
import type { OpenOptions, VectorLayerRead } from '../../src-main/core/formats/format-module.js';
import { openFile } from '../../src-main/node/formats/index.js';
import { gdalCrsCandidates, ogrFeatures, ogrLayers, type OgrLayer } from './ogr-layers.js';
import { extentOf } from '../../src-main/core/formats/vector-summary.js';
import type { Geometry } from '../../src-main/core/model/index.js';

/** How to open one file on both sides when its bytes alone do not say everything. */
export interface OpenBoth {
  readonly ours?: OpenOptions;
  /** GDAL open options (`-oo`). */
  readonly gdal?: readonly string[];
}

const SAMPLE = 3;

function matchLayer(ours: VectorLayerRead, gdal: readonly OgrLayer[]): OgrLayer {
  const found = ours.layer === null && gdal.length === 1 ? gdal[0] : gdal.find((g) => g.name === ours.layer);
  if (found === undefined)
    throw new Error(
      `layer ${ours.layer ?? '(single)'} not among GDAL's: ${gdal.map((g) => g.name).join(', ')}`,
    );
  return found;
}

/** The box of a layer's geometries as GDAL reads them. */
async function gdalDataExtent(
  file: string,
  layer: string,
  openOptions: readonly string[] | undefined,
): Promise<readonly number[] | null> {
  const features = await ogrFeatures(file, layer, openOptions);
  return extentOf(features.map((f) => ({ geometry: f.geometry as Geometry | null, properties: {} })));
}

/** Boxes agree to 1e-5 of their span, and to the six decimals ogrinfo prints. */
function closeBox(a: readonly number[], b: readonly number[]): boolean {
  const span = Math.max((b[2] ?? 0) - (b[0] ?? 0), (b[3] ?? 0) - (b[1] ?? 0), 1e-9);
  return a.every((v, i) => Math.abs(v - (b[i] ?? NaN)) <= Math.max(span * 1e-5, 1e-6));
}

/** Attribute values agree when equal, numbers to 9 significant digits (text round trips differ). */
function sameValue(ours: unknown, gdal: unknown): boolean {
  if (typeof ours === 'number' && typeof gdal === 'number')
    return ours === gdal || Math.abs(ours - gdal) <= 1e-9 * Math.max(Math.abs(ours), Math.abs(gdal));
  return ours === gdal;
}

/**
 * Opens `file` through the format registry and GDAL and expects the same layers: names, feature
 * counts, CRS code (GDAL's, or one of its identification candidates when it names none), extent
 * (ogrinfo's, which is a file's declared box, or else GDAL's box of the data), field names and the
 * first features' attribute values (Chinese text included). Layers GDAL lists but Strata does not are named in the failure.
 */
export async function expectVectorsLikeGdal(file: string, open: OpenBoth = {}): Promise<void> {
  const [opened, gdal] = await Promise.all([openFile(file, open.ours), ogrLayers(file, open.gdal)]);
  const ours = opened.layers.filter((l): l is VectorLayerRead => l.kind === 'vector');
  expect(ours.length, 'vector layers').toBe(gdal.length);
  for (const layer of ours) {
    const g = matchLayer(layer, gdal);
    const label = `${file} [${g.name}]`;
    expect(layer.info.featureCount, `${label} feature count`).toBe(g.featureCount);
    expect(layer.features, `${label} features`).toHaveLength(g.featureCount);
    const code = layer.info.crs?.code ?? null;
    if (g.epsg !== null || code === null) expect(code, `${label} CRS`).toBe(g.epsg);
    else
      expect(await gdalCrsCandidates(file), `${label} CRS ${code} among GDAL's candidates`).toContain(code);
    expect(
      layer.info.fields.map((f) => f.name),
      `${label} fields`,
    ).toEqual(g.fields.map((f) => f.name));
    const ours = layer.info.extent;
    if (g.extent !== null && ours !== null) {
      // ogrinfo prints the box the file declares; where that is wider than the data, GDAL's box of the data decides.
      const box = closeBox(ours, g.extent)
        ? g.extent
        : ((await gdalDataExtent(file, g.name, open.gdal)) ?? g.extent);
      expect(closeBox(ours, box), `${label} extent ${ours.join(',')} vs ${box.join(',')}`).toBe(true);
    }
    const sample = (await ogrFeatures(file, g.name, open.gdal, SAMPLE)).map((f) => f.properties);
    sample.forEach((props, i) => {
      const mine = layer.features[i]?.properties ?? {};
      for (const [key, value] of Object.entries(props)) {
        expect(
          sameValue(mine[key], value),
          `${label} feature ${String(i)} ${key}: ${String(mine[key])} vs ${String(value)}`,
        ).toBe(true);
      }
    });
  }
}
