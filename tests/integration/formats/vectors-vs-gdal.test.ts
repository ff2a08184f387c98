import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { FORMATS } from '../../../src-main/core/formats/registry.js';
import { fixture } from '../../fixtures/index.js';
import { expectVectorsLikeGdal, type OpenBoth } from '../../support/vectors-vs-gdal.js';

/** Folders of files made to be refused (their own tests say how). */
const REFUSED = /(^|\/)[^/]*_(bad|unsupported)(\/|$)/;

/**
 * Files whose bytes do not say everything: how to open them on both sides. GDAL takes a .dbf
 * without .cpg as its language driver says (or ISO-8859-1); Strata detects GBK and CP1250 text,
 * so GDAL is told the encoding the file was written in.
 */
const OPEN: Readonly<Record<string, OpenBoth>> = {
  'dizhi.shp': { gdal: ['ENCODING=CP936'] },
  'chinese_poly.shp': { gdal: ['ENCODING=CP936'] },
  'codepage.shp': { gdal: ['ENCODING=CP1250'] },
};

const VECTOR_EXTENSIONS = new Set(FORMATS.filter((m) => m.kind !== 'raster').flatMap((m) => m.extensions));

/** Every generated vector fixture of a format the registry reads, outside the refused folders. */
function vectorFixtures(): string[] {
  const root = path.dirname(fixture('shapefile'));
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => !REFUSED.test(f) && VECTOR_EXTENSIONS.has(path.extname(f).slice(1).toLowerCase()))
    .sort()
    .map((f) => path.join(root, f));
}

describe('every vector fixture reads as GDAL reads it', () => {
  it.each(vectorFixtures())('%s', async (file) => {
    await expectVectorsLikeGdal(file, OPEN[path.basename(file)]);
  });
});
