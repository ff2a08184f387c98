import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { GEOJSON_MAX_TREE_BYTES } from '../../../src-main/core/formats/geojson/index.js';
import { createIsolatedParsers, PARSE_LIMITS } from '../../../src-main/node/isolation/index.js';
import { outcome } from '../../support/outcome.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

const MB = 1024 * 1024;
/** Room above the cap for what one poll of the memory watch can miss and for tearing down. */
const MARGIN_MB = 160;

/**
 * The hostile document of the report: one Feature whose Point holds `count` numbers (a
 * "position" of any length is valid GeoJSON), 4 bytes each; 60 million make 240 MB.
 */
async function writeHostileGeoJson(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      out.write(text, (err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  await write('{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[');
  const block = '0.5,'.repeat(1_000_000);
  let left = count - 1;
  for (; left >= 1_000_000; left -= 1_000_000) await write(block);
  await write(`${'0.5,'.repeat(left)}0.5]}}`);
  await new Promise<void>((resolve) => {
    out.end(resolve);
  });
}

/** The process's threads (Linux): a worker that was not stopped keeps its thread. */
const threadCount = (): number => readdirSync('/proc/self/task').length;

/** CPU time the process used over `ms` of wall time, in ms. */
async function cpuDuring(ms: number): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

interface CliRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly stdout: string;
  /** The CLI process's peak resident set (VmHWM), MB, as last seen before it exited. */
  readonly peakMb: number;
}

/** Runs the built CLI, sampling its peak resident set from /proc while it runs. */
function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = (): void => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'));
        if (hwm?.[1]) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // The process has just exited: the last sample stands.
      }
    };
    const poll = setInterval(sample, 10);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr, peakMb: peakKb / 1024 });
    });
  });
}

const errorOf = (run: CliRun): { code?: string; message?: string } => {
  const line = run.stderr.split('\n').find((l) => l.startsWith('{"error"'));
  return line ? (JSON.parse(line) as { error: { code: string; message: string } }).error : {};
};

describe('a GeoJSON whose one feature holds 60 million numbers', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  let hostile: string;
  let small: string;
  beforeAll(async () => {
    requireBuiltCli();
    scratch = await tempDir('strata-budgets-');
    hostile = path.join(scratch.dir, 'hostile.geojson');
    await writeHostileGeoJson(hostile, 60_000_000);
    small = path.join(scratch.dir, 'small.geojson');
    await writeFile(
      small,
      '{"type":"Feature","properties":{"名称":"矿点"},"geometry":{"type":"Point","coordinates":[110.3,25.3]}}',
    );
  });
  afterAll(() => scratch.cleanup());

  it('is refused by the CLI for its memory, promptly, within the stated cap of resident memory', async () => {
    const baseline = await runCli([
      'import',
      small,
      '--json',
      '--home',
      path.join(scratch.dir, 'home-small'),
    ]);
    expect(baseline.status).toBe(0);
    const run = await runCli([
      'import',
      hostile,
      '--json',
      '--lang',
      'en',
      '--home',
      path.join(scratch.dir, 'home'),
    ]);
    expect(run.status).toBe(1);
    const limitMb = GEOJSON_MAX_TREE_BYTES / MB;
    // Refused for its size, not cut off by the clock: the parse never came near the time limit.
    expect(errorOf(run)).toMatchObject({
      code: 'TOO_LARGE',
      message: `File exceeds the processing limit: hostile.geojson (parsing the GeoJSON would need more than the ${String(limitMb)} MB memory limit)`,
    });
    expect(run.peakMb).toBeGreaterThan(baseline.peakMb);
    expect(run.peakMb).toBeLessThan(baseline.peakMb + PARSE_LIMITS.memoryMb + MARGIN_MB);
  });

  it('is refused in a long-running host with nothing left running, and repeats do not grow memory', async () => {
    const parsers = createIsolatedParsers();
    try {
      // Warm up: the spare worker exists from here on, as in a host that has parsed before.
      await outcome(() => parsers.openFile(small));
      const threads = threadCount();
      const rss: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        expect(await outcome(() => parsers.openFile(hostile))).toEqual({
          code: 'TOO_LARGE',
          params: {
            file: 'hostile.geojson',
            problem: 'problem.geojsonMemory',
            limitMb: GEOJSON_MAX_TREE_BYTES / MB,
          },
        });
        expect(parsers.busy()).toBe(0);
        rss.push(process.memoryUsage.rss() / MB);
      }
      expect(threadCount()).toBe(threads);
      // A worker left parsing would burn a whole core's second here.
      expect(await cpuDuring(1000)).toBeLessThan(300);
      expect((rss[3] ?? 0) - (rss[0] ?? 0)).toBeLessThan(64);
    } finally {
      await parsers.close();
    }
  });
});

