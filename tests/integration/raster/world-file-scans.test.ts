// Plain scans placed by a world file and a .prj (ADR 0133): the RasterInfo our pure functions
// give equals what gdalinfo reads from the image and its world file; the CRS is the EPSG code GDAL
// finds for the .prj; PNG pixels equal GDAL's.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeoTiffHeader } from '../../../src-main/core/formats/geotiff/index.js';
import {
  IMAGE_HEADER_BYTES,
  decodePng,
  isJpeg,
  isPng,
  readImageHeader,
  scanRasterInfo,
  worldFileNames,
  type ScanPixels,
} from '../../../src-main/core/formats/worldfile/index.js';
import type { ByteSource } from '../../../src-main/core/ports/index.js';
import { nativeInflate } from '../../../src-main/node/raster/native-codecs.js';
import { gdal, gdalEpsg, gdalinfo } from '../../support/gdal.js';
import { fixture } from '../../fixtures/index.js';

const SCANS = [
  'rgb_utm18.png',
  'grey_cgcs2000_cm108.jpg',
  'palette_world.png',
  'dem16_no_prj.png',
  'rotated_map.tif',
];

async function pixelsOf(bytes: Uint8Array): Promise<ScanPixels> {
  const head = bytes.subarray(0, IMAGE_HEADER_BYTES);
  if (isPng(head) || isJpeg(head)) return { ...readImageHeader(head), nodata: null };
  const source: ByteSource = {
    size: bytes.byteLength,
    name: 'scan.tif',
    read: (o, l) => Promise.resolve(bytes.slice(o, o + l)),
  };
  const { info } = await readGeoTiffHeader(source);
  expect(info.extent).toBeNull();
  return info;
}

/** The side file of `image` the way a registry adapter finds it: by name, case-insensitively. */
async function beside(image: string, names: readonly string[]): Promise<string | null> {
  const listing = await readdir(path.dirname(image));
  for (const name of names) {
    const found = listing.find((f) => f.toLowerCase() === name.toLowerCase());
    if (found !== undefined) return readFile(path.join(path.dirname(image), found), 'utf8');
  }
  return null;
}

describe('world-file scans read like GDAL', () => {
  it.each(SCANS)('%s', async (name) => {
    const image = fixture('scans', name);
    const bytes = new Uint8Array(await readFile(image));
    const world = await beside(image, worldFileNames(name));
    expect(world).not.toBeNull();
    const prj = await beside(image, [name.replace(/\.[^.]+$/, '.prj')]);
    const info = scanRasterInfo(await pixelsOf(bytes), world ?? '', prj);
    const g = await gdalinfo(image);
    expect([info.width, info.height]).toEqual(g.size);
    expect(info.bandCount).toBe(g.bands.length);
    expect(info.dataType).toBe(g.bands[0]?.type);
    const gt = g.geoTransform;
    expect(gt).toBeDefined();
    const ours = info.geoTransform ?? [
      info.origin[0],
      info.pixelSize[0],
      0,
      info.origin[1],
      0,
      -info.pixelSize[1],
    ];
    ours.forEach((v, i) => {
      expect(v).toBeCloseTo(gt?.[i] ?? Number.NaN, 6);
    });
    const expectedCrs = prj === null ? null : await gdalEpsg(image.replace(/\.[^.]+$/, '.prj'));
    expect(info.crs?.code ?? null).toBe(expectedCrs);
  });

  it.each(['rgb_utm18.png', 'palette_world.png', 'dem16_no_prj.png'])(
    '%s: PNG pixels equal GDAL’s',
    async (name) => {
      const image = fixture('scans', name);
      const png = await decodePng(new Uint8Array(await readFile(image)), nativeInflate);
      // GDAL's raw copy goes to a temporary folder, never into the fixture set.
      const dir = await mkdtemp(path.join(tmpdir(), 'strata-scan-'));
      const raw = path.join(dir, 'pixels.raw');
      await gdal('gdal_translate', ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BIP', image, raw]);
      const expected = new Uint8Array(await readFile(raw));
      await rm(dir, { recursive: true, force: true });
      const ours = new Uint8Array(png.samples.buffer, png.samples.byteOffset, png.samples.byteLength);
      expect(ours.byteLength).toBe(expected.byteLength);
      expect(Buffer.compare(Buffer.from(ours), Buffer.from(expected))).toBe(0);
      if (name === 'palette_world.png') expect(png.palette?.byteLength).toBe(256 * 3);
    },
  );
});
