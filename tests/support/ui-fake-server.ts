/**
 * A partial fake of the harness for UI tests (after Actual Budget's fake server): serves the built
 * renderer with the real CSP, answers POST /rpc with canned but realistic contract results, and
 * serves real sample files under /files/ with HTTP Range, so the map really reads GeoTIFF tiles
 * and GeoJSON. Dataset facts (size, extent, CRS, value range) are read with GDAL at start-up.
 * State lives in memory; nothing touches the shared samples (they are copied to a temp dir).
 */
import { execFile } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MethodName } from '../../src-main/api/contract.js';
import type { ErrorCode, ErrorParams, Result } from '../../src-main/api/errors.js';
import { errorMessage, type Lang } from '../../src-main/api/messages.js';
import { formatMarking, PERIOD_PATTERN, type SecrecyLevel } from '../../src-main/api/secrecy.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/hosting/csp.js';
import type {
  AuditEntry,
  CrsDefinition,
  DatasetDetail,
  DatasetSummary,
  DisplaySource,
  Lineage,
  RecordFields,
  RecordVersion,
  ReviewReport,
} from '../../src-main/api/types.js';
import { sample } from './samples.js';

const run = promisify(execFile);

type DatasetId = DatasetSummary['id'];
type Finding = ReviewReport['findings'][number];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One sample the fake knows: where it lives in shared/data and how it is described. */
export interface FakeSample {
  readonly parts: readonly string[];
  readonly title: string;
  readonly level: SecrecyLevel;
  readonly period?: string;
  /** For shapefiles and other vectors: ogr2ogr open options (e.g. ENCODING=CP936). */
  readonly openOptions?: readonly string[];
}

export const DEFAULT_SAMPLES: readonly FakeSample[] = [
  {
    parts: ['chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif'],
    title: '桂林幅 1:5000 数字高程模型',
    level: '机密',
    period: '20年',
  },
  {
    parts: ['chinese', 'raster', 'nanning_rgb_cgcs2000_cm108_0p5m.tif'],
    title: '南宁 0.5 米正射影像',
    level: '秘密',
    period: '',
  },
  { parts: ['chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp'], title: '广西矿点分布', level: '内部' },
  {
    parts: ['chinese', 'shapefile', 'dizhi_gbk_nocpg', 'dizhi.shp'],
    title: '区域地质图 地层单元',
    level: '秘密',
    period: '长期',
    openOptions: ['ENCODING=CP936'],
  },
  { parts: ['raster', 'shade.tif'], title: '山体阴影（示例）', level: '公开' },
];

interface FakeDataset {
  summary: Mutable<DatasetSummary>;
  versions: RecordVersion[];
  review: ReviewReport | null;
  lineage: Lineage | null;
  publicVersions: DatasetId[];
  display: DisplaySource;
  crsDefinition: CrsDefinition | null;
  fields: DatasetDetail['fields'];
  /** Absolute path of the served display file. */
  file: string;
  sample: FakeSample;
}

class FakeError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
  }
}

const now = (): string => new Date().toISOString();
const newId = (): DatasetId => `ds_${randomBytes(8).toString('hex')}` as DatasetId;

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function proj4Of(file: string): Promise<string | null> {
  const { stdout } = await run('gdalsrsinfo', ['-o', 'proj4', file]).catch(() => ({ stdout: '' }));
  const def = stdout.trim();
  return def.startsWith('+') ? def : null;
}

/** The EPSG code of a WKT2 string: its last top-level ID["EPSG",n]. */
function epsgOf(wkt: string): string | null {
  const ids = [...wkt.matchAll(/ID\["EPSG",(\d+)\]/g)];
  const last = ids.at(-1);
  return last?.[1] ? `EPSG:${last[1]}` : null;
}

const crsNameOf = (wkt: string): string | null => /^\w+\["([^"]+)"/.exec(wkt)?.[1] ?? null;

interface GdalInfo {
  size: [number, number];
  coordinateSystem?: { wkt: string };
  geoTransform: number[];
  cornerCoordinates: { upperLeft: [number, number]; lowerRight: [number, number] };
  bands: { type: string; noDataValue?: number; computedMin?: number; computedMax?: number }[];
}

