import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SearchQuery } from '../../src-main/core/catalogue/search.js';
import { openCatalogue, type Catalogue } from '../../src-main/node/store/catalogue.js';
import type { Report } from './bench-row.js';
import { benchCategories, benchCentres, generatedRecord, queryText, seeded } from './catalogue-records.js';

const run = promisify(execFile);
const DATA = join(process.cwd(), 'tests/bench/.data');
const COUNT = Number(process.env['STRATA_BENCH_RECORDS'] ?? 1_000_000);
const FILE = join(DATA, `catalogue-${String(COUNT)}.sqlite`);
const BATCH = 2_000;
const QUERIES = Number(process.env['STRATA_BENCH_QUERIES'] ?? 300);

/** Writes COUNT generated records through the store's own transactions, BATCH per transaction. */
async function fill(): Promise<number> {
  await mkdir(DATA, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) await rm(`${FILE}${suffix}`, { force: true });
  const store = await openCatalogue(FILE);
  const r = seeded(7);
  const start = performance.now();
  try {
    for (let n = 0; n < COUNT; n += BATCH) {
      await store.write(async (tx) => {
        for (let i = n; i < Math.min(COUNT, n + BATCH); i += 1) {
          const { row, record } = generatedRecord(i, r);
          await tx.insertDataset(row, record);
        }
      });
    }
  } finally {
    await store.close();
  }
  return (performance.now() - start) / 1000;
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
async function likeScan(): Promise<number | undefined> {
  try {
    const sql =
      ".timer on\nSELECT count(*) FROM record_versions WHERE title LIKE '%钨矿%' OR abstract LIKE '%钨矿%';\n";
    const child = run('sqlite3', ['-readonly', FILE], { maxBuffer: 1 << 20 });
    child.child.stdin?.end(sql);
    const { stdout } = await child;
    const real = /Run Time: real ([\d.]+)/.exec(stdout)?.[1];
    return real === undefined ? undefined : Number(real);
  } catch {
    return undefined;
  }
}

/**
 * 1,000,000 realistic records (Chinese titles and abstracts, varied facets and extents) written
 * through the store, then QUERIES searches of each kind as the catalogue view sends them (a page of
 * 20, the total and every facet's counts), timed one after another on the read connection.
 */
export async function bench(report: Report): Promise<void> {
  const fresh = process.env['STRATA_BENCH_REUSE'] !== '1' || !existsSync(FILE);
  if (fresh) {
    const seconds = await fill();
    const mib = (await stat(FILE)).size / 2 ** 20;
    report({
      job: `catalogue: insert ${COUNT.toLocaleString('en')} records through the store (${String(BATCH)} per transaction)`,
      strataSeconds: seconds,
      notes: `${Math.round(COUNT / seconds).toLocaleString('en')} records/s; catalogue ${mib.toFixed(0)} MiB`,
    });
  }
  const store = await openCatalogue(FILE, { readOnly: true });
  try {
    for (const [name, make] of KINDS) {
      const l = await latencies(store, make);
      const like = name === 'text' ? await likeScan() : undefined;
      report({
        job: `catalogue search, ${name}: p95 of ${String(QUERIES)} (page of 20 + total + 5 facets)`,
        strataSeconds: l.p95 / 1000,
        ...(like === undefined ? {} : { peer: 'sqlite3 LIKE scan of 钨矿 (no index)', peerSeconds: like }),
        notes: `p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms; ${Math.round(l.meanTotal).toLocaleString('en')} hits on average`,
      });
    }
  } finally {
    await store.close();
  }
}
