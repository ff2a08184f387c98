import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { errorMessage } from '../../../src-main/api/messages.js';
import { GEOJSON_MAX_TREE_BYTES } from '../../../src-main/core/formats/geojson/index.js';
import { createIsolatedParsers, PARSE_LIMITS } from '../../../src-main/node/isolation/index.js';
import { ROOT, tempDir } from '../../support/samples.js';

const MB = 1024 * 1024;
/** Room above the cap for what one poll of the memory watch can miss and for tearing down. */
const MARGIN_MB = 160;
const CLI = path.join(ROOT, 'bin', 'strata.js');

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await run() };
  } catch (err) {
    if (!(err instanceof StrataError)) throw err;
    return { code: err.code, params: err.params };
  }
}

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
    if (!existsSync(path.join(ROOT, 'dist', 'main', 'cli.mjs')))
      throw new Error('run "npm run build" before the integration tests');
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
      await outcome(() => parsers.readVectorFile(small));
      const threads = threadCount();
      const rss: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        expect(await outcome(() => parsers.readVectorFile(hostile))).toEqual({
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
      expect(await outcome(() => parsers.readVectorFile('/data/grows.geojson'))).toEqual({
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
    expect(errorMessage('TOO_LARGE', params, 'en')).toBe(
      'File exceeds the processing limit: a.geojson (parsing needed more than the 1024 MB memory limit and was stopped)',
    );
    expect(errorMessage('TOO_LARGE', params, 'zh-CN')).toBe(
      '文件超出处理上限：a.geojson（解析所需内存超过 1024 MB 上限，已中止）',
    );
    const geojson = { file: 'a.geojson', problem: 'problem.geojsonMemory', limitMb: 384 };
    expect(errorMessage('TOO_LARGE', geojson, 'zh-CN')).toBe(
      '文件超出处理上限：a.geojson（解析 GeoJSON 所需内存超过 384 MB 上限）',
    );
  });
});
