import type { Extent, Geometry, Position, VectorFeature } from '../model/index.js';

/**
 * Most cells along a side of the occupancy grid: 1024² cells hold 1 MiB of flags, 4 MiB of labels
 * and 32 MiB of per-cell extents, so one pass over the vertices gives every area's exact extent.
 */
const MAX_CELLS_PER_SIDE = 1024;

/** Calls `visit` for each path of a geometry: a line, a ring, or a lone point (one position). */
function forEachPath(geometry: Geometry, visit: (path: readonly Position[]) => void): void {
  const stack: Geometry[] = [geometry];
  for (let g = stack.pop(); g !== undefined; g = stack.pop()) {
    switch (g.type) {
      case 'Point':
        visit([g.coordinates]);
        break;
      case 'MultiPoint':
        for (const p of g.coordinates) visit([p]);
        break;
      case 'LineString':
        visit(g.coordinates);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of g.coordinates) visit(line);
        break;
      case 'MultiPolygon':
        for (const poly of g.coordinates) for (const ring of poly) visit(ring);
        break;
      case 'GeometryCollection':
        stack.push(...g.geometries);
        break;
    }
  }
}

interface Grid {
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  readonly minX: number;
  readonly minY: number;
}

function gridOver(extent: Extent, gap: number): Grid {
  const [minX, minY, maxX, maxY] = extent;
  const span = Math.max(maxX - minX, maxY - minY);
  const cell = Math.max(gap, span / (MAX_CELLS_PER_SIDE - 1), Number.MIN_VALUE);
  const cols = Math.min(MAX_CELLS_PER_SIDE, Math.floor((maxX - minX) / cell) + 1);
  const rows = Math.min(MAX_CELLS_PER_SIDE, Math.floor((maxY - minY) / cell) + 1);
  return { cell, cols, rows, minX, minY };
}

const cellOf = (g: Grid, x: number, y: number): number => {
  const c = Math.min(g.cols - 1, Math.max(0, Math.floor((x - g.minX) / g.cell)));
  const r = Math.min(g.rows - 1, Math.max(0, Math.floor((y - g.minY) / g.cell)));
  return r * g.cols + c;
};

/** The occupied cells and, per cell, the extent of the vertices in it (NaN where none). */
interface Occupancy {
  readonly occupied: Uint8Array;
  readonly boxes: Float64Array;
}

/**
 * Marks the cells a path runs through (its vertices, and points along each segment a cell apart)
 * and grows the extents of its vertices' cells.
 */
function markPath(g: Grid, o: Occupancy, path: readonly Position[]): void {
  const boxes = o.boxes;
  let px = NaN;
  let py = NaN;
  for (const p of path) {
    const x = p[0] ?? NaN;
    const y = p[1] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const steps = Number.isNaN(px)
      ? 0
      : Math.ceil(Math.sqrt((x - px) * (x - px) + (y - py) * (y - py)) / g.cell);
    for (let i = 1; i < steps; i++)
      o.occupied[cellOf(g, px + ((x - px) * i) / steps, py + ((y - py) * i) / steps)] = 1;
    const cell = cellOf(g, x, y);
    o.occupied[cell] = 1;
    const b = cell * 4;
    if (!(x >= (boxes[b] ?? NaN))) boxes[b] = x;
    if (!(y >= (boxes[b + 1] ?? NaN))) boxes[b + 1] = y;
    if (!(x <= (boxes[b + 2] ?? NaN))) boxes[b + 2] = x;
    if (!(y <= (boxes[b + 3] ?? NaN))) boxes[b + 3] = y;
    px = x;
    py = y;
  }
}

/** Labels the 8-connected components of occupied cells 1..n; returns the labels and n. */
function label(g: Grid, occupied: Uint8Array): { labels: Int32Array; count: number } {
  const labels = new Int32Array(occupied.length);
  const stack = new Int32Array(occupied.length);
  let count = 0;
  for (let start = 0; start < occupied.length; start++) {
    if (occupied[start] === 0 || labels[start] !== 0) continue;
    count += 1;
    labels[start] = count;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const at = stack[--top] ?? 0;
      const r = Math.floor(at / g.cols);
      const c = at - r * g.cols;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= g.rows || cc >= g.cols) continue;
          const next = rr * g.cols + cc;
          if (occupied[next] === 0 || labels[next] !== 0) continue;
          labels[next] = count;
          stack[top++] = next;
        }
    }
  }
  return { labels, count };
}

/**
 * The continuous areas of a layer (ADR 0164): features belong to one area when their lines,
 * rings or points come within about `gap` CRS units of each other. The layer's extent is cut into
 * cells of `gap` (coarser when the extent would need more than 1024 cells a side); the cells the
 * geometries run through are marked, and 8-connected marked cells form an area, so features up to
 * one to two cells apart join. Returns each area's extent (its features' vertices), largest first.
 */
export function continuousExtents(features: readonly VectorFeature[], extent: Extent, gap: number): Extent[] {
  const g = gridOver(extent, gap);
  const o: Occupancy = {
    occupied: new Uint8Array(g.cols * g.rows),
    boxes: new Float64Array(g.cols * g.rows * 4).fill(NaN),
  };
  for (const f of features)
    if (f.geometry !== null)
      forEachPath(f.geometry, (p) => {
        markPath(g, o, p);
      });
  const { labels, count } = label(g, o.occupied);
  const areas = new Float64Array(count * 4).fill(NaN);
  for (let cell = 0; cell < labels.length; cell++) {
    const l = labels[cell] ?? 0;
    const x0 = o.boxes[cell * 4] ?? NaN;
    if (l === 0 || Number.isNaN(x0)) continue;
    const a = (l - 1) * 4;
    const [y0 = NaN, x1 = NaN, y1 = NaN] = o.boxes.subarray(cell * 4 + 1, cell * 4 + 4);
    if (!(x0 >= (areas[a] ?? NaN))) areas[a] = x0;
    if (!(y0 >= (areas[a + 1] ?? NaN))) areas[a + 1] = y0;
    if (!(x1 <= (areas[a + 2] ?? NaN))) areas[a + 2] = x1;
    if (!(y1 <= (areas[a + 3] ?? NaN))) areas[a + 3] = y1;
  }
  const extents: Extent[] = [];
  for (let i = 0; i < count; i++) {
    const [a = NaN, b = NaN, c = NaN, d = NaN] = areas.subarray(i * 4, i * 4 + 4);
    if (Number.isFinite(a)) extents.push([a, b, c, d]);
  }
  return extents.sort((p, q) => (q[2] - q[0]) * (q[3] - q[1]) - (p[2] - p[0]) * (p[3] - p[1]));
}