async function describeRaster(copy: string, s: FakeSample, base: BaseFacts): Promise<FakeDataset> {
  const { stdout } = await run('gdalinfo', ['-json', '-mm', copy], { maxBuffer: 32 << 20 });
  const info = JSON.parse(stdout) as GdalInfo;
  const wkt = info.coordinateSystem?.wkt ?? '';
  const band = info.bands[0];
  const code = epsgOf(wkt) ?? `USER:${base.id}`;
  const proj4 = await proj4Of(copy);
  const [ulx, uly] = info.cornerCoordinates.upperLeft;
  const [lrx, lry] = info.cornerCoordinates.lowerRight;
  const single = info.bands.length < 3;
  return {
    ...base.dataset(s, {
      kind: 'raster',
      format: 'GeoTIFF',
      crs: wkt ? code : null,
      crsName: crsNameOf(wkt),
      extent: [ulx, lry, lrx, uly],
      width: info.size[0],
      height: info.size[1],
      bandCount: info.bands.length,
      dataType: (band?.type ?? 'Byte') as NonNullable<DatasetSummary['dataType']>,
      pixelSize: [Math.abs(info.geoTransform[1] ?? 0), Math.abs(info.geoTransform[5] ?? 0)],
    }),
    display: {
      kind: 'raster',
      path: `datasets/${base.id}/display`,
      contentType: 'image/tiff',
      valueRange:
        single && band?.computedMin !== undefined && band.computedMax !== undefined
          ? [band.computedMin, band.computedMax]
          : null,
      nodata: band?.noDataValue ?? null,
    },
    crsDefinition: proj4 ? { code, proj4 } : null,
    fields: [],
    file: copy,
  };
}

interface GeoJsonFile {
  features: {
    geometry: { type: string; coordinates: unknown } | null;
    properties: Record<string, unknown> | null;
  }[];
}

function extentOf(value: unknown, acc: [number, number, number, number]): void {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
    acc[0] = Math.min(acc[0], value[0]);
    acc[1] = Math.min(acc[1], value[1]);
    acc[2] = Math.max(acc[2], value[0]);
    acc[3] = Math.max(acc[3], value[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) extentOf(v, acc);
  }
}

async function describeVector(
  copy: string,
  dir: string,
  s: FakeSample,
  base: BaseFacts,
): Promise<FakeDataset> {
  const out = path.join(dir, `${base.id}.geojson`);
  const options = (s.openOptions ?? []).flatMap((o) => ['-oo', o]);
  await run('ogr2ogr', [
    '-f',
    'GeoJSON',
    ...options,
    '-lco',
    'RFC7946=NO',
    '-lco',
    'WRITE_BBOX=NO',
    out,
    copy,
  ]);
  const json = JSON.parse(await readFile(out, 'utf8')) as GeoJsonFile;
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of json.features) extentOf(f.geometry?.coordinates, extent);
  const first = json.features[0]?.properties ?? {};
  const { stdout: wkt } = await run('gdalsrsinfo', ['-o', 'wkt2', copy]).catch(() => ({ stdout: '' }));
  const code = epsgOf(wkt) ?? `USER:${base.id}`;
  const proj4 = await proj4Of(copy);
  const geometryType = (json.features[0]?.geometry?.type ?? 'None') as NonNullable<
    DatasetSummary['geometryType']
  >;
  return {
    ...base.dataset(s, {
      kind: 'vector',
      format: 'Shapefile',
      crs: proj4 ? code : null,
      crsName: crsNameOf(wkt.trim()),
      extent,
      featureCount: json.features.length,
      geometryType,
    }),
    display: {
      kind: 'vector',
      path: `datasets/${base.id}/display`,
      contentType: 'application/geo+json',
      valueRange: null,
      nodata: null,
    },
    crsDefinition: proj4 ? { code, proj4 } : null,
    fields: Object.entries(first).map(([name, v]) => ({
      name,
      type: typeof v === 'number' ? 'number' : 'string',
    })),
    file: out,
  };
}