/** A .shp and .dbf whose headers claim 900 MB each (sparse files: the bytes are zeros). */
async function writeLyingShapefile(dir: string): Promise<string> {
  const shpBytes = 900 * MB;
  const shp = Buffer.alloc(100);
  shp.writeInt32BE(9994, 0);
  shp.writeInt32BE(shpBytes / 2, 24);
  shp.writeInt32LE(1000, 28);
  shp.writeInt32LE(1, 32);
  [0, 0, 1000, 1000].forEach((v, i) => shp.writeDoubleLE(v, 36 + i * 8));
  const records = 10_000_000;
  const recordBytes = 90;
  const dbf = Buffer.alloc(65);
  dbf.set([3, 126, 1, 1], 0);
  dbf.writeUInt32LE(records, 4);
  dbf.writeUInt16LE(65, 8);
  dbf.writeUInt16LE(recordBytes, 10);
  dbf.write('NAME', 32, 'latin1');
  dbf.write('C', 43, 'latin1');
  dbf.writeUInt8(recordBytes - 1, 48);
  dbf.writeUInt8(0x0d, 64);
  const file = path.join(dir, 'lying.shp');
  await writeFile(file, shp);
  await truncate(file, shpBytes);
  await writeFile(path.join(dir, 'lying.dbf'), dbf);
  await truncate(path.join(dir, 'lying.dbf'), 65 + records * recordBytes + 1);
  return file;
}

type Entry = readonly [tag: number, type: number, count: number, value: number];

/** Where the tile tables (and a strip's data) start, after the header. */
const TIFF_TABLES = 4096;

/**
 * A little-endian GeoTIFF (WGS 84) of 64-bit floats, uncompressed, whose header says what the
 * caller wants; `tables` follow at TIFF_TABLES, then sparse zeros up to `size`.
 */
async function writeTiff(file: string, image: readonly Entry[], tables: Buffer, size: number): Promise<void> {
  const geo: Entry[] = [];
  const count = image.length + 3;
  const scaleAt = 8 + 2 + count * 12 + 4;
  geo.push([33550, 12, 3, scaleAt], [33922, 12, 6, scaleAt + 24], [34735, 3, 16, scaleAt + 72]);
  const entries = [...image, ...geo].sort((a, b) => a[0] - b[0]);
  const head = Buffer.alloc(scaleAt + 72 + 32);
  head.write('II*\0', 0, 'latin1');
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(count, 8);
  entries.forEach(([tag, type, n, value], i) => {
    const at = 10 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(n, at + 4);
    if (type === 3 && n === 1) head.writeUInt16LE(value, at + 8);
    else head.writeUInt32LE(value, at + 8);
  });
  [0.0001, 0.0001, 0, 0, 0, 0, 100, 30, 0].forEach((v, i) => head.writeDoubleLE(v, scaleAt + i * 8));
  [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326].forEach((v, i) =>
    head.writeUInt16LE(v, scaleAt + 72 + i * 2),
  );
  await writeFile(file, Buffer.concat([head, Buffer.alloc(TIFF_TABLES - head.length), tables]));
  await truncate(file, size);
}

/** 16384 × 16384 float64 in one strip that claims 2 GiB: the header alone would need it in memory. */
async function writeLyingStrip(file: string): Promise<void> {
  const side = 16384;
  const strip = side * side * 8;
  await writeTiff(
    file,
    [
      [256, 4, 1, side],
      [257, 4, 1, side],
      [258, 3, 1, 64],
      [259, 3, 1, 1],
      [262, 3, 1, 1],
      [273, 4, 1, TIFF_TABLES],
      [277, 3, 1, 1],
      [278, 4, 1, side],
      [279, 4, 1, strip],
      [339, 3, 1, 3],
    ],
    Buffer.alloc(0),
    TIFF_TABLES + strip,
  );
}

/** 65536 × 65536 float64 in 4096 tiles of 8 MB that all point at the same 8 MB of the file. */
async function writeLyingTiles(file: string): Promise<void> {
  const tile = 1024;
  const tiles = (65536 / tile) ** 2;
  const tileBytes = tile * tile * 8;
  const dataAt = TIFF_TABLES + tiles * 8;
  const tables = Buffer.alloc(tiles * 8);
  for (let i = 0; i < tiles; i += 1) {
    tables.writeUInt32LE(dataAt, i * 4);
    tables.writeUInt32LE(tileBytes, tiles * 4 + i * 4);
  }
  await writeTiff(
    file,
    [
      [256, 4, 1, 65536],
      [257, 4, 1, 65536],
      [258, 3, 1, 64],
      [259, 3, 1, 1],
      [262, 3, 1, 1],
      [277, 3, 1, 1],
      [322, 3, 1, tile],
      [323, 3, 1, tile],
      [324, 4, tiles, TIFF_TABLES],
      [325, 4, tiles, TIFF_TABLES + tiles * 4],
      [339, 3, 1, 3],
    ],
    tables,
    dataAt + tileBytes,
  );
}

