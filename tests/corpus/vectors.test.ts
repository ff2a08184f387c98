import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src-main/core/formats/registry.js';
import { openFile } from '../../src-main/node/formats/index.js';
import { readVectorFile } from '../support/open-vector.js';
import { ogrSummary } from '../support/ogr-summary.js';
import { outcome } from '../support/outcome.js';
import { expectVectorsLikeGdal, type OpenBoth } from '../support/vectors-vs-gdal.js';
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
/** Files Strata refuses on purpose, with the problem: curves are not linearised, tiles not read yet. */
const REFUSED: Readonly<Record<string, string>> = {
  'curvepolygon.gpkg': 'problem.wkbCurve',
  'test_tiles_srid.gpkg': 'problem.gpkgTilesOnly',
};

const VECTOR_EXTENSIONS = new Set(FORMATS.filter((m) => m.kind !== 'raster').flatMap((m) => m.extensions));
const readable = (f: string): boolean => VECTOR_EXTENSIONS.has(path.extname(f).slice(1).toLowerCase());

/** Every corpus vector of a format the registry reads, outside the folders of broken files. */
const GOOD = corpusFiles('', /./)
  .filter((f) => readable(f) && !/_bad[/\\]/.test(f) && !/[/\\]raster[/\\]/.test(f))
  .filter((f) => !GDAL_REFUSES.has(path.basename(f)) && REFUSED[path.basename(f)] === undefined);

describe.skipIf(!present)('corpus vectors read as GDAL reads them', () => {
  it.each(GOOD)('%s', async (file) => {
    await expectVectorsLikeGdal(file, OPEN[path.basename(file)]);
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
