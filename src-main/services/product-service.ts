import path from 'node:path';
import { StrataError } from '../api/errors.js';
import type { ParsedArgs } from '../api/contract.js';
import type { CallContext } from '../api/caller.js';
import type { ProductResult } from '../api/types.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { throwIfCancelled } from './job-context.js';
import { layoutScale, readProduct, sheetOf } from './product-parts.js';
import type { LayoutDocument } from '../core/layout/index.js';
import { NO_JOB } from './job-context.js';

/** The absolute path of a PDF to write; another extension is refused. */
export function pdfPath(file: string): string {
  const out = path.resolve(file);
  if (path.extname(out).toLowerCase() !== '.pdf')
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.productNotPdf' });
  return out;
}

/**
 * `products.create` (ADR 0179): one PDF of the datasets in the built-in layout or the caller's
 * template, framed on a sheet when one is named, marked from their records, written fresh.
 * Audited with the datasets, the file's base name and the mark.
 */
export async function createProduct(
  deps: ServiceDeps,
  ctx: CallContext,
  args: ParsedArgs<'products.create'>,
  job: JobContext,
): Promise<ProductResult> {
  const out = pdfPath(args.out);
  const sheet = args.sheet === undefined ? undefined : sheetOf(args.sheet);
  const product = await readProduct(deps, ctx, args.datasets, args, job);
  const layout = product.layoutFor(sheet);
  throwIfCancelled(job);
  const written = await deps.products.writePdf(layout, product.facts, out, job.step({ phase: 'write' }));
  await deps.store.write(async (tx) => {
    await tx.appendAudit({
      actor: ctx.user,
      action: 'product.create',
      subject: args.datasets[0] ?? null,
      details: {
        datasets: args.datasets.join(' '),
        file: path.basename(out),
        level: product.mark.level,
        marking: product.mark.text,
        sheet: sheet?.code ?? null,
      },
    });
  });
  return {
    file: written.file,
    bytes: written.bytes,
    paper: layout.paper,
    orientation: layout.orientation,
    scale: layoutScale(layout),
    sheet: sheet?.code ?? null,
    marking: product.mark,
    datasets: args.datasets,
  };
}

/** `products.layout`: the layout document `products.create` would draw with the same arguments. */
export async function productLayout(
  deps: ServiceDeps,
  ctx: CallContext,
  args: ParsedArgs<'products.layout'>,
): Promise<LayoutDocument> {
  const sheet = args.sheet === undefined ? undefined : sheetOf(args.sheet);
  return (await readProduct(deps, ctx, args.datasets, args, NO_JOB)).documentFor(sheet);
}
