import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFile } from '../../src-main/node/formats/index.js';
import { readVectorFile } from '../support/open-vector.js';
import { ogrLayers } from '../support/ogr-layers.js';
import { ogrGeometryExtent, ogrSummary } from '../support/ogr-summary.js';
import { outcome } from '../support/outcome.js';
import { corpusFiles, corpusRoot } from './corpus.js';

const present = corpusRoot() !== null;

/** Sets GDAL itself cannot open (no .shx), or reads only with an open option. */
const GDAL_REFUSES = new Set(['htmlcpg.shp']);
const OPEN_OPTIONS: Readonly<Record<string, string[]>> = { 'dizhi.shp': ['ENCODING=CP936'] };

const VECTORS = [
  ...corpusFiles('shapefile', /\.shp$/i),
  ...corpusFiles('shapefile_bad', /\.shp$/i),
  ...corpusFiles('chinese/shapefile', /\.shp$/i),
  ...corpusFiles('geojson', /\.(geo)?json$/i),
].filter((f) => !GDAL_REFUSES.has(path.basename(f)));

describe.skipIf(!present)('corpus vectors: feature count and CRS as ogrinfo reads them', () => {
  it.each(VECTORS)('%s', async (file) => {
    const [ours, gdal] = await Promise.all([
      readVectorFile(file),
      ogrSummary(file, OPEN_OPTIONS[path.basename(file)] ?? []),
    ]);
    expect(ours.info.featureCount).toBe(gdal.featureCount);
    expect(ours.features).toHaveLength(gdal.featureCount);
    if (gdal.epsg !== null) expect(ours.info.crs).not.toBeNull();
  });
});

/** GeoPackages refused on purpose, with the problem: curves are not linearised, tiles not read yet. */
const GPKG_REFUSED: Readonly<Record<string, string>> = {
  'curvepolygon.gpkg': 'problem.wkbCurve',
  'test_tiles_srid.gpkg': 'problem.gpkgTilesOnly',
};

const GEOPACKAGES = [...corpusFiles('gpkg', /\.gpkg$/i), ...corpusFiles('chinese/gpkg', /\.gpkg$/i)];

describe.skipIf(!present)('corpus GeoPackages: every vector layer as ogrinfo lists it', () => {
  it.each(GEOPACKAGES)('%s', async (file) => {
    // rivers.gpkg also holds a tile pyramid: its vector layer comes with a notice, tested elsewhere.
    const refused = GPKG_REFUSED[path.basename(file)];
    if (refused !== undefined) {
      expect(await outcome(() => openFile(file))).toMatchObject({ params: { problem: refused } });
      return;
    }
    const [opened, gdal] = await Promise.all([openFile(file), ogrLayers(file)]);
    const vectors = opened.layers.filter((l) => l.kind === 'vector');
    expect(vectors.map((l) => l.layer)).toEqual(gdal.map((l) => l.name));
    for (const [i, g] of gdal.entries()) {
      const layer = vectors[i];
      expect(layer?.info.featureCount, g.name).toBe(g.featureCount);
      expect(layer?.info.crs?.code ?? null, g.name).toBe(g.epsg);
      expect(layer?.info.fields.map((f) => f.name)).toEqual(g.fields.map((f) => f.name));
      // ogrinfo prints gpkg_contents' box, which writers may set wider than the data (rivers.gpkg).
      const extent = g.extent === null ? null : await ogrGeometryExtent(file, g.name);
      if (extent !== null)
        layer?.info.extent?.forEach((v, k) => {
          expect(v).toBeCloseTo(extent[k] ?? NaN, 4);
        });
    }
  });
});
