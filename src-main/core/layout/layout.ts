import { z } from 'zod';
import type { BoundItem } from './item-kind.js';
import type { MapView } from './map-view.js';
import { PAPERS, pageSize, rectWithin, type Orientation, type Paper } from './page.js';
import type { LayoutProblem } from './problems.js';
import { itemKind } from './registry.js';

/** The `format` a layout file names. */
export const LAYOUT_FORMAT = 'strata-layout';

const mm = z.number().min(0).max(2000);
const itemSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: z.string().min(1).max(64),
  frame: z.strictObject({ x: mm, y: mm, width: mm.positive(), height: mm.positive() }),
  props: z.record(z.string(), z.unknown()).default({}),
});

/** A layout as a file holds it (a template) and as the default builder makes it: plain JSON. */
export const layoutDocumentSchema = z.strictObject({
  format: z.literal(LAYOUT_FORMAT),
  version: z.literal(1),
  paper: z.enum(PAPERS as [Paper, ...Paper[]]),
  orientation: z.enum(['portrait', 'landscape']),
  /** The title a product made from it takes unless one is given. */
  title: z.string().max(200).optional(),
  items: z.array(itemSchema).max(200),
});
export type LayoutDocument = z.infer<typeof layoutDocumentSchema>;
export type LayoutItemDocument = LayoutDocument['items'][number];

/** A layout read and checked: its page in mm and its items bound to their kinds, in drawing order. */
export interface Layout {
  readonly paper: Paper;
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  readonly items: readonly BoundItem[];
  readonly mapView: (id: string) => MapView;
}

/**
 * Reads a layout document: its shape, each item's props by its kind, ids unique, frames on the
 * page, references to map frames that exist, and exactly one secrecy mark (the product's mark has
 * its place on every layout, ADR 0179). Every problem found is returned, none thrown.
 */
export function readLayout(value: unknown): { layout: Layout } | { problems: LayoutProblem[] } {
  const doc = layoutDocumentSchema.safeParse(value);
  if (!doc.success)
    return {
      problems: [
        {
          item: null,
          path: (doc.error.issues[0]?.path ?? []).map(String).join('.'),
          problem: 'problem.layout.shape',
        },
      ],
    };
  const { paper, orientation, items } = doc.data;
  const page = pageSize(paper, orientation);
  const problems: LayoutProblem[] = [];
  const bound: BoundItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      problems.push({ item: item.id, path: 'id', problem: 'problem.layout.duplicateId' });
    seen.add(item.id);
    if (!rectWithin(item.frame, { x: 0, y: 0, ...page }))
      problems.push({ item: item.id, path: 'frame', problem: 'problem.layout.outsidePage' });
    const kind = itemKind(item.kind);
    if (kind === undefined) {
      problems.push({ item: item.id, path: 'kind', problem: 'problem.layout.kind' });
      continue;
    }
    const result = kind.bind(item.id, item.frame, item.props);
    if (result.ok) bound.push(result.item);
    else
      problems.push({
        item: item.id,
        path: `props.${result.path}`.replace(/\.$/, ''),
        problem: result.problem,
      });
  }
  const views = new Map(bound.flatMap((b) => (b.view === null ? [] : [[b.id, b.view] as const])));
  for (const item of bound) {
    if (item.mapFrame === null) continue;
    const view = views.get(item.mapFrame);
    const problem = view === undefined ? 'problem.layout.mapFrameRef' : item.check(view);
    if (problem !== null) problems.push({ item: item.id, path: 'props.mapFrame', problem });
  }
  if (items.filter((i) => i.kind === 'secrecy-mark').length !== 1)
    problems.push({ item: null, path: 'items', problem: 'problem.layout.secrecyMark' });
  if (problems.length > 0) return { problems };
  return {
    layout: {
      paper,
      orientation,
      ...page,
      items: bound,
      mapView: (id) => {
        const view = views.get(id);
        if (view === undefined) throw new Error(`no map frame ${id}`);
        return view;
      },
    },
  };
}
