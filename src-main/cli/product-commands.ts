import { readFile } from 'node:fs/promises';
import { StrataError } from '../api/errors.js';
import type { ProductResult } from '../api/types.js';
import { call, type CommandContext } from './command-context.js';

const USAGE =
  'strata product create --dataset ID... [--layout TEMPLATE.json] [--title T] [--scale N] [--sheet 图幅号] [--paper A4|A3|A2|A1|A0] [--orientation portrait|landscape] --out FILE.pdf';

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

export const PRODUCT_COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  /** `strata product create`: a PDF map product; the JSON names the file written and the computed mark. */
  async product(ctx) {
    const { out, layout, title, scale, sheet, paper, orientation, dataset } = ctx.options;
    if (ctx.positionals[1] !== 'create' || out === undefined || dataset === undefined)
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: USAGE });
    const result = await call<ProductResult>(ctx, 'products.create', {
      datasets: dataset.split(','),
      layout: await readTemplate(layout),
      title,
      scale: numberOption(scale),
      sheet,
      paper,
      orientation,
      out,
      jobId: ctx.jobId,
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
