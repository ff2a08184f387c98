import { readFile } from 'node:fs/promises';
import { StrataError } from '../api/errors.js';
import type { ApiErrorBody } from '../api/errors.js';
import { LOCATION_SEPARATOR, locationMessages } from '../api/finding-location.js';
import { markingMessage } from '../api/secrecy.js';
import type {
  BasemapView,
  DatasetSummary,
  FeatureCollectionResult,
  ImportResult,
  ProfileDetail,
  ProfileSummary,
  RecordVersion,
  ReviewReport,
  SheetView,
  VerifyResult,
} from '../api/types.js';
import type { Dispatch } from '../api/dispatcher.js';
import type { Output } from './output.js';
import { formatNames } from '../core/formats/registry.js';

export const USAGE = `Usage: strata [--home DIR] [--json] [--lang zh-CN|en] <command>

Commands:
  import FILE... [--crs EPSG:XXXX] [--encoding NAME] [--x COL --y COL]
                                  import files into the archive (${formatNames()}),
                                  one dataset per layer; the options say what a file cannot
  features ID [--limit N]         print a vector dataset's features (GeoJSON, its own CRS)
  list                            list catalogued datasets
  show ID                         show a dataset's record, versions, review and lineage
  describe ID [--title T] [--abstract A] [--level 公开|内部|秘密|机密|绝密] [--period 10年|长期]
            [--attribution SOURCE]
                                  save a new version of the catalogue record (--attribution:
                                  数据来源, required before a public version is exported)
  review ID                       run the secrecy review (default profile); prints the review id
                                  and numbers its findings
  decide REVIEW_ID FINDING --as must-fix|accept|false-positive [--reason TEXT]
                                  record a decision on finding number FINDING (a reason is
                                  required to accept or to call it a false positive)
  release ID                      produce the public version (公开版) and re-review it
  export ID --out DIR             export a public version as a signed BagIt package
  verify BAG [--key PEM]          verify a package (paths, completeness, checksums, signature)
  key export                      print this workstation's public key (PEM)
  audit verify | audit list       check the hash-chained audit log / list recent entries
  sheet CODE | sheet --at LON,LAT --scale N
                                  a GB/T 13989 map sheet (图幅号, e.g. J50E001001): its scale,
                                  corners [west, south, east, north] in CGCS2000 degrees and its
                                  eight neighbours; or the number of the sheet holding a point
  basemaps list | basemaps set FILE.json
                                  list the configured basemaps / replace them with the list in
                                  FILE.json (an administrator's act; see docs/adr/0106)
  profiles list | profiles show ID | profiles load FILE.json
                                  the review profiles (shipped and agency) with version and
                                  content hash / one profile's rules and parameters / load an
                                  agency profile, validated in full (an administrator's act)

Options:
  --home DIR   data directory (catalogue + store); default $STRATA_HOME or the app's data folder
  --json       print exactly one JSON document on stdout

Long commands (import, release, export) show their progress on a terminal's stderr; Ctrl+C
cancels them cleanly (nothing half-written) and exits with status 130.`;

export interface CommandContext {
  readonly dispatch: Dispatch;
  /** Id of the long job this run may start (import, release, export), so Ctrl+C can cancel it. */
  readonly jobId: string;
  readonly out: Output;
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | undefined>>;
}

/** Calls one contract method; a failed envelope becomes a thrown StrataError for the caller. */
async function call<T>(ctx: CommandContext, method: string, args: unknown): Promise<T> {
  const result = await ctx.dispatch(method, args);
  if (!result.ok) throw new CliFailure(result.error);
  return result.value as T;
}

export class CliFailure extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.code);
  }
}

const profileLine = (p: ProfileSummary): string =>
  `${`${p.id}@${String(p.version)}`.padEnd(22)} ${p.origin.padEnd(8)} ${p.sha256}  ${p.name}`;

