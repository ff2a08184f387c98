import type { AttributeValue, FieldInfo, Geometry, VectorFeature } from '../model/index.js';
import { rowTest, type QueryProblem, type TableQuery, type TableSort } from './query.js';
import { sortedPositions } from './sort-keys.js';

/** Sort orders one table keeps (each 4 bytes a feature), the least recently used going first. */
const SORTS_KEPT = 4;

export interface TableRow {
  /** The feature's 0-based position in the layer (what `datasets.features` numbers it). */
  readonly fid: number;
  /** In the order of the table's fields. */
  readonly values: readonly AttributeValue[];
  readonly geometry: Geometry | null;
}

export interface TablePage {
  readonly total: number;
  readonly matched: number;
  readonly offset: number;
  readonly rows: readonly TableRow[];
  /** Where the asked-for feature is among the matching rows; null when it does not match. */
  readonly located?: number | null;
}

const sortKey = (sort: TableSort): string => `${sort.order}:${sort.field}`;

/** Estimated bytes of a parsed feature (V8 objects, 8-byte numbers), for the cache's budget. */
function featureBytes(feature: VectorFeature): number {
  let bytes = 64;
  for (const value of Object.values(feature.properties))
    bytes += 24 + (typeof value === 'string' ? 32 + 2 * value.length : 0);
  const walk = (node: unknown): void => {
    if (typeof node === 'number') bytes += 8;
    else if (Array.isArray(node)) {
      bytes += 32;
      for (const item of node) walk(item);
    }
  };
  const visit = (geometry: Geometry): void => {
    if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) visit(g);
    else walk(geometry.coordinates);
  };
  if (feature.geometry) visit(feature.geometry);
  return bytes;
}

/**
 * One layer's features held for paging: orders computed once per sort key and the rows matching
 * the last filter, so that a page is a slice of an index (ADR 0112).
 */
export class FeatureTable {
  readonly fields: readonly FieldInfo[];
  readonly crs: string | null;
  /** Estimated bytes of the features and of the indexes this table may keep at most. */
  readonly bytes: number;
  private readonly features: readonly VectorFeature[];
  private readonly orders = new Map<string, Uint32Array>();
  private lastView: { readonly key: string; readonly fids: Uint32Array } | null = null;

  constructor(features: readonly VectorFeature[], fields: readonly FieldInfo[], crs: string | null) {
    this.features = features;
    this.fields = fields;
    this.crs = crs;
    let bytes = 0;
    for (const f of features) bytes += featureBytes(f);
    this.bytes = bytes + (SORTS_KEPT + 1) * 4 * features.length;
  }

  get total(): number {
    return this.features.length;
  }

  /** The rows of `query` from `offset` (at most `limit`), and where `locate` is among them when asked. */
  page(query: TableQuery, offset: number, limit: number, locate?: number): TablePage | QueryProblem {
    const fids = this.view(query);
    if (!(fids instanceof Uint32Array)) return fids;
    const names = this.fields.map((f) => f.name);
    const rows: TableRow[] = [];
    for (const fid of fids.subarray(offset, offset + limit)) {
      const feature = this.features[fid];
      if (!feature) continue;
      rows.push({ fid, values: names.map((n) => feature.properties[n] ?? null), geometry: feature.geometry });
    }
    const page = { total: this.total, matched: fids.length, offset, rows };
    if (locate === undefined) return page;
    const at = fids.indexOf(locate);
    return { ...page, located: at < 0 ? null : at };
  }

  /** Feature positions matching the query, in its order (the last one kept). */
  private view(query: TableQuery): Uint32Array | QueryProblem {
    const key = JSON.stringify([
      query.sort ?? null,
      query.filter ?? null,
      query.search?.trim() ?? '',
      query.fids ?? null,
    ]);
    if (this.lastView?.key === key) return this.lastView.fids;
    if (query.sort && !this.fields.some((f) => f.name === query.sort?.field))
      return { detail: 'detail.tableUnknownField', field: query.sort.field };
    const test = rowTest(this.fields, query);
    if (test !== null && typeof test !== 'function') return test;
    const order = query.sort ? this.order(query.sort) : null;
    const only = query.fids ? new Set(query.fids) : null;
    let fids: Uint32Array;
    if (test === null && only === null) fids = order ?? Uint32Array.from(this.features.keys());
    else {
      // Candidates in the view's order: the sort's, else file order (of the named ids, if any).
      const candidates: Iterable<number> = order
        ? order
        : only
          ? [...only].sort((a, b) => a - b)
          : this.features.keys();
      const kept = new Uint32Array(only?.size ?? this.features.length);
      let n = 0;
      for (const fid of candidates) {
        const feature = this.features[fid];
        if (!feature || (only !== null && !only.has(fid))) continue;
        if (test === null || test(feature.properties)) kept[n++] = fid;
      }
      fids = kept.slice(0, n);
    }
    this.lastView = { key, fids };
    return fids;
  }

  /** Feature positions by one field, ties by position; computed once per sort key. */
  private order(sort: TableSort): Uint32Array {
    const key = sortKey(sort);
    const kept = this.orders.get(key);
    if (kept) {
      this.orders.delete(key);
      this.orders.set(key, kept);
      return kept;
    }
    const order = sortedPositions(
      this.features.map((f) => f.properties[sort.field] ?? null),
      sort.order,
    );
    this.orders.set(key, order);
    if (this.orders.size > SORTS_KEPT) {
      const oldest = this.orders.keys().next().value;
      if (oldest !== undefined) this.orders.delete(oldest);
    }
    return order;
  }
}
