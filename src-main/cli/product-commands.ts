import { readFile, rename, writeFile } from 'node:fs/promises';
import { StrataError } from '../api/errors.js';
import type { AtlasResult, ProductResult } from '../api/types.js';
import { call, type CommandContext } from './command-context.js';

const CHOICES =
  '--dataset ID... [--layout TEMPLATE.json] [--title T] [--scale N] [--paper A4|A3|A2|A1|A0] [--orientation portrait|landscape]';
const USAGE = `strata product create ${CHOICES} [--sheet 图幅号] --out FILE.pdf | strata product atlas ${CHOICES} --sheets 图幅号,图幅号... --out DIR | strata product layout ${CHOICES} [--sheet 图幅号] --out TEMPLATE.json`;

/** Largest layout template read: a few hundred items. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A layout template file as JSON (its items are checked by the service). */
async function readTemplate(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined;
  const text = await readFile(file, 'utf8').catch(() => {
    throw new StrataError('FILE_NOT_FOUND', { file });
  });
  try {
    if (text.length > MAX_TEMPLATE_BYTES) throw new Error('too long');
    return JSON.parse(text) as unknown;
  } catch {
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.layoutFile', file });
  }
}

/** A number option as given; a bad one (`abc`) reaches the contract as NaN and is refused there. */
const numberOption = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

/** What `create`, `atlas` and `layout` share: the datasets and the layout choices, as the contract takes them. */
async function choices(ctx: CommandContext, dataset: string): Promise<Record<string, unknown>> {
  const { layout, title, scale, paper, orientation } = ctx.options;
  return {
    datasets: dataset.split(','),
    layout: await readTemplate(layout),
    title,
    scale: numberOption(scale),
    paper,
    orientation,
  };
}

export const PRODUCT_COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  /**
   * `strata product create`: one PDF map product; `strata product atlas`: one per sheet into a
   * folder. The JSON names the files written and the computed mark.
   */
  async product(ctx) {
    const { out, sheet, sheets, dataset } = ctx.options;
    const sub = ctx.positionals[1];
    if (
      (sub !== 'create' && sub !== 'atlas' && sub !== 'layout') ||
      out === undefined ||
      dataset === undefined
    )
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: USAGE });
    if (sub === 'atlas') {
      if (sheets === undefined)
        throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: USAGE });
      const atlas = await call<AtlasResult>(ctx, 'products.atlas', {
        ...(await choices(ctx, dataset)),
        jobId: ctx.jobId,
        sheets: sheets.split(',').filter((s) => s.trim() !== ''),
        outDir: out,
      });
      ctx.out.result(atlas, () =>
        [...atlas.files.map((f) => f.file), atlas.marking.text ?? ''].filter((l) => l !== '').join('\n'),
      );
      return 0;
    }
    if (sub === 'layout') {
      const doc = await call<unknown>(ctx, 'products.layout', { ...(await choices(ctx, dataset)), sheet });
      // Written whole or not at all, like every file Strata writes.
      const temp = `${out}.${String(process.pid)}.tmp`;
      await writeFile(temp, `${JSON.stringify(doc, null, 2)}\n`, { flag: 'wx' });
      await rename(temp, out);
      ctx.out.result({ file: out, layout: doc }, () => out);
      return 0;
    }
    const result = await call<ProductResult>(ctx, 'products.create', {
      ...(await choices(ctx, dataset)),
      jobId: ctx.jobId,
      sheet,
      out,
    });
    ctx.out.result(result, () =>
      [
        result.file,
        `${result.paper} ${result.orientation}  1:${String(result.scale)}`,
        result.marking.text ?? '',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    );
    return 0;
  },
};