interface BaseFacts {
  readonly id: DatasetId;
  dataset(
    s: FakeSample,
    facts: Partial<DatasetSummary> & Pick<DatasetSummary, 'kind' | 'format'>,
  ): Omit<FakeDataset, 'display' | 'crsDefinition' | 'fields' | 'file'>;
}

function baseFacts(id: DatasetId, name: string, sha256: string, byteSize: number, author: string): BaseFacts {
  return {
    id,
    dataset(s, facts) {
      const fields: RecordFields = { title: s.title, abstract: '', level: s.level, period: s.period ?? '' };
      const createdAt = now();
      return {
        summary: {
          id,
          name,
          crs: null,
          crsName: null,
          extent: null,
          sha256,
          byteSize,
          sourceId: null,
          status: 'draft',
          title: s.title,
          level: s.level,
          createdAt,
          ...facts,
        },
        versions: [
          { version: 1, fields, author, createdAt, marking: formatMarking(fields.level, fields.period) },
        ],
        review: null,
        lineage: null,
        publicVersions: [],
        sample: s,
      };
    },
  };
}

export interface UiFakeServer {
  /** Page URL with `?token=` as the real harness prints it. */
  readonly url: string;
  readonly origin: string;
  /** Every RPC method called, in order (for asserting what the UI asked). */
  readonly calls: MethodName[];
  /** Ids in import order. */
  datasetIds(): DatasetId[];
  /** Simulates another curator saving a version meanwhile (to provoke CONFLICT). */
  bumpVersion(id: DatasetId): void;
  close(): Promise<void>;
}

export interface UiFakeServerOptions {
  /** Built renderer (dist/renderer). */
  readonly rendererDir: string;
  readonly samples?: readonly FakeSample[];
  /** Import the samples at start (default) or leave the archive empty for import tests. */
  readonly preload?: boolean;
  readonly port?: number;
  readonly user?: string;
}

