// Decoding path measurement (ADR 0130): every block of a GeoTIFF decoded by our reader
// (core/formats/geotiff + native zlib) and by geotiff.js with native zlib registered through
// `addDecoder`, both after the same header budget pass; `gdalinfo -checksum` (which decodes every
// block too) is the peer. Full read = all blocks, a few in flight at once; per block = one at a
// time, mean over the blocks.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BaseDecoder, addDecoder, fromFile, getDecoder } from 'geotiff';
import { readGeoTiffHeader } from '../../src-main/core/formats/geotiff/index.js';
import { openFileSource } from '../../src-main/node/fs/file-source.js';
import { readBlock } from '../../src-main/node/raster/geotiff-file.js';
import { nativeInflate } from '../../src-main/node/raster/native-codecs.js';
import { timed, type Report } from './bench-row.js';
import { writeSyntheticDem } from './synthetic-dem.js';

// The resample bench's DEM (git-ignored data beside the bundle's working directory).
const DATA = join(process.cwd(), 'tests/bench/.data');
const SIZE = 10_000;
const DEM = join(DATA, `dem-${String(SIZE)}-float32-deflate-epsg4545.tif`);

const IN_FLIGHT = 4;

/** geotiff.js's DEFLATE decoder on node's zlib (the threadpool) instead of pako. */
class NativeDeflateDecoder extends BaseDecoder {
  override async decodeBlock(buffer: ArrayBufferLike): Promise<ArrayBufferLike> {
    const p = this.parameters;
    const bits = typeof p.bitsPerSample === 'number' ? p.bitsPerSample : (p.bitsPerSample[0] ?? 8);
    const samples = p.planarConfiguration === 2 ? 1 : (p.samplesPerPixel ?? 1);
    const max = Math.ceil((p.tileWidth * p.tileHeight * samples * bits) / 8);
    const out = await nativeInflate(new Uint8Array(buffer), max);
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  }
}

let registered = false;
export function registerNativeDecoders(): void {
  if (registered) return;
  registered = true;
  addDecoder([8, 32946], () => Promise.resolve(NativeDeflateDecoder), undefined, false);
}

async function inBatches(count: number, job: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const i = next;
      next += 1;
      await job(i);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

async function serial(count: number, job: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += 1) await job(i);
}

export interface DecodeFigures {
  readonly blocks: number;
  readonly oursFull: number;
  readonly geotiffjsFull: number;
  readonly oursPerBlockMs: number;
  readonly geotiffjsPerBlockMs: number;
  readonly gdalChecksum: number;
}

/** Times both readers on `path`; `perBlockSample` blocks (from the start) for the serial figure. */
export async function measureDecoders(path: string, perBlockSample = 200): Promise<DecodeFigures> {
  registerNativeDecoders();
  const source = await openFileSource(path);
  try {
    const header = await readGeoTiffHeader(source);
    const { image } = header;
    const blocks = image.offsets.length;
    const sample = Math.min(blocks, perBlockSample);
    const ours = (i: number): Promise<unknown> => readBlock(source, header, image, i, 0);

    const tiff = await fromFile(path);
    const gimage = await tiff.getImage();
    const across = image.blocksAcross;
    const perPlane = image.blocksAcross * image.blocksDown;
    // geotiff.js's registry decoder for the image (pako replaced by zlib above), with the
    // parameters its readRasters derives from the same tags.
    const decoder = await getDecoder(image.compression, {
      tileWidth: image.blockWidth,
      tileHeight: image.blockHeight,
      planarConfiguration: image.planar,
      // One entry per sample, as the tag holds it: geotiff.js's predictor counts samples from it.
      bitsPerSample: Array.from({ length: image.samplesPerPixel }, () => image.bitsPerSample),
      samplesPerPixel: image.samplesPerPixel,
      predictor: image.predictor,
      ...(image.jpegTables === null ? {} : { JPEGTables: image.jpegTables }),
    });
    const theirs = (i: number): Promise<unknown> => {
      const k = i % perPlane;
      return gimage.getTileOrStrip(k % across, Math.floor(k / across), Math.floor(i / perPlane), decoder);
    };

    // Best of two rounds, the readers alternating: the first round also warms the JIT.
    let oursFull = Infinity;
    let geotiffjsFull = Infinity;
    let oursPerBlockMs = Infinity;
    let geotiffjsPerBlockMs = Infinity;
    for (let round = 0; round < 2; round += 1) {
      oursFull = Math.min(oursFull, await timed(() => inBatches(blocks, ours)));
      geotiffjsFull = Math.min(geotiffjsFull, await timed(() => inBatches(blocks, theirs)));
      oursPerBlockMs = Math.min(oursPerBlockMs, ((await timed(() => serial(sample, ours))) * 1000) / sample);
      geotiffjsPerBlockMs = Math.min(
        geotiffjsPerBlockMs,
        ((await timed(() => serial(sample, theirs))) * 1000) / sample,
      );
    }
    const gdalChecksum = await timed(() =>
      promisify(execFile)('gdalinfo', ['-checksum', path], { maxBuffer: 64 * 2 ** 20 }),
    );
    return { blocks, oursFull, geotiffjsFull, oursPerBlockMs, geotiffjsPerBlockMs, gdalChecksum };
  } finally {
    await source.close();
  }
}

