import type { z } from 'zod';
import type { DrawingPort } from './drawing-port.js';
import type { MapView } from './map-view.js';
import type { Rect } from './page.js';
import type { ProductFacts } from './product.js';
import type { LayoutProblemKey } from './problems.js';

/** What an item draws with: the port, its own frame, the product's facts and the layout's map frames. */
export interface DrawContext {
  readonly port: DrawingPort;
  /** The item's own id (a map frame finds its own view by it). */
  readonly id: string;
  readonly frame: Rect;
  readonly product: ProductFacts;
  /** The map frame of that id (validated to exist when the layout was read). */
  readonly mapView: (id: string) => MapView;
}

/**
 * One kind of layout item (a module of `items/`): its props' schema and how it draws. `mapFrame`
 * names the map frame an item depends on (a scale bar, a graticule), checked when a layout is
 * read; `view` is a map frame's own; `check` a rule across items (a km grid needs metres).
 */
export interface ItemKind<P> {
  readonly kind: string;
  readonly schema: z.ZodType<P>;
  mapFrame?(props: P): string;
  view?(props: P, frame: Rect): MapView | LayoutProblemKey;
  check?(props: P, mapView: MapView): LayoutProblemKey | null;
  draw(ctx: DrawContext, props: P): void;
}

/** An item of a layout that has been read: its props parsed and bound to its kind. */
export interface BoundItem {
  readonly id: string;
  readonly kind: string;
  readonly frame: Rect;
  readonly mapFrame: string | null;
  readonly view: MapView | null;
  check(mapView: MapView): LayoutProblemKey | null;
  draw(ctx: DrawContext): void;
}

/** Binds parsed props to their kind, so a registry can hold kinds of different props. */
export interface ItemModule {
  readonly kind: string;
  bind(
    id: string,
    frame: Rect,
    props: unknown,
  ): { ok: true; item: BoundItem } | { ok: false; problem: LayoutProblemKey; path: string };
}

/** The item module of a kind: parse with its schema, then hold the parsed props for drawing. */
export function defineItem<P>(kind: ItemKind<P>): ItemModule {
  return {
    kind: kind.kind,
    bind(id, frame, raw) {
      const parsed = kind.schema.safeParse(raw ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const message = issue?.message ?? '';
        return {
          ok: false,
          problem: message.startsWith('problem.layout.')
            ? (message as LayoutProblemKey)
            : 'problem.layout.props',
          path: (issue?.path ?? []).map(String).join('.'),
        };
      }
      const props = parsed.data;
      const view = kind.view?.(props, frame) ?? null;
      if (typeof view === 'string') return { ok: false, problem: view, path: 'crs' };
      return {
        ok: true,
        item: {
          id,
          kind: kind.kind,
          frame,
          mapFrame: kind.mapFrame?.(props) ?? null,
          view,
          check: (mapView) => kind.check?.(props, mapView) ?? null,
          draw: (ctx) => {
            kind.draw(ctx, props);
          },
        },
      };
    },
  };
}