export async function startUiFakeServer(options: UiFakeServerOptions): Promise<UiFakeServer> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'strata-ui-fake-'));
  const user = options.user ?? 'curator';
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const datasets = new Map<DatasetId, FakeDataset>();
  const audit: AuditEntry[] = [];
  const calls: MethodName[] = [];
  const token = randomBytes(16).toString('hex');

  const log = (action: string, subject: string | null): void => {
    const prev = audit.at(-1)?.hash ?? '';
    const hash = createHash('sha256')
      .update(`${prev}|${action}|${subject ?? ''}|${String(audit.length)}`)
      .digest('hex');
    audit.push({ seq: audit.length + 1, at: now(), actor: user, action, subject, details: {}, hash });
  };

  const importSample = async (s: FakeSample): Promise<DatasetSummary> => {
    const id = newId();
    const source = sample(...s.parts);
    const dir = path.join(scratch, id);
    await run('mkdir', ['-p', dir]);
    // Copy the whole set (shapefile sidecars share the base name).
    const stem = path.basename(source, path.extname(source));
    const siblings = (await run('ls', [path.dirname(source)])).stdout
      .split('\n')
      .filter((f) => f.startsWith(`${stem}.`));
    for (const f of siblings) await copyFile(path.join(path.dirname(source), f), path.join(dir, f));
    const copy = path.join(dir, path.basename(source));
    const base = baseFacts(id, path.basename(source), await sha256Of(copy), (await stat(copy)).size, user);
    const ds = source.endsWith('.tif')
      ? await describeRaster(copy, s, base)
      : await describeVector(copy, dir, s, base);
    datasets.set(id, ds);
    log('dataset.import', id);
    return ds.summary;
  };

  if (options.preload ?? true) for (const s of samples) await importSample(s);

  const get = (id: DatasetId): FakeDataset => {
    const ds = datasets.get(id);
    if (!ds) throw new FakeError('NOT_FOUND', { what: id });
    return ds;
  };
  const current = (ds: FakeDataset): RecordVersion => {
    const last = ds.versions.at(-1);
    if (!last) throw new FakeError('INTERNAL', { ref: 'no version' });
    return last;
  };
  const detailOf = (ds: FakeDataset): DatasetDetail => ({
    summary: { ...ds.summary },
    record: current(ds),
    versions: [...ds.versions],
    fields: ds.fields,
    review: ds.review,
    lineage: ds.lineage,
    publicVersions: [...ds.publicVersions],
    display: ds.display,
    crsDefinition: ds.crsDefinition,
  });

  const reviewOf = (ds: FakeDataset): ReviewReport => {
    const s = ds.summary;
    const findings: Finding[] = [];
    if (s.sourceId === null && s.kind === 'raster' && s.pixelSize) {
      const metres =
        s.crs === 'EPSG:4490' || s.crs === 'EPSG:4326' ? s.pixelSize[0] * 111_320 : s.pixelSize[0];
      const dem = s.bandCount === 1 && s.dataType !== 'Byte';
      const threshold = dem ? 100 : 0.5;
      if (metres < threshold) {
        findings.push({
          ruleId: dem ? 'dem-grid' : 'imagery-resolution',
          ruleVersion: 1,
          severity: 'blocking',
          messageKey: 'finding.rasterResolution',
          params: {
            what: dem ? 'what.dem' : 'what.imagery',
            resolution: Number(metres.toFixed(2)),
            threshold,
          },
          where: 'band 1',
          action: 'resample-block-average',
        });
      }
    }
    if (s.sourceId === null && s.kind === 'vector') {
      findings.push({
        ruleId: 'position-precision',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.positionPrecision',
        params: { precision: 1, threshold: 50 },
        where: s.name,
        action: 'degrade-coordinates',
      });
    }
    if (s.crs === null) {
      findings.push({
        ruleId: 'position-precision',
        ruleVersion: 1,
        severity: 'warning',
        messageKey: 'finding.noCrs',
        params: {},
        where: 'dataset',
        action: null,
      });
    }
    const blocking = findings.filter((f) => f.severity === 'blocking').length;
    return {
      id: `rv_${randomBytes(6).toString('hex')}` as ReviewReport['id'],
      datasetId: s.id,
      profile: { id: 'default', version: 1, name: '默认规则集' },
      findings,
      blocking,
      passed: blocking === 0,
      contentSha256: s.sha256,
      reviewer: user,
      createdAt: now(),
    };
  };

  const handlers: { [M in MethodName]: (args: Record<string, unknown>) => Promise<unknown> } = {
    'system.info': () =>
      Promise.resolve({ version: '0.1.0-fake', user, host: 'harness', canPickFiles: false, readOnly: false }),
    'system.pickFiles': () => Promise.reject(new FakeError('UNSUPPORTED_BY_HOST')),
    'datasets.import': async (args) => {
      const paths = (args['paths'] as string[] | undefined) ?? [];
      const imported: DatasetSummary[] = [];
      const failures: { file: string; code: ErrorCode; message: string }[] = [];
      for (const p of paths) {
        const known = samples.find((s) => s.parts.at(-1) === path.basename(p));
        if (known) imported.push(await importSample(known));
        else
          failures.push({
            file: path.basename(p),
            code: 'FILE_NOT_FOUND',
            message: errorMessage('FILE_NOT_FOUND', { file: path.basename(p) }, 'zh-CN'),
          });
      }
      return { datasets: imported, failures };
    },
    'datasets.list': () => Promise.resolve([...datasets.values()].map((d) => ({ ...d.summary }))),
    'datasets.get': (args) => Promise.resolve(detailOf(get(args['id'] as DatasetId))),
    'catalogue.save': (args) => {
      const ds = get(args['id'] as DatasetId);
      const fields = args['fields'] as RecordFields;
      const head = current(ds);
      if (args['baseVersion'] !== head.version)
        return Promise.reject(new FakeError('CONFLICT', { current: head.version }));
      if (!PERIOD_PATTERN.test(fields.period.trim()))
        return Promise.reject(new FakeError('INVALID_ARGUMENT', { detail: 'fields.period: period' }));
      const version: RecordVersion = {
        version: head.version + 1,
        fields,
        author: user,
        createdAt: now(),
        marking: formatMarking(fields.level, fields.period),
      };
      ds.versions.push(version);
      ds.summary.title = fields.title;
      ds.summary.level = fields.level;
      ds.summary.status = ds.summary.sourceId === null ? 'draft' : ds.summary.status;
      ds.review = null;
      log('catalogue.save', ds.summary.id);
      return Promise.resolve(version);
    },
    'review.run': (args) => {
      const ds = get(args['id'] as DatasetId);
      ds.review = reviewOf(ds);
      if (ds.summary.sourceId === null) ds.summary.status = 'reviewed';
      log('review.run', ds.summary.id);
      return Promise.resolve(ds.review);
    },
    'release.create': (args) => {
      const source = get(args['id'] as DatasetId);
      if (source.summary.sourceId !== null)
        return Promise.reject(new FakeError('RELEASE_REFUSED', { reason: 'reason.alreadyPublic' }));
      if (!source.review)
        return Promise.reject(new FakeError('RELEASE_REFUSED', { reason: 'reason.notReviewed' }));
      const id = newId();
      const step =
        source.summary.kind === 'raster'
          ? {
              step: 'resampleBlockAverage',
              params: { resolution: 100, unit: 'm' },
              description: 'lineage.resampleBlockAverage',
            }
          : {
              step: 'degradeCoordinates',
              params: { grid: 50, unit: 'm' },
              description: 'lineage.degradeCoordinates',
            };
      const lineage: Lineage = {
        sourceId: source.summary.id,
        sourceSha256: source.summary.sha256,
        steps: [step, { step: 'copyAllowed', params: {}, description: 'lineage.copyAllowed' }],
        createdAt: now(),
        author: user,
      };
      const fields: RecordFields = {
        title: `${current(source).fields.title}（公开版）`,
        abstract: current(source).fields.abstract,
        level: '公开',
        period: '',
      };
      const pub: FakeDataset = {
        ...source,
        summary: {
          ...source.summary,
          id,
          sourceId: source.summary.id,
          status: 'public-version',
          title: fields.title,
          level: '公开',
          createdAt: now(),
        },
        versions: [
          { version: 1, fields, author: user, createdAt: now(), marking: formatMarking('公开', '') },
        ],
        lineage,
        publicVersions: [],
        display: { ...source.display, path: `datasets/${id}/display` },
        review: null,
      };
      pub.review = reviewOf(pub);
      datasets.set(id, pub);
      source.publicVersions.push(id);
      source.summary.status = 'public-version';
      log('release.create', id);
      return Promise.resolve({
        id,
        sourceId: source.summary.id,
        lineage,
        review: pub.review,
        dataset: { ...pub.summary },
      });
    },
    'exchange.export': (args) => {
      const ds = get(args['id'] as DatasetId);
      if (ds.summary.sourceId === null)
        return Promise.reject(new FakeError('EXPORT_REFUSED', { reason: 'reason.notPublicVersion' }));
      if (ds.summary.level !== '公开')
        return Promise.reject(
          new FakeError('EXPORT_REFUSED', { reason: 'reason.levelAbovePublic', level: ds.summary.level }),
        );
      ds.summary.status = 'exported';
      log('exchange.export', ds.summary.id);
      const bag = path.join(String(args['outDir']), `strata-${ds.summary.id}`);
      return Promise.resolve({
        id: ds.summary.id,
        bag,
        files: 4,
        bytes: ds.summary.byteSize + 2048,
        signatureFile: path.join(bag, 'tagmanifest-sha256.txt.sig'),
        keyFingerprint: createHash('sha256').update(user).digest('hex'),
      });
    },
    'exchange.verify': (args) => {
      const bag = String(args['bag']);
      const tampered = bag.includes('tampered');
      return Promise.resolve({
        ok: !tampered,
        bag,
        checks: [
          { step: 'paths', ok: true, problems: [] },
          { step: 'complete', ok: true, problems: [] },
          { step: 'checksums', ok: !tampered, problems: tampered ? ['data/display.tif'] : [] },
          { step: 'signature', ok: !tampered, problems: tampered ? ['tagmanifest-sha256.txt'] : [] },
        ],
      });
    },
    'keys.publicKey': () =>
      Promise.resolve({
        pem: '-----BEGIN PUBLIC KEY-----\nfake\n-----END PUBLIC KEY-----\n',
        fingerprint: createHash('sha256').update(user).digest('hex'),
      }),
    'audit.list': () => Promise.resolve([...audit].reverse()),
    'audit.verify': () =>
      Promise.resolve({ ok: true, entries: audit.length, head: audit.at(-1)?.hash ?? null, brokenAt: null }),
  };

  const dispatch = async (method: string, args: unknown, lang: Lang): Promise<Result<unknown>> => {
    if (!Object.hasOwn(handlers, method))
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: errorMessage('NOT_FOUND', { what: method }, lang),
          params: { what: method },
        },
      };
    calls.push(method as MethodName);
    try {
      return {
        ok: true,
        value: await handlers[method as MethodName]((args ?? {}) as Record<string, unknown>),
      };
    } catch (error) {
      const e = error instanceof FakeError ? error : new FakeError('INTERNAL', { ref: 'fake' });
      return {
        ok: false,
        error: { code: e.code, message: errorMessage(e.code, e.params, lang), params: e.params },
      };
    }
  };

  const security = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
  const send = (
    res: ServerResponse,
    status: number,
    body: string,
    type = 'text/plain; charset=utf-8',
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { ...security, 'Content-Type': type, ...extra });
    res.end(body);
  };
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.map': 'application/json',
    '.json': 'application/json',
    '.geojson': 'application/geo+json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
  };

  const serveFile = async (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    type: string,
    extra: Record<string, string> = {},
  ): Promise<void> => {
    const { size } = await stat(file);
    const match = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (match) {
      start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
      end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        send(res, 416, '', 'text/plain', { 'Content-Range': `bytes */${String(size)}` });
        return;
      }
    }
    res.writeHead(match ? 206 : 200, {
      ...security,
      ...extra,
      'Content-Type': type,
      'Accept-Ranges': 'bytes',
      'Content-Length': String(end - start + 1),
      ...(match ? { 'Content-Range': `bytes ${String(start)}-${String(end)}/${String(size)}` } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file, { start, end }).pipe(res);
  };

  const authorised = (req: IncomingMessage): boolean =>
    req.headers['x-strata-token'] === token ||
    (req.headers.cookie ?? '').split(';').some((c) => c.trim() === `strata_token=${token}`);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/rpc' && req.method === 'POST') {
      if (!authorised(req)) {
        send(res, 403, 'forbidden');
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { method?: string; args?: unknown };
      const lang: Lang = req.headers['x-strata-lang'] === 'en' ? 'en' : 'zh-CN';
      send(
        res,
        200,
        JSON.stringify(await dispatch(call.method ?? '', call.args, lang)),
        'application/json; charset=utf-8',
      );
      return;
    }
    if (url.pathname.startsWith('/files/')) {
      if (!authorised(req)) {
        send(res, 403, 'forbidden');
        return;
      }
      const m = /^\/files\/datasets\/(ds_[0-9a-f]{16})\/display$/.exec(url.pathname);
      const ds = m?.[1] ? datasets.get(m[1] as DatasetId) : undefined;
      if (!ds) {
        send(res, 404, 'not found');
        return;
      }
      return serveFile(req, res, ds.file, ds.display.contentType);
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && url.searchParams.get('token') !== token && !authorised(req)) {
      send(res, 403, 'open the URL with its token');
      return;
    }
    const rel = isPage ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(options.rendererDir, rel);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) {
      send(res, 403, 'refused');
      return;
    }
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) {
      send(res, 404, 'not found');
      return;
    }
    return serveFile(
      req,
      res,
      file,
      TYPES[path.extname(file)] ?? 'application/octet-stream',
      isPage
        ? {
            'Set-Cookie': `strata_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
            'Cache-Control': 'no-store',
          }
        : {},
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    calls,
    datasetIds: () => [...datasets.keys()],
    bumpVersion(id) {
      const ds = get(id);
      const head = current(ds);
      ds.versions.push({ ...head, version: head.version + 1, author: 'other-curator', createdAt: now() });
    },
    async close() {
      const closed = new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      server.closeAllConnections();
      await closed;
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
