import type { LayoutDocument, LayoutItemDocument } from './layout.js';
import { LAYOUT_FORMAT } from './layout.js';
import { extentSize } from './map-view.js';
import { PAPERS, pageSize, type Orientation, type Paper } from './page.js';
import { extentCentre, targetScale, type FrameTarget } from './fit.js';

/** The 图签's entries the product is made with. */
export interface Responsibility {
  readonly unit: string;
  readonly author: string;
  readonly reviewer: string;
  readonly date: string;
}

export interface DefaultLayoutOptions extends FrameTarget {
  readonly title: string;
  readonly paper?: Paper | undefined;
  readonly orientation?: Orientation | undefined;
  readonly responsibility: Responsibility;
}

// The built-in layout's bands, in mm: margin, title and mark above the map, the graticule's label
// band around it, the side bar (legend, north arrow, 图签) and the scale bar and 数据来源 below.
const MARGIN = 15;
const TITLE = 12;
const MARK = 7;
const TOP = MARGIN + TITLE + MARK + 3;
const LABEL_X = 14;
const LABEL_Y = 7;
const SIDEBAR = 62;
const GAP = 4;
const BOTTOM = 24;

/** The largest map frame the built-in layout holds on a page of that size. */
function mapRoom(width: number, height: number): { width: number; height: number } {
  return {
    width: width - 2 * MARGIN - SIDEBAR - 2 * LABEL_X - GAP,
    height: height - TOP - MARGIN - 2 * LABEL_Y - BOTTOM,
  };
}

/** Paper sizes to try, smallest first; landscape before portrait unless one is asked for. */
function candidates(paper: Paper | undefined, orientation: Orientation | undefined): [Paper, Orientation][] {
  const papers = paper === undefined ? PAPERS : [paper];
  const orientations: Orientation[] = orientation === undefined ? ['landscape', 'portrait'] : [orientation];
  return papers.flatMap((p) => orientations.map((o): [Paper, Orientation] => [p, o]));
}

/**
 * The built-in layout: title, secrecy mark under it, the map frame with its graticule (degrees on
 * a geographic frame, a km grid on a projected one), legend, north arrow and 图签 beside it, scale
 * bar and 数据来源 below. Without a sheet the map fills the room of the paper (A3 landscape
 * unless asked) at the scale asked for or the tidy scale that fits the data. With a sheet the frame
 * is the sheet at its scale, on the smallest paper that holds it (or the one asked for). Null when
 * the paper asked for cannot hold the sheet at that scale.
 */
export function defaultLayout(options: DefaultLayoutOptions): LayoutDocument | null {
  const { sheet, crs } = options;
  let placed: {
    paper: Paper;
    orientation: Orientation;
    width: number;
    height: number;
    scale: number;
  } | null = null;
  if (sheet === undefined) {
    const paper = options.paper ?? 'A3';
    const orientation = options.orientation ?? 'landscape';
    const room = mapRoom(pageSize(paper, orientation).width, pageSize(paper, orientation).height);
    placed = { paper, orientation, ...room, scale: targetScale(options, room.width, room.height) };
  } else {
    const scale = options.scale ?? sheet.scale;
    const need = extentSize(crs, sheet.bounds, scale);
    for (const [paper, orientation] of candidates(options.paper, options.orientation)) {
      const page = pageSize(paper, orientation);
      const room = mapRoom(page.width, page.height);
      if (need.width <= room.width && need.height <= room.height) {
        placed = { paper, orientation, ...need, scale };
        break;
      }
    }
  }
  if (placed === null) return null;
  const page = pageSize(placed.paper, placed.orientation);
  const map = { x: MARGIN + LABEL_X, y: TOP + LABEL_Y, width: placed.width, height: placed.height };
  // The side bar stands beside the map and the bottom band under it, so a sheet smaller than the
  // paper's room keeps its furniture together at the top-left.
  const side = Math.min(page.width - MARGIN - SIDEBAR, map.x + map.width + LABEL_X + GAP);
  const below = map.y + map.height + LABEL_Y + 3;
  const bottom = map.y + map.height + LABEL_Y + BOTTOM;
  const across = side + SIDEBAR - MARGIN;
  const items: LayoutItemDocument[] = [
    {
      id: 'title',
      kind: 'title',
      frame: { x: MARGIN, y: MARGIN, width: across, height: TITLE },
      props: {},
    },
    {
      id: 'mark',
      kind: 'secrecy-mark',
      frame: { x: MARGIN, y: MARGIN + TITLE, width: across, height: MARK },
      props: {},
    },
    {
      id: 'map',
      kind: 'map-frame',
      frame: map,
      props: { crs: crs.code, center: extentCentre(sheet?.bounds ?? options.extent), scale: placed.scale },
    },
    {
      id: 'grid',
      kind: 'graticule',
      frame: {
        x: map.x - LABEL_X,
        y: map.y - LABEL_Y,
        width: map.width + 2 * LABEL_X,
        height: map.height + 2 * LABEL_Y,
      },
      props: { mapFrame: 'map', grid: crs.geographic ? 'degrees' : 'km' },
    },
    { id: 'legend', kind: 'legend', frame: { x: side, y: TOP, width: SIDEBAR, height: 100 }, props: {} },
    {
      id: 'north',
      kind: 'north-arrow',
      frame: { x: side + SIDEBAR / 2 - 8, y: TOP + 105, width: 16, height: 24 },
      props: {},
    },
    {
      id: 'responsibility',
      kind: 'responsibility-table',
      frame: { x: side, y: bottom - 32, width: SIDEBAR, height: 32 },
      props: { ...options.responsibility },
    },
    {
      id: 'scale',
      kind: 'scale-bar',
      frame: { x: map.x + map.width / 2 - 45, y: below, width: 90, height: 14 },
      props: { mapFrame: 'map' },
    },
    {
      id: 'source',
      kind: 'data-source',
      frame: { x: MARGIN, y: bottom - 6, width: side - MARGIN - GAP, height: 6 },
      props: {},
    },
    ...(sheet === undefined
      ? []
      : [
          {
            id: 'sheet',
            kind: 'free-text',
            frame: { x: side, y: MARGIN + TITLE, width: SIDEBAR, height: MARK },
            props: { text: sheet.code, size: 3.5, align: 'right' },
          },
        ]),
  ];
  return {
    format: LAYOUT_FORMAT,
    version: 1,
    paper: placed.paper,
    orientation: placed.orientation,
    title: options.title,
    items,
  };
}
