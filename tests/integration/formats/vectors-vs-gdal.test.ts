import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { FORMATS } from '../../../src-main/core/formats/registry.js';
import { fixture } from '../../fixtures/index.js';
import { expectVectorsLikeGdal, type OpenBoth } from '../../support/vectors-vs-gdal.js';

/** Folders of files made to be refused (their own tests say how). */
const REFUSED = /(^|\/)([^/]*_)?(bad|unsupported)(\/|$)/;

/**
 * Formats whose own tests compare them with GDAL allowing for where GDAL's driver differs by design
 * (LIBKML's standard fields and underscored names, GPX point layers, CSV geometry options, zipped
 * sets): kml.test.ts, gpx.test.ts, csv.test.ts, zip-shapefile.test.ts.
 */
const OWN_COMPARISON = new Set(['KML', 'GPX', 'CSV']);
/** Formats the registry lists under another id but whose files have their own comparison. */
const OWN_EXTENSIONS = new Set(['zip']);
/**
 * Files without a vector layer, refused here on purpose: tiles-only GeoPackages (geopackage.test.ts
 * says why; the basemap tile set is read as a basemap) and a GeoPackage of gridded coverages only
 * (ADR 0181; geopackage-tiles.test.ts refuses it with its reason).
 */
const REFUSED_FILES = new Set(['tiles-only.gpkg', 'guilin_checker.gpkg', 'coverage.gpkg']);
/**
 * Sets with a DBF record flagged deleted: GDAL's feature count still counts it (the .shp's), Strata
 * leaves it out of the features and lists it as hidden content (hidden-inventory.test.ts).
 */
const DELETED_RECORDS = new Set(['kuangdian_deleted_gbk.shp', 'kuangdian_deleted_utf8.shp']);

/**
 * Files whose bytes do not say everything: how to open them on both sides. GDAL takes a .dbf
 * without .cpg as its language driver says (or ISO-8859-1); Strata detects GBK and CP1250 text,
 * so GDAL is told the encoding the file was written in. Keyed by the end of the fixture's path.
 */
const OPEN: Readonly<Record<string, OpenBoth>> = {
  'dizhi.shp': { gdal: ['ENCODING=CP936'] },
  'chinese_poly.shp': { gdal: ['ENCODING=CP936'] },
  'codepage.shp': { gdal: ['ENCODING=CP1250'] },
  'content/gbk_nocpg/设施.shp': { gdal: ['ENCODING=CP936'] },
};

const openOf = (file: string): OpenBoth | undefined =>
  Object.entries(OPEN).find(([end]) => file.split(path.sep).join('/').endsWith(`/${end}`))?.[1];

const VECTOR_EXTENSIONS = new Set(
  FORMATS.filter((m) => m.kind !== 'raster' && !OWN_COMPARISON.has(m.id))
    .flatMap((m) => m.extensions)
    .filter((e) => !OWN_EXTENSIONS.has(e)),
);

/** Every generated vector fixture of a format the registry reads, outside the refused folders. */
function vectorFixtures(): string[] {
  const root = path.dirname(fixture('shapefile'));
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => !REFUSED.test(f) && !REFUSED_FILES.has(path.basename(f)))
    .filter((f) => !DELETED_RECORDS.has(path.basename(f)))
    .filter((f) => VECTOR_EXTENSIONS.has(path.extname(f).slice(1).toLowerCase()))
    .sort()
    .map((f) => path.join(root, f));
}

describe('every vector fixture reads as GDAL reads it', () => {
  it.each(vectorFixtures())('%s', async (file) => {
    await expectVectorsLikeGdal(file, openOf(file));
  });
});
