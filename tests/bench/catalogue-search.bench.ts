import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SearchQuery } from '../../src-main/core/catalogue/search.js';
import { openCatalogue, type Catalogue } from '../../src-main/node/store/catalogue.js';
import { LATEST_SCHEMA_VERSION } from '../../src-main/node/store/migrations/index.js';
import type { Report } from './bench-row.js';
import {
  GENERATOR_VERSION,
  type GeneratedRecord,
  benchCategories,
  benchCentres,
  generatedRecord,
  queryText,
  seeded,
} from './catalogue-records.js';

const run = promisify(execFile);
const BATCH = 10_000;
const QUERIES = Number(process.env['STRATA_BENCH_QUERIES'] ?? 300);

/**
 * The generated catalogue of `count` records, cached under the temp dir by generator and schema
 * version (a changed generator or index shape builds a new one; STRATA_BENCH_FRESH=1 always does).
 */
const fileOf = (count: number): string =>
  join(
    os.tmpdir(),
    'strata-bench',
    `catalogue-${String(count)}-g${String(GENERATOR_VERSION)}-s${String(LATEST_SCHEMA_VERSION)}.sqlite`,
  );

interface Built {
  readonly seconds: number;
  readonly mib: number;
  readonly reused: boolean;
}

/**
 * Writes `count` generated records through the store's bulk path (a batch import's:
 * `insertDatasets`, BATCH per transaction) into a new file, renamed into place once complete.
 */
async function fill(file: string, count: number): Promise<number> {
  const part = `${file}.part`;
  for (const suffix of ['', '-wal', '-shm']) await rm(`${part}${suffix}`, { force: true });
  const store = await openCatalogue(part);
  const r = seeded(7);
  const start = performance.now();
  try {
    for (let n = 0; n < count; n += BATCH) {
      const items: GeneratedRecord[] = [];
      for (let i = n; i < Math.min(count, n + BATCH); i += 1) items.push(generatedRecord(i, r));
      await store.write((tx) => tx.insertDatasets(items));
    }
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - start) / 1000;
  await rename(part, file);
  return seconds;
}

async function built(count: number): Promise<{ file: string } & Built> {
  const file = fileOf(count);
  const facts = `${file}.json`;
  if (process.env['STRATA_BENCH_FRESH'] !== '1' && existsSync(file) && existsSync(facts)) {
    return { file, ...(JSON.parse(await readFile(facts, 'utf8')) as Built), reused: true };
  }
  await mkdir(join(os.tmpdir(), 'strata-bench'), { recursive: true });
  const seconds = await fill(file, count);
  const made: Built = { seconds, mib: (await stat(file)).size / 2 ** 20, reused: false };
  await writeFile(facts, JSON.stringify(made));
  return { file, ...made };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly meanTotal: number;
}

async function latencies(store: Catalogue, make: (r: () => number) => SearchQuery): Promise<Latency> {
  const r = seeded(11);
  const times: number[] = [];
  let totals = 0;
  for (let i = 0; i < QUERIES; i += 1) {
    const q = make(r);
    const start = performance.now();
    const page = await store.search(q);
    times.push(performance.now() - start);
    totals += page.total;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    meanTotal: totals / QUERIES,
  };
}

const base: SearchQuery = { text: '', facets: {}, bbox: null, sort: 'relevance', offset: 0, limit: 20 };

/** A 4° × 3° "current view" somewhere in one of the provinces. */
function view(r: () => number): SearchQuery['bbox'] {
  const [lon, lat] = benchCentres[Math.floor(r() * benchCentres.length)] ?? [110, 30];
  const x = lon + (r() - 0.5) * 4;
  const y = lat + (r() - 0.5) * 3;
  return [x - 2, y - 1.5, x + 2, y + 1.5];
}

const KINDS: readonly (readonly [string, (r: () => number) => SearchQuery])[] = [
  ['text', (r) => ({ ...base, text: queryText(r) })],
  [
    'text + facet',
    (r) => ({
      ...base,
      text: queryText(r),
      facets: { category: [benchCategories[Math.floor(r() * 10)] ?? ''] },
    }),
  ],
  [
    'text + facet + bbox',
    (r) => ({
      ...base,
      text: queryText(r),
      facets: { category: [benchCategories[Math.floor(r() * 10)] ?? ''] },
      bbox: view(r),
    }),
  ],
  ['bbox only (pan the map)', (r) => ({ ...base, bbox: view(r) })],
  ['no filter (the view opens)', () => base],
];

/** The same 2-character lookup as a LIKE scan in the sqlite3 shell: what search costs without the index. */
async function likeScan(file: string): Promise<number | undefined> {
  try {
    const sql =
      ".timer on\nSELECT count(*) FROM record_versions WHERE title LIKE '%钨矿%' OR abstract LIKE '%钨矿%';\n";
    const child = run('sqlite3', ['-readonly', file], { maxBuffer: 1 << 20 });
    child.child.stdin?.end(sql);
    const { stdout } = await child;
    const real = /Run Time: real ([\d.]+)/.exec(stdout)?.[1];
    return real === undefined ? undefined : Number(real);
  } catch {
    return undefined;
  }
}

/**
 * `count` realistic records (Chinese titles and abstracts, varied facets and extents) written
 * through the store's bulk path, then QUERIES searches of each kind as the catalogue view sends them
 * (a page of 20, the total and every facet's counts), timed one after another on the read connection.
 */
export function catalogueBench(count: number): (report: Report) => Promise<void> {
  return async (report) => {
    const { file, seconds, mib, reused } = await built(count);
    report({
      job: `catalogue: insert ${count.toLocaleString('en')} records (batch import, ${BATCH.toLocaleString('en')} per transaction)`,
      strataSeconds: seconds,
      notes: `${Math.round(count / seconds).toLocaleString('en')} records/s; catalogue ${mib.toFixed(0)} MiB${reused ? '; measured when the cached file was built' : ''}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    });
    const store = await openCatalogue(file, { readOnly: true });
    try {
      for (const [name, make] of KINDS) {
        const l = await latencies(store, make);
        const like = name === 'text' ? await likeScan(file) : undefined;
        report({
          job: `catalogue search (${count.toLocaleString('en')}), ${name}: p95 of ${String(QUERIES)} (page of 20 + total + 5 facets)`,
          strataSeconds: l.p95 / 1000,
          ...(like === undefined ? {} : { peer: 'sqlite3 LIKE scan of 钨矿 (no index)', peerSeconds: like }),
          notes: `p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms; ${Math.round(l.meanTotal).toLocaleString('en')} hits on average; load average ${os
            .loadavg()
            .map((v) => v.toFixed(1))
            .join(' ')}`,
        });
      }
    } finally {
      await store.close();
    }
  };
}

/** The bench: a million records. */
export const bench = catalogueBench(Number(process.env['STRATA_BENCH_RECORDS'] ?? 1_000_000));
/** A tenth of it, to iterate on. */
export const bench100k = catalogueBench(100_000);
