import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../api/errors.js';
import {
  METADATA_FORMATS,
  recordFieldError,
  type FieldChange,
  type MetadataDocument,
  type MetadataFormat,
  type RecordChange,
  type RecordDiff,
} from '../api/record-history.js';
import type { DatasetDetail, RecordFields, RecordVersion } from '../api/types.js';
import { EDIT_FIELD_NAMES, parseAssignments } from '../core/record/edit-fields.js';
import { diffRecords, normaliseRecord, type RecordValue } from '../core/record/record-diff.js';
import { blockingMessage, RECORD_FIELDS } from '../core/record/registry.js';
import { call, need, type CommandContext } from './command-context.js';

// `strata show | edit | history | diff | restore-version | metadata` (issue 7, ADR 0184): the
// record, its versions and its metadata exchange, each through the contract.

const shown = (value: RecordValue | null | undefined): string =>
  value === null || value === undefined ? '—' : Array.isArray(value) ? value.join('、') : String(value);

const label = (ctx: CommandContext, field: string): string =>
  `${ctx.out.text(`record.field.${field}` as 'record.field.title', {})} (${field})`;

function fieldLines(ctx: CommandContext, fields: RecordFields): string[] {
  const values = fields as unknown as Readonly<Record<string, RecordValue | undefined>>;
  return RECORD_FIELDS.map((f) => `  ${label(ctx, f.id).padEnd(28)} ${shown(values[f.id])}`);
}

/** A version number given on the command line. */
function versionArg(ctx: CommandContext, index: number, what: string, usage: string): number {
  const text = need(ctx, index, what);
  if (!/^[1-9]\d{0,8}$/.test(text))
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage });
  return Number(text);
}

const versionLine = (v: RecordVersion): string =>
  `v${String(v.version).padEnd(4)} ${v.createdAt}  ${v.author.padEnd(14)} ${v.marking.padEnd(10)} ${v.fields.title}`;

/** `strata show ID`: the latest record with every field, the dataset's state and how many versions it has. */
async function show(ctx: CommandContext): Promise<number> {
  const detail = await call<DatasetDetail>(ctx, 'datasets.get', { id: need(ctx, 1, 'ID') });
  const { summary, record } = detail;
  ctx.out.result(
    { ...summary, state: summary.status, record, versionCount: detail.versions.length, detail },
    () =>
      [
        `${summary.id}  ${summary.format}  ${summary.status}  ${summary.standing}  v${String(record.version)}/${String(detail.versions.length)}  ${record.marking}`,
        ...fieldLines(ctx, record.fields),
      ].join('\n'),
  );
  return 0;
}

/**
 * `strata edit ID --set FIELD=VALUE...`: the latest record with those fields set, saved as the next
 * version. A value the field registry refuses is an error naming the field, and nothing is sent;
 * an edit that changes nothing makes no version.
 */
async function edit(ctx: CommandContext): Promise<number> {
  const id = need(ctx, 1, 'ID');
  const pairs = ctx.lists?.['set'] ?? [];
  if (pairs.length === 0)
    throw new StrataError('INVALID_ARGUMENT', {
      detail: 'detail.missingArgument',
      what: '--set FIELD=VALUE',
    });
  const parsed = parseAssignments(pairs);
  if ('given' in parsed)
    throw new StrataError('INVALID_ARGUMENT', {
      detail: parsed.key,
      given: parsed.given,
      fields: EDIT_FIELD_NAMES.join(', '),
    });
  const detail = await call<DatasetDetail>(ctx, 'datasets.get', { id });
  const fields = { ...detail.record.fields, ...parsed };
  const blocking = blockingMessage(normaliseRecord(fields));
  if (blocking) throw recordFieldError(blocking);
  const saved = await call<RecordVersion>(ctx, 'catalogue.save', {
    id,
    baseVersion: detail.record.version,
    fields,
  });
  const changed = saved.version !== detail.record.version;
  ctx.out.result({ id, changed, ...saved }, () =>
    changed
      ? ctx.out.text('cli.saved', { id, version: saved.version, marking: saved.marking })
      : ctx.out.text('cli.unchanged', { id, version: saved.version }),
  );
  return 0;
}

