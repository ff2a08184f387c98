import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-main/api/messages.js';
import { createIsolatedParsers, type IsolatedParsers } from '../../../src-main/node/isolation/index.js';
import { rasterValueRange, readRasterInfo } from '../../../src-main/node/raster/index.js';
import { openFile } from '../../../src-main/node/formats/index.js';
import { singleVector } from '../../support/open-vector.js';
import { outcome } from '../../support/outcome.js';
import { ROOT, tempDir } from '../../support/samples.js';
import { fixture } from '../../fixtures/index.js';

const files = (...dir: string[]): string[] =>
  readdirSync(fixture(...dir), { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fixture(...dir, e.name));
const shapefileSet = (...dir: string[]): string =>
  files(...dir).find((f) => f.endsWith('.shp')) ?? fixture(...dir, 'missing.shp');

const GOOD_RASTERS = [...files('raster'), ...files('chinese', 'raster')];
const GOOD_VECTORS = [
  fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp'),
  fixture('chinese', 'shapefile', 'dizhi_gbk_nocpg', 'dizhi.shp'),
  fixture('shapefile', 'naturalearth_lowres', 'naturalearth_lowres.shp'),
  fixture('shapefile', 'export_polylinez', 'export_polylinez.shp'),
  fixture('geojson', 'world.zh.json'),
  fixture('geojson', 'ne_50m_populated_places.json'),
];
const ELEV = fixture('raster', 'elev.tif');
const DBF_ONLY = fixture('shapefile', 'box_utm18n', 'box.dbf');

/** Counts ticks of a 10 ms timer while `run` is pending: the main thread stayed responsive. */
async function ticksDuring<T>(run: Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 10);
  try {
    const result = await run;
    return { result, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('isolated parsers give the in-process outcome', () => {
  let parsers: IsolatedParsers;
  beforeAll(() => {
    parsers = createIsolatedParsers();
  });
  afterAll(() => parsers.close());

  it.each(files('raster_bad'))('hostile raster %s', async (file) => {
    // Ends with the parser's own verdict (a hang would be PARSE_TIMEOUT here, and hang there).
    const isolated = await outcome(() => parsers.readRasterInfo(file));
    expect(isolated).toEqual(await outcome(() => readRasterInfo(file)));
    expect(isolated).toMatchObject({ params: { file: path.basename(file) } });
  });

  it.each(readdirSync(fixture('shapefile_bad')).map((dir) => shapefileSet('shapefile_bad', dir)))(
    'hostile shapefile %s',
    async (file) => {
      const isolated = await outcome(() => parsers.openFile(file));
      expect(isolated).toEqual(await outcome(() => openFile(file)));
    },
  );

  it.each(GOOD_RASTERS)('raster info and value range of %s', async (file) => {
    const info = await readRasterInfo(file);
    expect(await parsers.readRasterInfo(file)).toEqual(info);
    expect(await parsers.rasterValueRange(file, info)).toEqual(await rasterValueRange(file, info));
  });

  it.each(GOOD_VECTORS)('vector %s', async (file) => {
    expect(await parsers.openFile(file)).toEqual(await openFile(file));
  });

  it('missing and unsupported files fail as they do in process', async () => {
    for (const [run, local] of [
      [
        () => parsers.readRasterInfo('/nonexistent/dir/gone.tif'),
        () => readRasterInfo('/nonexistent/dir/gone.tif'),
      ],
      [
        () => parsers.readRasterInfo(fixture('csv', 'wkt.csv')),
        () => readRasterInfo(fixture('csv', 'wkt.csv')),
      ],
      [() => parsers.openFile(DBF_ONLY), () => openFile(DBF_ONLY)],
      [() => parsers.openFile('/nonexistent/绝密.shp'), () => openFile('/nonexistent/绝密.shp')],
    ] as const) {
      const isolated = await outcome(run);
      expect(isolated).toEqual(await outcome(local));
      expect(isolated).toHaveProperty('code');
    }
  });

  it('runs parses side by side', async () => {
    const all = [ELEV, GOOD_VECTORS[0] ?? '', fixture('raster', 'RGB.byte.tif'), GOOD_VECTORS[4] ?? ''];
    const read = (f: string): Promise<unknown> => (f.endsWith('.tif') ? readRasterInfo(f) : openFile(f));
    const isolatedRead = (f: string): Promise<unknown> =>
      f.endsWith('.tif') ? parsers.readRasterInfo(f) : parsers.openFile(f);
    expect(await Promise.all(all.map(isolatedRead))).toEqual(await Promise.all(all.map(read)));
  });
});

/** An attribute table of `count` records and no fields: the least a shapefile set needs. */
function emptyDbf(count: number): Buffer {
  const buf = Buffer.alloc(33 + count + 1, 0x20);
  buf.fill(0, 0, 32);
  buf.writeUInt8(0x03, 0);
  buf.writeUInt32LE(count, 4);
  buf.writeUInt16LE(33, 8);
  buf.writeUInt16LE(1, 10);
  buf.writeUInt8(0x0d, 32);
  buf.writeUInt8(0x1a, buf.length - 1);
  return buf;
}

/** A point shapefile (.shp and a field-less .dbf) of `count` points: within every header budget, heavy to parse. */
async function writeManyPoints(file: string, count: number): Promise<void> {
  const buf = Buffer.alloc(100 + count * 28);
  buf.writeInt32BE(9994, 0);
  buf.writeInt32BE(buf.length / 2, 24);
  buf.writeInt32LE(1000, 28);
  buf.writeInt32LE(1, 32);
  [0, 0, 1000, 1000].forEach((v, i) => buf.writeDoubleLE(v, 36 + i * 8));
  for (let i = 0; i < count; i += 1) {
    const at = 100 + i * 28;
    buf.writeInt32BE(i + 1, at);
    buf.writeInt32BE(10, at + 4);
    buf.writeInt32LE(1, at + 8);
    buf.writeDoubleLE(i % 1000, at + 12);
    buf.writeDoubleLE(Math.floor(i / 1000), at + 20);
  }
  await writeFile(file, buf);
  await writeFile(file.replace(/\.shp$/, '.dbf'), emptyDbf(count));
}

describe('limits stop a parse without touching the main process', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  /**
   * A parse worker that never finishes: it says it is ready, then keeps its thread busy forever,
   * except for files named `answer.*`, which it answers at once. A parse of anything else can
   * only end by a limit, however fast or slow the machine.
   */
  let neverEnds: URL;
  beforeAll(async () => {
    scratch = await tempDir('strata-limits-');
    const file = path.join(scratch.dir, 'never-ends.mjs');
    await writeFile(
      file,
      [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort.once('message', (request) => {",
        "  if (request.path.includes('answer.')) parentPort.postMessage({ type: 'reply', reply: { ok: true, value: 'answered' } });",
        '  else for (;;);',
        '});',
        "parentPort.postMessage({ type: 'ready' });",
      ].join('\n'),
    );
    neverEnds = pathToFileURL(file);
  });
  afterAll(() => scratch.cleanup());

  it('the heap cap ends a parse that outgrows it; the next parse in the client works', async () => {
    const heavy = path.join(scratch.dir, 'many-points.shp');
    await writeManyPoints(heavy, 1_000_000);
    const parsers = createIsolatedParsers({ maxHeapMb: 64 });
    try {
      const { result, ticks } = await ticksDuring(outcome(() => parsers.openFile(heavy)));
      expect(result).toEqual({
        code: 'TOO_LARGE',
        params: { file: 'many-points.shp', problem: 'problem.parseMemory', limitMb: 64 },
      });
      // The main thread kept serving timers while the worker filled its heap.
      expect(ticks).toBeGreaterThan(0);
      expect(parsers.busy()).toBe(0);
      expect(await parsers.readRasterInfo(ELEV)).toEqual(await readRasterInfo(ELEV));
    } finally {
      await parsers.close();
    }
    // Under the default cap the same file parses: the cap, not the file, ended the first parse.
    const roomy = createIsolatedParsers();
    try {
      expect(singleVector(await roomy.openFile(heavy)).info.featureCount).toBe(1_000_000);
    } finally {
      await roomy.close();
    }
  });

  it('a GeoJSON that would outgrow the heap cap ends as TOO_LARGE, not as an aborted process', async () => {
    // 8 MB of empty objects: once ~180 MB of heap in a single JSON.parse call that no heap limit
    // could interrupt; the streamed parse is plain JavaScript that the cap stops cleanly.
    const hostile = path.join(scratch.dir, 'objects.geojson');
    await writeFile(hostile, `{"type":"FeatureCollection","features":[${'{},'.repeat(2_800_000)}{}]}`);
    const parsers = createIsolatedParsers({ maxHeapMb: 64 });
    try {
      expect(await outcome(() => parsers.openFile(hostile))).toEqual({
        code: 'TOO_LARGE',
        params: { file: 'objects.geojson', problem: 'problem.parseMemory', limitMb: 64 },
      });
      expect(parsers.busy()).toBe(0);
    } finally {
      await parsers.close();
    }
  });

  it('the timeout terminates a parse that cannot finish; the next parse in the client works', async () => {
    const parsers = createIsolatedParsers({ workerUrl: neverEnds, timeoutMs: 500 });
    try {
      const { result, ticks } = await ticksDuring(outcome(() => parsers.openFile('/data/UN.json')));
      expect(result).toEqual({ code: 'PARSE_TIMEOUT', params: { file: 'UN.json', seconds: 0.5 } });
      expect(ticks).toBeGreaterThan(0);
      // Settled only once the worker has stopped: nothing of that parse is left running.
      expect(parsers.busy()).toBe(0);
      expect(await parsers.openFile('/data/answer.json')).toBe('answered');
    } finally {
      await parsers.close();
    }
  });

  it('says what happened in both languages, naming the file and the limit', () => {
    const params = { file: 'UN.json', seconds: 60 };
    expect(renderMessage('error.PARSE_TIMEOUT', params, 'en')).toBe(
      'Parsing took too long: UN.json (stopped at the 60 s limit)',
    );
    expect(renderMessage('error.PARSE_TIMEOUT', params, 'zh-CN')).toBe(
      '解析文件超时：UN.json（超过 60 秒上限，已中止）',
    );
  });

  it('close() cancels a running parse and the ones queued behind it, and refuses later ones', async () => {
    const parsers = createIsolatedParsers({ workerUrl: neverEnds });
    const running = outcome(() => parsers.openFile('/data/UN.json'));
    const queued = outcome(() => parsers.openFile('/data/answer.json'));
    await parsers.close();
    expect(await running).toEqual({ code: 'CANCELLED', params: {} });
    expect(await queued).toEqual({ code: 'CANCELLED', params: {} });
    expect(parsers.busy()).toBe(0);
    expect(await outcome(() => parsers.readRasterInfo(ELEV))).toEqual({ code: 'CANCELLED', params: {} });
  });
});

describe('the worker itself', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    scratch = await tempDir('strata-isolation-');
  });
  afterAll(() => scratch.cleanup());

  it('a worker that dies without answering is CORRUPT_FILE for that file only', async () => {
    const dying = path.join(scratch.dir, 'dying-worker.mjs');
    await writeFile(
      dying,
      "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => process.exit(3));\n",
    );
    const parsers = createIsolatedParsers({ workerUrl: pathToFileURL(dying) });
    try {
      expect(await outcome(() => parsers.readRasterInfo(ELEV))).toEqual({
        code: 'CORRUPT_FILE',
        params: { file: 'elev.tif', problem: 'problem.parserFailure' },
      });
    } finally {
      await parsers.close();
    }
  });

  it('refuses to start without a worker bundle, saying how to build one', () => {
    expect(() =>
      createIsolatedParsers({ workerUrl: pathToFileURL('/nonexistent/parse-worker.mjs') }),
    ).toThrow(/parse worker not found.*npm run build/);
  });

  it('the app bundle (dist/main) carries a working worker', async () => {
    const built = path.join(ROOT, 'dist', 'main', 'parse-worker.mjs');
    if (!existsSync(built)) throw new Error('run "npm run build" before the integration tests');
    const parsers = createIsolatedParsers({ workerUrl: pathToFileURL(built) });
    try {
      expect(await parsers.readRasterInfo(ELEV)).toEqual(await readRasterInfo(ELEV));
    } finally {
      await parsers.close();
    }
  });
});
