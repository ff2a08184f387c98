import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../api/errors.js';
import type { MessageKey } from '../api/messages.js';
import { LOCATION_SEPARATOR, locationMessages } from '../api/finding-location.js';
import { markingMessage } from '../api/secrecy.js';
import type {
  AuditVerification,
  BasemapView,
  DatasetDetail,
  DatasetSummary,
  FeatureCollectionResult,
  ImportResult,
  ProfileDetail,
  ProfileSummary,
  RecordVersion,
  ReleasePlanView,
  ReviewReport,
  ReviewVerdict,
  SheetView,
  SystemInfo,
} from '../api/types.js';
import { call, need, type CommandContext } from './command-context.js';
import { auditBrokenText } from './audit-text.js';
import { BACKUP_COMMANDS, catalogueRestoreOr } from './backup-commands.js';
import { USER_COMMANDS } from './user-commands.js';
import { PRODUCT_COMMANDS } from './product-commands.js';
import { EXCHANGE_COMMANDS } from './exchange-commands.js';
import { RECORD_COMMANDS } from './record-commands.js';
import { searchCommand } from './search-command.js';

export { CliFailure, type CommandContext } from './command-context.js';
import { formatNames } from '../core/formats/registry.js';

export const USAGE = `Usage: strata [--home DIR] [--json] [--lang zh-CN|en] <command>

Commands:
  import FILE... [--crs EPSG:XXXX] [--encoding NAME] [--x COL --y COL] [--allow-duplicate]
                                  import files into the archive (${formatNames()}),
                                  one dataset per layer; the options say what a file cannot.
                                  A layer whose bytes the archive holds already is not imported
                                  again: it is named with the dataset holding it (exit status 3
                                  when that is all that went wrong; 1 when a file failed), unless
                                  --allow-duplicate asks for a second dataset
  features ID [--limit N]         print a vector dataset's features (GeoJSON, its own CRS)
  list [--all]                    list the datasets in use; --all adds the withdrawn and archived
  search QUERY [--facet KEY=VALUE]... [--bbox MINLON,MINLAT,MAXLON,MAXLAT] [--page N]
         [--sort relevance|title|date]
                                  search the records in use (every text field; Chinese of any
                                  length); facets category, level, status, year, unit (values of
                                  one facet ORed, facets ANDed); 20 a page with the total
  show ID                         show a dataset's latest record (every field), state and
                                  number of versions (with --json also its review and lineage)
  edit ID --set FIELD=VALUE...    save the latest record with those fields set as a new version
                                  (fields: title, abstract, classification (密级), period,
                                  attribution, archiveNumber, keywords (comma-separated), unit,
                                  category, year; an empty value clears an optional one; a bad
                                  value saves nothing; an edit that changes nothing makes no version)
  history ID                      every version of the record: who saved it, when, what changed
  diff ID V1 V2                   the record's fields that differ from version V1 to V2
  restore-version ID V            save a new version equal to version V (audited)
  metadata export ID --format iso19139|json [--out FILE]
                                  the latest record as ISO 19139 XML or JSON, every field
  metadata import FILE            apply a metadata file (ISO 19139 or JSON) to the dataset it
                                  names, as a new version, or say why not
  describe ID [--title T] [--abstract A] [--level 公开|内部|秘密|机密|绝密] [--period 10年|长期]
            [--attribution SOURCE]
                                  save a new version of the catalogue record (--attribution:
                                  数据来源, required before a public version is exported)
  review ID [--profile PROFILE]   run the secrecy review (the default profile, or the shipped or
                                  agency profile named); prints the review id and numbers its
                                  findings
  decide REVIEW_ID FINDING --as must-fix|accept|false-positive [--reason TEXT]
                                  record a decision on finding number FINDING (a reason is
                                  required to accept or to call it a false positive)
  approve REVIEW_ID [--comment T] approve the whole review (every blocking finding decided, none
                                  must-fix; not by who imported or produced the data), signed
                                  with the --user's own key (their password unlocks it)
  return REVIEW_ID --comment T    return the review to the curator, saying why
  withdraw ID --reason TEXT       take a dataset out of use (its files stay in the store)
  archive ID --reason TEXT        put a dataset away for good (its files stay in the store)
  restore ID --reason TEXT        bring a withdrawn or archived dataset back into use
  plan ID [--format F]            the release plan: each step's transform (id@version) and the
                                  findings it answers, or why there can be none (exit 1)
  release ID [--format F]         produce the public version (公开版) by that plan and re-review it;
                                  F: GeoJSON (default) or GeoPackage for vectors, GeoTIFF for rasters
  export ID --out DIR             export a public version as a signed BagIt package
  verify BAG [--key PEM]          verify a package (paths, completeness, checksums, signature)
  receive BAG                     receive a package on the public side: verify it against the
                                  pinned keys, check formats by content and level 公开, take it
                                  into the catalogue (every package gets a receipt)
  receipts [--limit N]            the receipts of received and refused packages, newest first
  key export                      print this workstation's public key (PEM)
  keys trust PEM | keys list      pin a sending workstation's public key for receive (an
                                  administrator's act) / list the pinned keys
  audit verify | audit list       check the keyed, anchored audit log (names the first broken
                                  entry) / list recent entries
  backup FILE                     online backup of the catalogue into FILE (administrator)
  restore FILE                    replace the catalogue with a checked backup (administrator;
                                  refuses a file that is not a Strata catalogue of this workstation)
  sheet CODE | sheet --at LON,LAT --scale N
                                  a GB/T 13989 map sheet (图幅号, e.g. J50E001001): its scale,
                                  corners [west, south, east, north] in CGCS2000 degrees and its
                                  eight neighbours; or the number of the sheet holding a point
  product create --dataset ID [--dataset ID...] [--layout TEMPLATE.json] [--title T] [--scale N]
          [--sheet 图幅号] [--paper A4|A3|A2|A1|A0] [--orientation portrait|landscape] --out FILE.pdf
                                  a map product (专题图) as PDF: the built-in layout (or the
                                  template's) with the datasets drawn, marked 密级★保密期限 from
                                  their records; --sheet frames a GB/T 13989 sheet at its scale
  product atlas --dataset ID... [--layout ...] [--title T] [--scale N] [--paper P]
          --sheets 图幅号,图幅号... --out DIR
                                  an atlas: the datasets read once, one product per sheet,
                                  DIR/<图幅号>.pdf (all or none are left)
  product layout --dataset ID... [options of create] --out TEMPLATE.json
                                  save the layout create would use as a template to edit and
                                  give back with --layout
  basemaps list | basemaps set FILE.json
                                  list the configured basemaps / replace them with the list in
                                  FILE.json (an administrator's act; see docs/adr/0106)
  init --admin NAME [--display-name T]
                                  enable local accounts with their first administrator (the
                                  password from STRATA_NEW_PASSWORD or asked for twice)
  users add NAME --role ROLE[,ROLE] [--display-name T] | users list | users disable NAME
  users set-role NAME ROLE[,ROLE] manage accounts (an administrator's act); roles: admin,
                                  curator, reviewer, publisher, mapmaker; a new user's password
                                  from STRATA_NEW_PASSWORD or asked for twice
  users passwd                    change the --user's own password (the new one from
                                  STRATA_NEW_PASSWORD or asked for twice)
  profiles list | profiles show ID | profiles load FILE.json
                                  the review profiles (shipped and agency) with version and
                                  content hash / one profile's rules and parameters / load an
                                  agency profile, validated in full (an administrator's act)

Options:
  --home DIR   data directory (catalogue + store); default $STRATA_HOME or the app's data folder
  --json       print exactly one JSON document on stdout
  --user NAME  act as this account (password from STRATA_PASSWORD or asked for); required once
               accounts are enabled, before that it only names the local user

Long commands (import, release, export, product) show their progress on a terminal's stderr; Ctrl+C
cancels them cleanly (nothing half-written) and exits with status 130.`;

