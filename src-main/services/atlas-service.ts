import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedArgs } from '../api/contract.js';
import type { CallContext } from '../api/caller.js';
import type { AtlasResult } from '../api/types.js';
import type { WrittenProduct } from '../core/ports/index.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { throwIfCancelled } from './job-context.js';
import { readProduct, sheetOf } from './product-parts.js';

/**
 * `products.atlas` (ADR 0179): the datasets read once, then one product per sheet in `outDir`
 * (`<sheet>.pdf`, each written fresh), progress per sheet. A failure or a cancel removes the
 * sheets this call wrote, so an atlas is there whole or not at all. One audit entry.
 */
export async function createAtlas(
  deps: ServiceDeps,
  ctx: CallContext,
  args: ParsedArgs<'products.atlas'>,
  job: JobContext,
): Promise<AtlasResult> {
  const sheets = [...new Map(args.sheets.map((code) => sheetOf(code)).map((s) => [s.code, s])).values()];
  const dir = path.resolve(args.outDir);
  const product = await readProduct(deps, ctx, args.datasets, args, job);
  const layouts = sheets.map((sheet) => ({ sheet, layout: product.layoutFor(sheet) }));
  await mkdir(dir, { recursive: true });
  const written: { sheet: string; product: WrittenProduct }[] = [];
  try {
    for (const [i, { sheet, layout }] of layouts.entries()) {
      throwIfCancelled(job);
      const step = job.step({ phase: 'write', item: i + 1, items: layouts.length });
      const file = path.join(dir, `${sheet.code}.pdf`);
      written.push({
        sheet: sheet.code,
        product: await deps.products.writePdf(layout, product.facts, file, step),
      });
    }
  } catch (error) {
    await Promise.all(written.map((w) => rm(w.product.file, { force: true })));
    throw error;
  }
  await deps.store.write(async (tx) => {
    await tx.appendAudit({
      actor: ctx.user,
      action: 'product.atlas',
      subject: args.datasets[0] ?? null,
      details: {
        datasets: args.datasets.join(' '),
        dir: path.basename(dir),
        sheets: written.map((w) => w.sheet).join(' '),
        level: product.mark.level,
        marking: product.mark.text,
      },
    });
  });
  return {
    dir,
    files: written.map((w) => ({ sheet: w.sheet, file: w.product.file, bytes: w.product.bytes })),
    marking: product.mark,
    datasets: args.datasets,
  };
}
