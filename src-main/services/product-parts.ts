import { StrataError } from '../api/errors.js';
import type { CallContext } from '../api/caller.js';
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
  type Orientation,
  type Paper,
  type ProductFacts,
  type ProductLayer,
  type ProductMark,
} from '../core/layout/index.js';
import { SheetProblem, sheetFromCode, type Sheet } from '../core/maps/index.js';
import type { CrsInfo, DatasetId } from '../core/model/index.js';
import type { RecordFieldsRow } from '../core/ports/index.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { throwIfCancelled } from './job-context.js';
import { requireInUse, requireRecords } from './lookup.js';
import { withStagedSubject } from './subject.js';

/** A standard sheet's frame is in CGCS2000 degrees, as its corners are (ADR 0167). */
const SHEET_CRS = 4490;

/** What a product's layout is made from, besides its frame: the caller's choices (ADR 0179). */
export interface LayoutChoices {
  readonly layout?: unknown;
  readonly title?: string | undefined;
  readonly scale?: number | undefined;
  readonly paper?: Paper | undefined;
  readonly orientation?: Orientation | undefined;
  readonly responsibility?:
    | {
        readonly unit?: string | undefined;
        readonly author?: string | undefined;
        readonly reviewer?: string | undefined;
        readonly date?: string | undefined;
      }
    | undefined;
}

/** The datasets read once for one product or an atlas of them: facts, mark, and the layout maker. */
export interface ReadProduct {
  readonly facts: ProductFacts;
  readonly mark: ProductMark;
  /** The layout document for a sheet (or, without one, the data's extent), as a template file holds it. */
  documentFor(sheet: Sheet | undefined): LayoutDocument;
  /** The same, read and checked. */
  layoutFor(sheet: Sheet | undefined): Layout;
}

export const layoutError = (p: LayoutProblem): StrataError =>
  new StrataError('INVALID_ARGUMENT', {
    detail: 'detail.layout',
    where: p.item === null ? '' : ` ${p.item}${p.path === '' ? '' : `.${p.path}`}`,
    problem: p.problem,
  });

/** The sheet a GB/T 13989 number names, a bad one refused as INVALID_ARGUMENT with its reason. */
export function sheetOf(code: string): Sheet {
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
  id: DatasetId,
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
  const crs: CrsInfo | null | undefined = sheet === undefined ? layers[0]?.crs : crsFromEpsg(SHEET_CRS);
  const code = crs?.code ?? null;
  const extent = crs === null || crs === undefined ? null : (sheet?.bounds ?? layersExtent(layers, crs));
  if (crs === null || crs === undefined || code === null || extent === null)
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.productNoData' });
  return { crs: { ...crs, code }, extent, scale, sheet };
}

/**
 * Reads each vector dataset again from its stored files (never the catalogue's copy), computes the
 * mark from their latest records, and gives the layout maker for the caller's choices: the built-in
 * layout, or their template fitted to each frame target.
 */
export async function readProduct(
  deps: ServiceDeps,
  ctx: CallContext,
  datasets: readonly DatasetId[],
  choices: LayoutChoices,
  job: JobContext,
): Promise<ReadProduct> {
  const template = templateOf(choices.layout);
  const read: { layer: ProductLayer; fields: RecordFieldsRow }[] = [];
  for (const [i, id] of datasets.entries()) {
    throwIfCancelled(job);
    read.push(await readLayer(deps, id, i));
  }
  const layers = read.map((r) => r.layer);
  const mark = productMark(read.map((r) => r.fields));
  const title = choices.title ?? template?.title ?? read[0]?.fields.title ?? '';
  const attribution = [...new Set(read.map((r) => r.fields.attribution.trim()).filter((a) => a !== ''))].join(
    '；',
  );
  const given = choices.responsibility;
  const responsibility = {
    unit: given?.unit ?? deps.organisation,
    author: given?.author ?? ctx.user,
    reviewer: given?.reviewer ?? '',
    date: given?.date ?? deps.clock.now().toISOString().slice(0, 10),
  };
  const documentFor = (sheet: Sheet | undefined): LayoutDocument => {
    const target = frameTarget(layers, sheet, choices.scale);
    const doc =
      template === undefined
        ? defaultLayout({
            ...target,
            title,
            paper: choices.paper,
            orientation: choices.orientation,
            responsibility,
          })
        : fitTemplate(template, target);
    if (doc === null) throw layoutError({ item: null, path: '', problem: 'problem.layout.tooSmall' });
    return doc;
  };
  return {
    facts: { title, marking: mark.text, attribution, layers },
    mark,
    documentFor,
    layoutFor: (sheet) => layoutOf(documentFor(sheet)),
  };
}

/** 1:N of a layout's first map frame. */
export const layoutScale = (layout: Layout): number =>
  layout.items.find((i) => i.view !== null)?.view?.scale ?? 0;