const profileLine = (p: ProfileSummary): string =>
  `${`${p.id}@${String(p.version)}`.padEnd(22)} ${p.origin.padEnd(8)} ${p.sha256}  ${p.name}`;

const summaryLine = (d: DatasetSummary): string =>
  `${d.id}  ${d.format.padEnd(10)} ${(d.crs ?? '-').padEnd(11)} ${d.level}  ${d.status.padEnd(14)} ${d.title}${d.layer === null ? '' : ` [${d.layer}]`}${d.standing === 'active' ? '' : `  (${d.standing})`}`;

/** `withdraw`, `archive`, `restore`: the reason is required (the service says so when it is missing). */
const standingCommand =
  (method: 'datasets.withdraw' | 'datasets.archive' | 'datasets.restore') =>
  async (ctx: CommandContext): Promise<number> => {
    const id = need(ctx, 1, 'ID');
    const detail = await call<DatasetDetail>(ctx, method, { id, reason: ctx.options['reason'] ?? '' });
    const change = detail.standingChange;
    ctx.out.result({ ...detail.summary, standingChange: change }, () =>
      ctx.out.text('cli.standing', {
        id,
        state: `standing.${detail.summary.standing}`,
        reason: change?.reason ?? '',
      }),
    );
    return 0;
  };

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
    ...(report.verdict === null ? [] : [verdictText(ctx, report.verdict)]),
  ].join('\n');
}

function planText(ctx: CommandContext, view: ReleasePlanView): string {
  if (view.refusal !== null) return ctx.out.text('cli.planRefused', view.refusal);
  return view.steps
    .map((step, i) => {
      const text = ctx.out.text(`lineage.${step.step}` as MessageKey, step.params);
      const answers =
        step.findings.length === 0
          ? ''
          : `  (${ctx.out.text('cli.planFindings', { findings: step.findings.join(', ') })})`;
      return `${String(i + 1).padStart(3)}. ${step.transform.padEnd(26)} ${text}${answers}`;
    })
    .join('\n');
}

function verdictText(ctx: CommandContext, verdict: ReviewVerdict): string {
  const { by, at, comment } = verdict;
  const line = ctx.out.text('cli.verdict', {
    verdict: ctx.out.text(`verdict.${verdict.verdict}`, {}),
    by,
    at,
  });
  return comment === '' ? line : `${line}: ${comment}`;
}

