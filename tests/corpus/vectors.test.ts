import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src-main/core/formats/registry.js';
import { openFile } from '../../src-main/node/formats/index.js';
import { readVectorFile } from '../support/open-vector.js';
import { ogrSummary } from '../support/ogr-summary.js';
import { outcome } from '../support/outcome.js';
import { expectVectorsLikeGdal, type OpenBoth } from '../support/vectors-vs-gdal.js';
import { expectLayersLikeGdal, vectorLayers } from '../integration/formats/compare-layers.js';
import { corpusFiles, corpusRoot } from './corpus.js';

const present = corpusRoot() !== null;

/** Sets GDAL itself cannot open (no .shx), or reads only with an open option. */
const GDAL_REFUSES = new Set(['htmlcpg.shp']);
/** GDAL reads a .dbf without .cpg by its language driver; these were written in GBK and CP1250. */
const OPEN: Readonly<Record<string, OpenBoth>> = {
  'dizhi.shp': { gdal: ['ENCODING=CP936'] },
  'chinese_poly.shp': { gdal: ['ENCODING=CP936'] },
  'codepage.shp': { gdal: ['ENCODING=CP1250'] },
};
/** Files Strata refuses on purpose, with the problem: curves are not linearised. */
const REFUSED: Readonly<Record<string, string>> = {
  'curvepolygon.gpkg': 'problem.wkbCurve',
};
/** GeoPackages holding only tile tables: rasters, compared in rasters.test.ts. */
const RASTERS_ONLY = new Set(['test_tiles_srid.gpkg']);

const VECTOR_EXTENSIONS = new Set(FORMATS.filter((m) => m.kind !== 'raster').flatMap((m) => m.extensions));
/** Formats where GDAL's driver differs by design (see tests/integration/formats/compare-layers.ts). */
const DRIVER_DIFFERS = /\.(kml|kmz|gpx|csv)$/i;
const readable = (f: string): boolean => VECTOR_EXTENSIONS.has(path.extname(f).slice(1).toLowerCase());

/** Every corpus vector of a format the registry reads, outside the folders of broken files. */
const GOOD = corpusFiles('', /./)
  .filter((f) => readable(f) && !/_bad[/\\]/.test(f) && !/[/\\]raster[/\\]/.test(f))
  .filter((f) => !GDAL_REFUSES.has(path.basename(f)) && REFUSED[path.basename(f)] === undefined)
  .filter((f) => !RASTERS_ONLY.has(path.basename(f)));

describe.skipIf(!present)('corpus vectors read as GDAL reads them', () => {
  it.each(GOOD.filter((f) => !DRIVER_DIFFERS.test(f)))('%s', async (file) => {
    await expectVectorsLikeGdal(file, OPEN[path.basename(file)]);
  });
});

/**
 * Corpus files where Strata reads more than GDAL's driver does by default, or differently, by
 * design; each still has to open with the layers and counts below. Open work of issue 6.
 */
const DIFFERS_BY_DESIGN: Readonly<
  Record<string, { readonly why: string; readonly layers: Readonly<Record<string, number>> }>
> = {
  'china_capitals.csv': {
    why: 'lon/lat columns detected (EPSG:4326); GDAL needs X/Y_POSSIBLE_NAMES',
    layers: { '': 34 },
  },
  'zuankong_gbk_gk36.csv': {
    why: 'X坐标(北) / Y坐标(东) read as northing / easting (Chinese surveying); GDAL needs X/Y_POSSIBLE_NAMES',
    layers: { '': 40 },
  },
  'wkt.csv': { why: 'field types inferred; GDAL reads strings without AUTODETECT_TYPE', layers: { '': 3 } },
  'gxmultitrack.kml': {
    why: 'gx:Track time stamps kept as text; GDAL leaves that field empty',
    layers: { '12/04/2014 11:24 AM': 3 },
  },
  'KML_Samples.kml': {
    why: 'placemarks nested in the Polygons folder are read as their subfolders; GDAL also lists Polygons',
    layers: {
      Placemarks: 3,
      'Styles and Markup': 1,
      'Highlighted Icon': 1,
      Paths: 6,
      'Google Campus': 4,
      'Extruded Polygon': 1,
      'Absolute and Relative': 4,
    },
  },
};
/** Corpus files Strata refuses, with the problem. */
const REFUSED_DOCUMENTS: Readonly<Record<string, string>> = {
  'ground_overlay.kml': 'problem.noLayers',
};

describe.skipIf(!present)('corpus KML, GPX and CSV: the layers, counts, CRS and extents GDAL gives', () => {
  const documents = GOOD.filter((f) => DRIVER_DIFFERS.test(f));
  it.each(documents)('%s', async (file) => {
    const name = path.basename(file);
    const refused = REFUSED_DOCUMENTS[name];
    if (refused !== undefined) {
      expect(await outcome(() => openFile(file))).toMatchObject({ params: { problem: refused } });
      return;
    }
    const opened = await openFile(file);
    const differs = DIFFERS_BY_DESIGN[name];
    if (differs !== undefined) {
      const counts = Object.fromEntries(
        vectorLayers(opened).map((l) => [l.layer ?? '', l.info.featureCount]),
      );
      for (const [layer, count] of Object.entries(differs.layers))
        expect(counts[layer], `${layer}: ${differs.why}`).toBe(count);
      return;
    }
    await expectLayersLikeGdal(file, vectorLayers(opened), {
      // GDAL's GPX driver also lists every route and track vertex as a layer; Strata does not.
      omit: ['route_points', 'track_points'],
    });
  });
});

describe.skipIf(!present)('corpus files refused on purpose, saying why', () => {
  it.each(Object.entries(REFUSED))('%s', async (name, problem) => {
    const [file] = corpusFiles('', new RegExp(`${name.replace('.', '\\.')}$`));
    expect(file, name).toBeDefined();
    expect(await outcome(() => openFile(file ?? name))).toMatchObject({ params: { problem } });
  });
});

describe.skipIf(!present)('corpus broken shapefiles GDAL still opens: feature count and CRS', () => {
  const broken = corpusFiles('shapefile_bad', /\.shp$/i).filter((f) => !GDAL_REFUSES.has(path.basename(f)));
  it.each(broken)('%s', async (file) => {
    const [ours, gdal] = await Promise.all([readVectorFile(file), ogrSummary(file)]);
    expect(ours.info.featureCount).toBe(gdal.featureCount);
    if (gdal.epsg !== null) expect(ours.info.crs).not.toBeNull();
  });
});
