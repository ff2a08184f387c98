import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVectorFile } from '../support/open-vector.js';
import { ogrSummary } from '../support/ogr-summary.js';
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