/** `strata approve` / `strata return`: the verdict on a whole review, printed with the review. */
async function concludeReview(
  ctx: CommandContext,
  method: 'review.approve' | 'review.return',
): Promise<number> {
  const reviewId = need(ctx, 1, 'REVIEW_ID');
  const comment = ctx.options['comment'] ?? (method === 'review.return' ? '' : undefined);
  // An approval is signed with the --user's own key, unlocked by the password they logged in with
  // (ADR 0176); without accounts nobody can approve, and the service says so before any password.
  const signing =
    method === 'review.approve' && (await call<SystemInfo>(ctx, 'system.info', {})).accountsEnabled;
  const password = signing ? await ctx.currentPassword() : '';
  const report = await call<ReviewReport>(
    ctx,
    method,
    method === 'review.approve' ? { reviewId, comment, password } : { reviewId, comment },
  );
  ctx.out.result(report, () => reviewText(ctx, report));
  return 0;
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

/** `strata import` when nothing failed but a layer was left out as held already (ADR 0169). */
export const EXIT_HELD_ALREADY = 3;

/** Each command returns the process exit code. */
export const COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  ...USER_COMMANDS,
  ...PRODUCT_COMMANDS,
  ...EXCHANGE_COMMANDS,
  ...BACKUP_COMMANDS,
  ...RECORD_COMMANDS,
  async import(ctx) {
    const paths = ctx.positionals.slice(1);
    if (paths.length === 0)
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what: 'FILE' });
    const { crs, encoding, x, y } = ctx.options;
    const options = Object.fromEntries(
      Object.entries({ crs, encoding, x, y }).filter(([, v]) => v !== undefined),
    );
    const allowDuplicate = ctx.options['allow-duplicate'] !== undefined;
    const result = await call<ImportResult>(ctx, 'datasets.import', {
      paths,
      options,
      allowDuplicate,
      jobId: ctx.jobId,
    });
    ctx.out.result(result.datasets, () => result.datasets.map(summaryLine).join('\n'));
    for (const failure of result.failures)
      ctx.out.error({ code: failure.code, params: { ...failure.params, file: failure.file } });
    for (const notice of [...result.notices, ...result.duplicates]) ctx.out.notice(notice);
    if (result.failures.length > 0) return 1;
    return result.duplicates.length > 0 ? EXIT_HELD_ALREADY : 0;
  },
  async features(ctx) {
    const id = need(ctx, 1, 'ID');
    const limit = ctx.options['limit'] === undefined ? undefined : Number(ctx.options['limit']);
    const collection = await call<FeatureCollectionResult>(ctx, 'datasets.features', { id, limit });
    ctx.out.result(collection, () => JSON.stringify(collection));
    return 0;
  },
  async list(ctx) {
    const list = await call<DatasetSummary[]>(ctx, 'datasets.list', {
      all: ctx.options['all'] !== undefined,
    });
    ctx.out.result(list, () => list.map(summaryLine).join('\n') || '(empty)');
    return 0;
  },
  search: searchCommand,
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
  withdraw: standingCommand('datasets.withdraw'),
  archive: standingCommand('datasets.archive'),
  restore: catalogueRestoreOr(standingCommand('datasets.restore')),
  async review(ctx) {
    const report = await call<ReviewReport>(ctx, 'review.run', {
      id: need(ctx, 1, 'ID'),
      profile: ctx.options['profile'],
    });
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
  approve: (ctx) => concludeReview(ctx, 'review.approve'),
  return: (ctx) => concludeReview(ctx, 'review.return'),
  async plan(ctx) {
    const view = await call<ReleasePlanView>(ctx, 'release.plan', {
      id: need(ctx, 1, 'ID'),
      format: ctx.options['format'],
    });
    ctx.out.result(view, () => planText(ctx, view));
    return view.refusal === null ? 0 : 1;
  },
  async release(ctx) {
    const result = await call<{ id: string; sourceId: string }>(ctx, 'release.create', {
      id: need(ctx, 1, 'ID'),
      jobId: ctx.jobId,
      format: ctx.options['format'],
    });
    ctx.out.result(result, () => ctx.out.text('cli.released', { id: result.id, source: result.sourceId }));
    return 0;
  },
  async export(ctx) {
    const outDir = ctx.options['out'];
    if (!outDir)
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what: '--out DIR' });
    // The service cannot know this process's working folder: a relative --out is resolved here.
    const result = await call<{ bag: string }>(ctx, 'exchange.export', {
      id: need(ctx, 1, 'ID'),
      outDir: path.resolve(outDir),
      jobId: ctx.jobId,
    });
    ctx.out.result(result, () => result.bag);
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
    const result = await call<AuditVerification>(ctx, 'audit.verify', {});
    ctx.out.result(result, () =>
      result.ok
        ? ctx.out.text('cli.auditIntact', { entries: result.entries, head: result.head ?? '-' })
        : auditBrokenText(ctx, result),
    );
    return result.ok ? 0 : 1;
  },
};
