// World-file scans through the format registry (ADR 0136): a plain TIFF, PNG or JPEG with its
// world file and .prj opens as GDAL reads it (size, bands, type, geotransform, extent; the CRS
// is the EPSG code GDAL finds for the .prj), its side files join the stored set, its working
// copy is a georeferenced GeoTIFF with the scan's pixels (checksums equal GDAL's), malformed
// side files fail fast with a translated reason, and GeoTIFFs are not taken for scans.
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import { geoTransformOf, type RasterInfo } from '../../../src-main/core/model/index.js';
import { openFile } from '../../../src-main/node/formats/index.js';
import { writeWorkingCopy } from '../../../src-main/node/raster/index.js';
import { fixture } from '../../fixtures/index.js';
import { gdal, gdalEpsg, gdalinfo } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  scratch = await tempDir('strata-scans-');
});
afterAll(async () => {
  await scratch.cleanup();
});

/** Scans, their dataset format, and whether their pixels are lossless (checksums compared). */
const SCANS: readonly (readonly [name: string, format: string, lossless: boolean])[] = [
  ['rgb_utm18.png', 'PNG', true],
  ['palette_world.png', 'PNG', true],
  ['dem16_no_prj.png', 'PNG', true],
  ['grey_cgcs2000_cm108.jpg', 'JPEG', false],
  ['rotated_map.tif', 'GeoTIFF', true],
  ['survey_cgcs2000_cm117.tif', 'GeoTIFF', true],
  ['rgb_cgcs2000_cm117.png', 'PNG', true],
  ['rgb_cgcs2000_cm117.jpg', 'JPEG', false],
];

const stemOf = (name: string): string => name.replace(/\.[^.]+$/, '');

/** Every sample of a Byte raster, bands interleaved, as GDAL decodes it (a raw copy in scratch). */
async function rawSamples(file: string): Promise<Uint8Array> {
  const raw = path.join(scratch.dir, `${path.basename(file)}.${String(Date.now())}.raw`);
  await gdal('gdal_translate', ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BIP', file, raw]);
  return new Uint8Array(await readFile(raw));
}

function expectPlacedLikeGdal(info: RasterInfo, g: Awaited<ReturnType<typeof gdalinfo>>): void {
  expect([info.width, info.height]).toEqual(g.size);
  expect(info.bandCount).toBe(g.bands.length);
  expect(info.dataType).toBe(g.bands[0]?.type);
  const nodata = g.bands[0]?.noDataValue;
  expect(info.nodata).toBe(nodata === undefined ? null : Number(nodata));
  const gt = g.geoTransform;
  if (gt === undefined) throw new Error('GDAL found no geotransform');
  geoTransformOf(info).forEach((v, i) => {
    expect(v, `geotransform[${String(i)}]`).toBeCloseTo(gt[i] ?? Number.NaN, 6);
  });
  const [w, h] = g.size;
  const xs = [0, w].flatMap((c) => [0, h].map((r) => gt[0] + c * gt[1] + r * gt[2]));
  const ys = [0, w].flatMap((c) => [0, h].map((r) => gt[3] + c * gt[4] + r * gt[5]));
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => {
    expect(info.extent?.[i]).toBeCloseTo(v, 5);
  });
}

