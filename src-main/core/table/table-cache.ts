import type { FeatureTable } from './feature-table.js';

/**
 * How much the attribute-table cache keeps (ADR 0112): at most `layers` opened layers and at most
 * `bytes` of them by FeatureTable's estimate. 768 MB is the parse's own heap cap (ADR 0081): a layer
 * that could be read at all fits alone.
 */
export const TABLE_CACHE_LIMITS = { layers: 3, bytes: 768 * 1024 * 1024 } as const;

export interface TableCacheLimits {
  readonly layers: number;
  readonly bytes: number;
}

/**
 * Opened layers by key, least recently used evicted first. Calls for a key being opened share
 * the one read. A table larger than the whole budget is served to the calls waiting for it but
 * not kept.
 */
export class TableCache {
  private readonly kept = new Map<string, FeatureTable>();
  private readonly opening = new Map<string, Promise<FeatureTable>>();
  private readonly limits: TableCacheLimits;

  constructor(limits: TableCacheLimits = TABLE_CACHE_LIMITS) {
    this.limits = limits;
  }

  async get(key: string, open: () => Promise<FeatureTable>): Promise<FeatureTable> {
    const table = this.kept.get(key);
    if (table) {
      this.kept.delete(key);
      this.kept.set(key, table);
      return table;
    }
    const pending = this.opening.get(key);
    if (pending) return pending;
    const opened = open().then(
      (t) => {
        this.opening.delete(key);
        this.keep(key, t);
        return t;
      },
      (error: unknown) => {
        this.opening.delete(key);
        throw error;
      },
    );
    this.opening.set(key, opened);
    return opened;
  }

  /** Keys of the tables kept, least recently used first. */
  keys(): string[] {
    return [...this.kept.keys()];
  }

  /** Estimated bytes of the tables kept. */
  bytes(): number {
    let sum = 0;
    for (const t of this.kept.values()) sum += t.bytes;
    return sum;
  }

  private keep(key: string, table: FeatureTable): void {
    if (table.bytes > this.limits.bytes) return;
    this.kept.set(key, table);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limits.layers && this.bytes() <= this.limits.bytes) break;
      this.kept.delete(oldest);
    }
  }
}