/** `strata history ID`: every version, newest first, with who saved it, when, and the fields it changed. */
async function history(ctx: CommandContext): Promise<number> {
  const id = need(ctx, 1, 'ID');
  const detail = await call<DatasetDetail>(ctx, 'datasets.get', { id });
  const oldestFirst = [...detail.versions].sort((a, b) => a.version - b.version);
  const versions = oldestFirst
    .map((v, i) => {
      const before = oldestFirst[i - 1];
      const changed = before ? diffRecords(before.fields, v.fields).map((c) => c.field) : [];
      return { ...v, changed };
    })
    .reverse();
  ctx.out.result({ id, versions }, () =>
    versions
      .map((v) => `${versionLine(v)}${v.changed.length === 0 ? '' : `  [${v.changed.join(', ')}]`}`)
      .join('\n'),
  );
  return 0;
}

const changeLine = (ctx: CommandContext, c: FieldChange): string =>
  `  ${label(ctx, c.field).padEnd(28)} ${shown(c.before)}  →  ${shown(c.after)}`;

/** `strata diff ID V1 V2`: the fields that differ from version V1 to V2. */
async function diff(ctx: CommandContext): Promise<number> {
  const usage = 'strata diff ID V1 V2';
  const id = need(ctx, 1, 'ID');
  const from = versionArg(ctx, 2, 'V1', usage);
  const to = versionArg(ctx, 3, 'V2', usage);
  const result = await call<RecordDiff>(ctx, 'catalogue.diff', { id, from, to });
  ctx.out.result(result, () =>
    [
      versionLine(result.from),
      versionLine(result.to),
      ...(result.changes.length === 0
        ? [ctx.out.text('cli.noChanges', { from, to })]
        : result.changes.map((c) => changeLine(ctx, c))),
    ].join('\n'),
  );
  return 0;
}

const changeText = (ctx: CommandContext, change: RecordChange, from?: number): string =>
  !change.changed
    ? ctx.out.text('cli.unchanged', { id: change.id, version: change.record.version })
    : from === undefined
      ? ctx.out.text('cli.saved', {
          id: change.id,
          version: change.record.version,
          marking: change.record.marking,
        })
      : ctx.out.text('cli.restored', { id: change.id, version: change.record.version, from });

/** `strata restore-version ID V`: a new version equal to version V (audited). */
async function restoreVersion(ctx: CommandContext): Promise<number> {
  const id = need(ctx, 1, 'ID');
  const version = versionArg(ctx, 2, 'V', 'strata restore-version ID V');
  const change = await call<RecordChange>(ctx, 'catalogue.restoreVersion', { id, version });
  ctx.out.result(change, () => changeText(ctx, change, version));
  return 0;
}

const METADATA_USAGE = `strata metadata export ID --format ${METADATA_FORMATS.join('|')} [--out FILE] | strata metadata import FILE`;

/**
 * `strata metadata export ID --format iso19139|json [--out FILE]` (the document on stdout without
 * --out) and `strata metadata import FILE` (applied to the dataset the file names, or refused).
 */
async function metadata(ctx: CommandContext): Promise<number> {
  const sub = ctx.positionals[1];
  if (sub === 'import') {
    const change = await call<RecordChange>(ctx, 'metadata.import', {
      file: path.resolve(need(ctx, 2, 'FILE')),
    });
    ctx.out.result(change, () => changeText(ctx, change));
    return 0;
  }
  const format = ctx.options['format'];
  if (sub !== 'export' || !METADATA_FORMATS.includes(format as MetadataFormat))
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: METADATA_USAGE });
  const document = await call<MetadataDocument>(ctx, 'metadata.export', { id: need(ctx, 2, 'ID'), format });
  const out = ctx.options['out'];
  if (out === undefined) {
    ctx.out.result(document, () => document.text.trimEnd());
    return 0;
  }
  const file = path.resolve(out);
  await writeFile(file, document.text, 'utf8');
  const written = { id: document.id, format: document.format, version: document.version, file };
  ctx.out.result(written, () => ctx.out.text('cli.metadataWritten', { file }));
  return 0;
}

export const RECORD_COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  show,
  edit,
  history,
  diff,
  'restore-version': restoreVersion,
  metadata,
};