describe('world-file scans open through the registry as GDAL reads them', () => {
  it.each(SCANS)('%s (%s)', async (name, format) => {
    const image = fixture('scans', name);
    const opened = await openFile(image);
    expect(opened.format).toBe(format);
    const [layer, ...rest] = opened.layers;
    expect(rest).toEqual([]);
    if (layer?.kind !== 'raster') throw new Error('raster expected');
    expectPlacedLikeGdal(layer.info, await gdalinfo(image));
    const listing = await readdir(path.dirname(image));
    const prj = listing.find((f) => f === `${stemOf(name)}.prj`);
    const expected = prj === undefined ? null : await gdalEpsg(path.join(path.dirname(image), prj));
    expect(layer.info.crs?.code ?? null).toBe(expected);
    // The set stored is what was read: the image, its world file (GDAL's `files` lists the same), the .prj.
    const gdalFiles = ((await gdalinfo(image)) as unknown as { files: string[] }).files.map((f) =>
      path.basename(f),
    );
    expect(opened.files.map((f) => path.basename(f))).toEqual([
      ...gdalFiles,
      ...(prj === undefined ? [] : [prj]),
    ]);
  });

  it('the CGCS2000 3° zone CM 117E .prj is EPSG:4548, not the 6° zone with the same parameters', async () => {
    for (const name of ['survey_cgcs2000_cm117.tif', 'rgb_cgcs2000_cm117.png', 'rgb_cgcs2000_cm117.jpg']) {
      const [layer] = (await openFile(fixture('scans', name))).layers;
      expect(layer?.info.crs?.code, name).toBe('EPSG:4548');
    }
  });

  it('a scan without .prj takes the --crs code, and refuses an unknown one', async () => {
    const image = fixture('scans', 'dem16_no_prj.png');
    const [layer] = (await openFile(image, { crs: 'EPSG:4549' })).layers;
    expect(layer?.info.crs?.code).toBe('EPSG:4549');
    await expect(openFile(image, { crs: 'EPSG:999999' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      params: { problem: 'problem.scanCrsCode' },
    });
  });
});

describe('a scan’s working copy is a georeferenced GeoTIFF of its pixels', () => {
  it.each(SCANS)('%s', async (name, _format, lossless) => {
    const image = fixture('scans', name);
    const [layer] = (await openFile(image)).layers;
    if (layer?.kind !== 'raster') throw new Error('raster expected');
    const dest = path.join(scratch.dir, `${stemOf(name)}.${name.split('.').pop() ?? ''}.display.tif`);
    const outcome = await writeWorkingCopy(
      image,
      dest,
      {},
      {
        geoTransform: geoTransformOf(layer.info),
        crs: layer.info.crs,
        nodata: layer.info.nodata,
      },
    );
    expect(outcome.written).toBe(true);
    const [copy, scan] = await Promise.all([gdalinfo(dest, '-checksum'), gdalinfo(image, '-checksum')]);
    expectPlacedLikeGdal(layer.info, copy);
    expect(copy.stac?.['proj:epsg'] ?? null).toBe(
      layer.info.crs === null ? null : Number(layer.info.crs.code?.replace('EPSG:', '')),
    );
    type Band = { checksum: number; colorInterpretation: string };
    const bands = (g: typeof copy): Band[] => g.bands as unknown as Band[];
    expect(bands(copy).map((b) => b.colorInterpretation)).toEqual(
      bands(scan).map((b) => b.colorInterpretation),
    );
    // Lossless scans must match GDAL's pixels exactly; JPEG decoders differ by a level or a few
    // (jpeg-js against libjpeg), so a JPEG's copy is compared sample by sample with a tolerance.
    if (lossless) expect(bands(copy).map((b) => b.checksum)).toEqual(bands(scan).map((b) => b.checksum));
    else {
      const [ours, gdals] = await Promise.all([rawSamples(dest), rawSamples(image)]);
      expect(ours.length).toBe(gdals.length);
      let worst = 0;
      let total = 0;
      ours.forEach((v, i) => {
        const d = Math.abs(v - (gdals[i] ?? 0));
        worst = Math.max(worst, d);
        total += d;
      });
      expect(worst).toBeLessThanOrEqual(4);
      expect(total / ours.length).toBeLessThan(0.25);
    }
  });
});

describe('bad or missing side files end in a clear, translated error within seconds', () => {
  it.each([
    ['five_lines.png', 'CORRUPT_FILE', 'problem.worldFileLines', 'world file must hold 6 numbers'],
    ['not_numbers.jpg', 'CORRUPT_FILE', 'problem.worldFileLines', 'world file must hold 6 numbers'],
    ['singular.tif', 'CORRUPT_FILE', 'problem.worldFileSingular', 'world file transform is singular'],
    ['no_world.png', 'CORRUPT_FILE', 'problem.noWorldFile', 'no world file'],
    ['huge_header.png', 'TOO_LARGE', 'problem.scanDecode', 'over the 1024 MB limit'],
  ])('%s: %s %s', async (name, code, problem, english) => {
    const started = Date.now();
    const error = await openFile(fixture('scans_bad', name)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(StrataError);
    const { params } = error as StrataError;
    expect(error).toMatchObject({ code, params: { file: name, problem } });
    expect(renderMessage(`error.${code}` as 'error.CORRUPT_FILE', params, 'en')).toContain(english);
    expect(renderMessage(`error.${code}` as 'error.CORRUPT_FILE', params, 'zh-CN')).toMatch(
      /坐标文件|解码约需/,
    );
  });
});

describe('GeoTIFFs stay GeoTIFFs', () => {
  it('a TIFF with GeoKeys ignores a world file beside it', async () => {
    const dir = path.join(scratch.dir, 'geotiff');
    await mkdir(dir, { recursive: true });
    const tif = path.join(dir, 'RGB.byte.tif');
    await copyFile(fixture('raster', 'RGB.byte.tif'), tif);
    await copyFile(fixture('scans', 'rotated_map.tfw'), path.join(dir, 'RGB.byte.tfw'));
    const opened = await openFile(tif);
    expect(opened.format).toBe('GeoTIFF');
    expect(opened.files).toEqual([tif]);
    const [layer] = opened.layers;
    if (layer?.kind !== 'raster') throw new Error('raster expected');
    expect(layer.info.geoTransform).toBeUndefined();
    expect(layer.info.crs?.code).toBe('EPSG:32618');
  });

  it('a TIFF without georeferencing and without world file reads as before: no extent, no CRS', async () => {
    const opened = await openFile(fixture('raster', 'minisblack-1c-16b.tiff'));
    expect(opened.format).toBe('GeoTIFF');
    expect(opened.files).toHaveLength(1);
    expect(opened.layers[0]?.info).toMatchObject({ extent: null, crs: null });
  });
});
