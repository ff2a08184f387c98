import path from 'node:path';
import { StrataError } from '../api/errors.js';
import type { ParsedArgs } from '../api/contract.js';
import type { CallContext } from '../api/caller.js';
import type { ProductResult } from '../api/types.js';
import { crsFromEpsg } from '../core/crs/index.js';
import {
  defaultLayerStyle,
  defaultLayout,
  fitTemplate,
  layersExtent,
  layoutDocumentSchema,
  productMark,
  readLayout,
  type FrameTarget,
  type Layout,
  type LayoutDocument,
  type LayoutProblem,
  type ProductLayer,
} from '../core/layout/index.js';
import { SheetProblem, sheetFromCode, type Sheet } from '../core/maps/index.js';
import type { CrsInfo } from '../core/model/index.js';
import type { RecordFieldsRow } from '../core/ports/index.js';
import type { JobContext } from './deps.js';
import type { ServiceDeps } from './deps.js';
import { throwIfCancelled } from './job-context.js';
import { requireInUse, requireRecords } from './lookup.js';
import { withStagedSubject } from './subject.js';

type ProductArgs = ParsedArgs<'products.create'>;

/** A standard sheet's frame is in CGCS2000 degrees, as its corners are (ADR 0167). */
const SHEET_CRS = 4490;

const layoutError = (p: LayoutProblem): StrataError =>
  new StrataError('INVALID_ARGUMENT', {
    detail: 'detail.layout',
    where: p.item === null ? '' : ` ${p.item}${p.path === '' ? '' : `.${p.path}`}`,
    problem: p.problem,
  });

function sheetOf(code: string | undefined): Sheet | undefined {
  if (code === undefined) return undefined;
  try {
    return sheetFromCode(code);
  } catch (err) {
    if (err instanceof SheetProblem)
      throw new StrataError('INVALID_ARGUMENT', { detail: err.detail, ...err.params });
    throw err;
  }
}

/** A dataset read for drawing: its layer (features in its own CRS) and its latest record. */
async function readLayer(
  deps: ServiceDeps,
  id: ProductArgs['datasets'][number],
  index: number,
): Promise<{ layer: ProductLayer; fields: RecordFieldsRow }> {
  const row = await requireInUse(deps, id);
  if (row.kind !== 'vector') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.notVector' });
  const { latest } = await requireRecords(deps, id);
  return withStagedSubject(deps, row, (subject) => {
    const crs = subject.info.crs;
    if (subject.kind !== 'vector') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.notVector' });
    if (crs === null) throw new StrataError('CRS_UNKNOWN', { file: row.name });
    return Promise.resolve({
      layer: { label: latest.fields.title, crs, features: subject.features, style: defaultLayerStyle(index) },
      fields: latest.fields,
    });
  });
}

/** The template the caller gave, its shape checked (its items are checked when it is read). */
function templateOf(value: unknown): LayoutDocument | undefined {
  if (value === undefined) return undefined;
  const doc = layoutDocumentSchema.safeParse(value);
  if (!doc.success)
    throw layoutError({
      item: null,
      path: (doc.error.issues[0]?.path ?? []).map(String).join('.'),
      problem: 'problem.layout.shape',
    });
  return doc.data;
}

/**
 * `products.create` (ADR 0179): reads each vector dataset again from its stored files, computes the
 * product's mark from their latest records, lays them out (the template given, or the built-in
 * layout) and writes the PDF fresh. Audited with the datasets, the file's base name and the mark.
 */
export async function createProduct(
  deps: ServiceDeps,
  ctx: CallContext,
  args: ProductArgs,
  job: JobContext,
): Promise<ProductResult> {
  const out = path.resolve(args.out);
  if (path.extname(out).toLowerCase() !== '.pdf')
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.productNotPdf' });
  const template = templateOf(args.layout);
  const sheet = sheetOf(args.sheet);
  const read: { layer: ProductLayer; fields: RecordFieldsRow }[] = [];
  for (const [i, id] of args.datasets.entries()) {
    throwIfCancelled(job);
    read.push(await readLayer(deps, id, i));
  }
  const layers = read.map((r) => r.layer);
  const mark = productMark(read.map((r) => r.fields));
  const target = frameTarget(layers, sheet, args.scale);
  const title = args.title ?? template?.title ?? read[0]?.fields.title ?? '';
  const doc =
    template === undefined
      ? defaultLayout({
          ...target,
          title,
          paper: args.paper,
          orientation: args.orientation,
          responsibility: {
            unit: args.responsibility?.unit ?? deps.organisation,
            author: args.responsibility?.author ?? ctx.user,
            reviewer: args.responsibility?.reviewer ?? '',
            date: args.responsibility?.date ?? deps.clock.now().toISOString().slice(0, 10),
          },
        })
      : fitTemplate(template, target);
  if (doc === null) throw layoutError({ item: null, path: '', problem: 'problem.layout.tooSmall' });
  const layout = layoutOf(doc);
  const attribution = [...new Set(read.map((r) => r.fields.attribution.trim()).filter((a) => a !== ''))].join(
    '；',
  );
  throwIfCancelled(job);
  const written = await deps.products.writePdf(
    layout,
    { title, marking: mark.text, attribution, layers },
    out,
    job.step({ phase: 'write' }),
  );
  const map = layout.items.find((i) => i.view !== null)?.view;
  await deps.store.write(async (tx) => {
    await tx.appendAudit({
      actor: ctx.user,
      action: 'product.create',
      subject: args.datasets[0] ?? null,
      details: {
        datasets: args.datasets.join(' '),
        file: path.basename(out),
        level: mark.level,
        marking: mark.text,
        sheet: sheet?.code ?? null,
      },
    });
  });
  return {
    file: written.file,
    bytes: written.bytes,
    paper: layout.paper,
    orientation: layout.orientation,
    scale: map?.scale ?? 0,
    sheet: sheet?.code ?? null,
    marking: mark,
    datasets: args.datasets,
  };
}

function layoutOf(doc: LayoutDocument): Layout {
  const read = readLayout(doc);
  if ('problems' in read)
    throw layoutError(read.problems[0] ?? { item: null, path: '', problem: 'problem.layout.shape' });
  return read.layout;
}

/** What the map frame shows: the sheet (in CGCS2000), or the data's extent in the first layer's CRS. */
function frameTarget(
  layers: readonly ProductLayer[],
  sheet: Sheet | undefined,
  scale: number | undefined,
): FrameTarget {
  const first = layers[0]?.crs;
  const crs: CrsInfo | null | undefined = sheet === undefined ? first : crsFromEpsg(SHEET_CRS);
  const code = crs?.code ?? null;
  const extent = crs === null || crs === undefined ? null : (sheet?.bounds ?? layersExtent(layers, crs));
  if (crs === null || crs === undefined || code === null || extent === null)
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.productNoData' });
  return { crs: { ...crs, code }, extent, scale, sheet };
}