const summaryLine = (d: DatasetSummary): string =>
  `${d.id}  ${d.format.padEnd(10)} ${(d.crs ?? '-').padEnd(11)} ${d.level}  ${d.status.padEnd(14)} ${d.title}${d.layer === null ? '' : ` [${d.layer}]`}`;

/** A review as the CLI prints it: its verdict and id, then each finding by number with its decision. */
function reviewText(ctx: CommandContext, report: ReviewReport): string {
  const decided = new Map(report.decisions.map((d) => [d.finding, d]));
  return [
    `${ctx.out.text(report.passed ? 'cli.reviewPassed' : 'cli.reviewBlocked', { blocking: report.blocking })}  ${report.id}`,
    ...report.findings.map((f, i) => {
      const where = locationMessages(f.where)
        .map((m) => ctx.out.text(m.key, m.params))
        .join(LOCATION_SEPARATOR);
      const decision = decided.get(i + 1);
      const line = `  ${String(i + 1).padStart(3)}. ${f.severity.padEnd(8)} ${f.ruleId.padEnd(18)} ${where}: ${ctx.out.text(f.messageKey, f.params)}`;
      if (decision === undefined) return line;
      const said = ctx.out.text(`decision.${decision.decision}`, {});
      return `${line}\n       → ${said}${decision.reason === '' ? '' : `: ${decision.reason}`} (${decision.by})`;
    }),
  ].join('\n');
}

function need(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index];
  if (!value) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what });
  return value;
}

/** Largest basemap configuration file read: a list of a few dozen entries. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The basemap list of a configuration file: a JSON array, or an object with `basemaps`. */
async function readBasemapList(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new StrataError('FILE_NOT_FOUND', { file });
  });
  let value: unknown;
  try {
    if (text.length > MAX_CONFIG_BYTES) throw new Error('too long');
    value = JSON.parse(text);
  } catch {
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.basemapsFile', file });
  }
  return Array.isArray(value) ? value : (value as { basemaps?: unknown } | null)?.basemaps;
}

const basemapLine = (v: BasemapView): string =>
  `${v.basemap.id.padEnd(16)} ${v.basemap.kind.padEnd(10)} ${'path' in v.basemap ? v.basemap.path : v.basemap.url}  ${v.basemap.name}`;

async function readKey(value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN')) return value;
  return readFile(value, 'utf8').catch(() => {
    throw new StrataError('FILE_NOT_FOUND', { file: value });
  });
}

/** A sheet as text: number and scale, its corners, then its 接图表 (neighbours as a 3 × 3 grid). */
function sheetText(sheet: SheetView): string {
  const [w, s, e, n] = sheet.boundsDms;
  const nb = sheet.neighbours;
  const cell = (code: string | null): string => (code ?? '-').padEnd(12);
  const grid = [
    [nb.northWest, nb.north, nb.northEast],
    [nb.west, sheet.code, nb.east],
    [nb.southWest, nb.south, nb.southEast],
  ];
  return [
    `${sheet.code}  1:${String(sheet.scale)}`,
    `[${sheet.bounds.join(', ')}]  ${w} ${s} ${e} ${n}`,
    ...grid.map((row) => row.map(cell).join('').trimEnd()),
  ].join('\n');
}