describe('files whose headers lie stay within the memory cap, for every format', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  let baselineMb: number;
  beforeAll(async () => {
    scratch = await tempDir('strata-lying-');
    const small = path.join(scratch.dir, 'small.geojson');
    await writeFile(small, '{"type":"Point","coordinates":[110.3,25.3]}');
    const run = await runCli(['import', small, '--json', '--home', path.join(scratch.dir, 'home-small')]);
    expect(run.status).toBe(0);
    baselineMb = run.peakMb;
  });
  afterAll(() => scratch.cleanup());

  const importOf = (file: string): Promise<CliRun> =>
    runCli([
      'import',
      file,
      '--json',
      '--lang',
      'en',
      '--home',
      path.join(scratch.dir, `home-${path.basename(file)}`),
    ]);

  it('a shapefile set whose .shp and .dbf claim 900 MB each is stopped at the cap', async () => {
    const run = await importOf(await writeLyingShapefile(scratch.dir));
    expect(run.status).toBe(1);
    expect(errorOf(run)).toMatchObject({
      code: 'TOO_LARGE',
      message: `File exceeds the processing limit: lying.shp (parsing needed more than the ${String(PARSE_LIMITS.memoryMb)} MB memory limit and was stopped)`,
    });
    expect(run.peakMb).toBeLessThan(baselineMb + PARSE_LIMITS.memoryMb + MARGIN_MB);
  });

  it('a GeoTIFF whose one strip claims 2 GiB is refused from its header', async () => {
    const file = path.join(scratch.dir, 'lying-strip.tif');
    await writeLyingStrip(file);
    const run = await importOf(file);
    expect(run.status).toBe(1);
    expect(errorOf(run)).toMatchObject({ code: 'TOO_LARGE' });
    expect(run.peakMb).toBeLessThan(baselineMb + PARSE_LIMITS.memoryMb + MARGIN_MB);
  });

  it('a GeoTIFF of 4096 tiles that all point at the same bytes is read within the cap', async () => {
    const file = path.join(scratch.dir, 'lying-tiles.tif');
    await writeLyingTiles(file);
    const run = await importOf(file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.peakMb).toBeLessThan(baselineMb + PARSE_LIMITS.memoryMb + MARGIN_MB);
  });
});

describe('limits end the worker for good', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  /** A parse worker that says it is ready and then calls `body` on the request. */
  const hook = async (name: string, body: string): Promise<URL> => {
    const file = path.join(scratch.dir, `${name}.mjs`);
    await writeFile(
      file,
      [
        "import { parentPort } from 'node:worker_threads';",
        `parentPort.once('message', (request) => { ${body} });`,
        "parentPort.postMessage({ type: 'ready' });",
      ].join('\n'),
    );
    return pathToFileURL(file);
  };
  beforeAll(async () => {
    scratch = await tempDir('strata-hooks-');
  });
  afterAll(() => scratch.cleanup());

  it('memory outside the V8 heap counts: the watch stops a parse that grows its buffers past the cap', async () => {
    const grows = await hook(
      'grows',
      'const kept = []; const grow = () => { kept.push(Buffer.alloc(8 * 1024 * 1024, 1)); setImmediate(grow); }; grow();',
    );
    const memoryMb = 96;
    const parsers = createIsolatedParsers({ workerUrl: grows, memoryMb });
    try {
      const before = process.memoryUsage.rss() / MB;
      expect(await outcome(() => parsers.openFile('/data/grows.geojson'))).toEqual({
        code: 'TOO_LARGE',
        params: { file: 'grows.geojson', problem: 'problem.parseMemory', limitMb: memoryMb },
      });
      expect(parsers.busy()).toBe(0);
      expect(process.memoryUsage.rss() / MB - before).toBeLessThan(memoryMb);
    } finally {
      await parsers.close();
    }
  });

  it('says so in both languages, naming the file and the limit', () => {
    const params = { file: 'a.geojson', problem: 'problem.parseMemory', limitMb: 1024 };
    expect(renderMessage('error.TOO_LARGE', params, 'en')).toBe(
      'File exceeds the processing limit: a.geojson (parsing needed more than the 1024 MB memory limit and was stopped)',
    );
    expect(renderMessage('error.TOO_LARGE', params, 'zh-CN')).toBe(
      '文件超出处理上限：a.geojson（解析所需内存超过 1024 MB 上限，已中止）',
    );
    const geojson = { file: 'a.geojson', problem: 'problem.geojsonMemory', limitMb: 384 };
    expect(renderMessage('error.TOO_LARGE', geojson, 'zh-CN')).toBe(
      '文件超出处理上限：a.geojson（解析 GeoJSON 所需内存超过 384 MB 上限）',
    );
  });
});