/** Imagery made from the DEM by GDAL (grey scaled to bytes): YCbCr JPEG, LZW RGB, DEFLATE palette. */
async function imageryFrom(dem: string, dir: string): Promise<(readonly [string, string])[]> {
  const run = promisify(execFile);
  const out = (name: string): string => join(dir, name);
  const rgb = ['-q', '-ot', 'Byte', '-scale', '-b', '1', '-b', '1', '-b', '1', '-co', 'TILED=YES'];
  const made: (readonly [string, string, string[]])[] = [
    [
      '10k² YCbCr JPEG RGB tiles',
      'decode-rgb-jpeg.tif',
      [...rgb, '-co', 'COMPRESS=JPEG', '-co', 'PHOTOMETRIC=YCBCR'],
    ],
    ['10k² LZW RGB tiles', 'decode-rgb-lzw.tif', [...rgb, '-co', 'COMPRESS=LZW', '-co', 'PHOTOMETRIC=RGB']],
  ];
  const files: (readonly [string, string])[] = [];
  for (const [label, name, args] of made) {
    if (!existsSync(out(name))) await run('gdal_translate', [...args, dem, out(name)]);
    files.push([label, out(name)]);
  }
  const palette = out('decode-palette-deflate.tif');
  if (!existsSync(palette)) {
    // A palette needs a VRT: gdal_translate cannot attach a colour table from its command line.
    const { stdout } = await run('gdal_translate', [
      '-q',
      '-of',
      'VRT',
      '-ot',
      'Byte',
      '-scale',
      dem,
      '/vsistdout/',
    ]);
    const entries = Array.from(
      { length: 256 },
      (_, i) =>
        `<Entry c1="${String((i * 53) % 256)}" c2="${String((i * 97) % 256)}" c3="${String((i * 29) % 256)}" c4="255"/>`,
    ).join('');
    const vrt = out('decode-palette.vrt');
    await writeFile(
      vrt,
      stdout
        .replace(/<ColorInterp>[^<]*<\/ColorInterp>/g, '')
        .replace(
          /(<VRTRasterBand [^>]*>)/,
          `$1<ColorInterp>Palette</ColorInterp><ColorTable>${entries}</ColorTable>`,
        ),
    );
    await run('gdal_translate', ['-q', '-co', 'TILED=YES', '-co', 'COMPRESS=DEFLATE', vrt, palette]);
  }
  files.push(['10k² DEFLATE palette tiles', palette]);
  return files;
}

/**
 * Rows for `npm run bench`: our reader against gdalinfo -checksum on the DEM and on imagery made
 * from it, geotiff.js's figures in the notes.
 */
export async function bench(report: Report): Promise<void> {
  await writeSyntheticDem(DEM, SIZE);
  const files: (readonly [string, string])[] = [
    ['10k² Float32 DEFLATE DEM', DEM],
    ...(await imageryFrom(DEM, DATA)),
  ];
  for (const [label, path] of files) {
    const f = await measureDecoders(path);
    report({
      job: `decode every block, ${label} (our reader, native zlib)`,
      strataSeconds: f.oursFull,
      peer: 'gdalinfo -checksum',
      peerSeconds: f.gdalChecksum,
      notes:
        `geotiff.js 3.0.5 + native zlib: ${f.geotiffjsFull.toFixed(2)} s; per block ours ` +
        `${f.oursPerBlockMs.toFixed(2)} ms, geotiff.js ${f.geotiffjsPerBlockMs.toFixed(2)} ms (${String(f.blocks)} blocks)`,
    });
  }
}