/** Each command returns the process exit code. */
export const COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  async import(ctx) {
    const paths = ctx.positionals.slice(1);
    if (paths.length === 0)
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what: 'FILE' });
    const { crs, encoding, x, y } = ctx.options;
    const options = Object.fromEntries(
      Object.entries({ crs, encoding, x, y }).filter(([, v]) => v !== undefined),
    );
    const result = await call<ImportResult>(ctx, 'datasets.import', { paths, options, jobId: ctx.jobId });
    ctx.out.result(result.datasets, () => result.datasets.map(summaryLine).join('\n'));
    for (const failure of result.failures)
      ctx.out.error({ code: failure.code, params: { ...failure.params, file: failure.file } });
    for (const notice of result.notices) ctx.out.notice(notice);
    return result.failures.length > 0 ? 1 : 0;
  },
  async features(ctx) {
    const id = need(ctx, 1, 'ID');
    const limit = ctx.options['limit'] === undefined ? undefined : Number(ctx.options['limit']);
    const collection = await call<FeatureCollectionResult>(ctx, 'datasets.features', { id, limit });
    ctx.out.result(collection, () => JSON.stringify(collection));
    return 0;
  },
  async list(ctx) {
    const list = await call<DatasetSummary[]>(ctx, 'datasets.list', {});
    ctx.out.result(list, () => list.map(summaryLine).join('\n') || '(empty)');
    return 0;
  },
  async show(ctx) {
    const detail = await call<{ summary: DatasetSummary }>(ctx, 'datasets.get', { id: need(ctx, 1, 'ID') });
    ctx.out.result({ ...detail.summary, detail }, () => JSON.stringify(detail, null, 2));
    return 0;
  },
  async describe(ctx) {
    const id = need(ctx, 1, 'ID');
    const detail = await call<{ record: { version: number; fields: Record<string, string> } }>(
      ctx,
      'datasets.get',
      { id },
    );
    const fields = { ...detail.record.fields };
    for (const key of ['title', 'abstract', 'level', 'period', 'attribution']) {
      const value = ctx.options[key];
      if (value !== undefined) fields[key] = value;
    }
    const saved = await call<RecordVersion>(ctx, 'catalogue.save', {
      id,
      baseVersion: detail.record.version,
      fields,
    });
    const marking = markingMessage(saved.fields.level, saved.fields.period);
    ctx.out.result({ id, ...saved }, () =>
      ctx.out.text('cli.saved', { id, version: saved.version, marking: marking.key, ...marking.params }),
    );
    return 0;
  },
  async review(ctx) {
    const report = await call<ReviewReport>(ctx, 'review.run', { id: need(ctx, 1, 'ID') });
    ctx.out.result(report, () => reviewText(ctx, report));
    return 0;
  },
  async decide(ctx) {
    const decision = ctx.options['as'];
    const report = await call<ReviewReport>(ctx, 'review.decide', {
      reviewId: need(ctx, 1, 'REVIEW_ID'),
      finding: Number(need(ctx, 2, 'FINDING')),
      decision: decision ?? '',
      reason: ctx.options['reason'] ?? '',
    });
    ctx.out.result(report, () => reviewText(ctx, report));
    return 0;
  },
  async release(ctx) {
    const result = await call<{ id: string; sourceId: string }>(ctx, 'release.create', {
      id: need(ctx, 1, 'ID'),
      jobId: ctx.jobId,
    });
    ctx.out.result(result, () => ctx.out.text('cli.released', { id: result.id, source: result.sourceId }));
    return 0;
  },
  async export(ctx) {
    const outDir = ctx.options['out'];
    if (!outDir)
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what: '--out DIR' });
    const result = await call<{ bag: string }>(ctx, 'exchange.export', {
      id: need(ctx, 1, 'ID'),
      outDir,
      jobId: ctx.jobId,
    });
    ctx.out.result(result, () => result.bag);
    return 0;
  },
  async verify(ctx) {
    const keyPem = await readKey(ctx.options['key']);
    const result = await call<VerifyResult>(ctx, 'exchange.verify', {
      bag: need(ctx, 1, 'BAG'),
      ...(keyPem ? { keyPem } : {}),
    });
    ctx.out.result(result, () =>
      result.checks
        .map(
          (c) =>
            `${ctx.out.text(c.ok ? 'cli.checkOk' : 'cli.checkFailed', {})} ${ctx.out.text(`verify.${c.step}`, {})}${
              c.problems.length ? `: ${c.problems.map((p) => ctx.out.text(p.key, p.params)).join('; ')}` : ''
            }`,
        )
        .join('\n'),
    );
    if (!result.ok) ctx.out.error({ code: 'VERIFY_FAILED', params: { bag: result.bag } });
    return result.ok ? 0 : 1;
  },
  async key(ctx) {
    if (ctx.positionals[1] !== 'export')
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: 'strata key export' });
    const key = await call<{ pem: string; fingerprint: string }>(ctx, 'keys.publicKey', {});
    ctx.out.result(key, () => key.pem.trimEnd());
    return 0;
  },
  async sheet(ctx) {
    const code = ctx.positionals[1];
    const { at, scale } = ctx.options;
    const usage = 'strata sheet CODE | strata sheet --at LON,LAT --scale N';
    if ((code === undefined) === (at === undefined) || (at !== undefined) !== (scale !== undefined))
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage });
    const point = at?.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
    const sheet = await call<SheetView>(
      ctx,
      'maps.sheet',
      code !== undefined ? { code } : { at: point, scale: Number(scale) },
    );
    ctx.out.result(sheet, () => sheetText(sheet));
    return 0;
  },
  async basemaps(ctx) {
    const sub = ctx.positionals[1];
    if (sub !== 'list' && sub !== 'set')
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.usage',
        usage: 'strata basemaps list | strata basemaps set FILE.json',
      });
    const views =
      sub === 'list'
        ? await call<BasemapView[]>(ctx, 'basemaps.list', {})
        : await call<BasemapView[]>(ctx, 'basemaps.set', {
            basemaps: await readBasemapList(need(ctx, 2, 'FILE.json')),
          });
    ctx.out.result(views, () => views.map(basemapLine).join('\n') || '(empty)');
    for (const view of views) if (view.problem) ctx.out.error(view.problem);
    return views.some((v) => v.problem) ? 1 : 0;
  },
  async profiles(ctx) {
    const sub = ctx.positionals[1];
    if (sub === 'list') {
      const list = await call<ProfileSummary[]>(ctx, 'profiles.list', {});
      ctx.out.result(list, () => list.map(profileLine).join('\n'));
      return 0;
    }
    if (sub !== 'show' && sub !== 'load')
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.usage',
        usage: 'strata profiles list | strata profiles show ID | strata profiles load FILE.json',
      });
    const detail =
      sub === 'show'
        ? await call<ProfileDetail>(ctx, 'profiles.show', { id: need(ctx, 2, 'ID') })
        : await call<ProfileDetail>(ctx, 'profiles.load', { file: need(ctx, 2, 'FILE.json') });
    ctx.out.result(detail, () =>
      [
        profileLine(detail),
        ...detail.rules.map(
          (r) => `  ${`${r.id}@${String(r.version)}`.padEnd(22)} ${JSON.stringify(r.params)}`,
        ),
      ].join('\n'),
    );
    return 0;
  },
  async audit(ctx) {
    const sub = ctx.positionals[1];
    if (sub === 'list') {
      const entries = await call<
        { seq: number; at: string; actor: string; action: string; subject: string | null }[]
      >(ctx, 'audit.list', { limit: 100 });
      ctx.out.result(entries, () =>
        entries.map((e) => `${String(e.seq)} ${e.at} ${e.actor} ${e.action} ${e.subject ?? ''}`).join('\n'),
      );
      return 0;
    }
    if (sub !== 'verify')
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.usage',
        usage: 'strata audit verify|list',
      });
    const result = await call<{ ok: boolean; entries: number; head: string | null; brokenAt: number | null }>(
      ctx,
      'audit.verify',
      {},
    );
    ctx.out.result(result, () =>
      result.ok
        ? ctx.out.text('cli.auditIntact', { entries: result.entries, head: result.head ?? '-' })
        : ctx.out.text('cli.auditBroken', { seq: result.brokenAt ?? '-' }),
    );
    return result.ok ? 0 : 1;
  },
};
