import type { DatasetSummary } from '../../../src-main/api/types.js';

export interface ListedDataset {
  readonly dataset: DatasetSummary;
  readonly nested: boolean;
  readonly sourceName: string | null;
}

/**
 * Orders the list as a tree of depth one: each source dataset followed by its public versions.
 * A public version whose source is not listed stays top-level but still names its source id.
 */
export function orderDatasets(datasets: readonly DatasetSummary[]): ListedDataset[] {
  const byId = new Map(datasets.map((d) => [d.id as string, d]));
  const children = new Map<string, DatasetSummary[]>();
  const roots: DatasetSummary[] = [];
  for (const d of datasets) {
    if (d.sourceId !== null && byId.has(d.sourceId)) {
      const list = children.get(d.sourceId) ?? [];
      list.push(d);
      children.set(d.sourceId, list);
    } else {
      roots.push(d);
    }
  }
  const out: ListedDataset[] = [];
  for (const root of roots) {
    const orphanSource = root.sourceId === null ? null : root.sourceId;
    out.push({ dataset: root, nested: false, sourceName: orphanSource });
    for (const child of children.get(root.id) ?? []) {
      out.push({ dataset: child, nested: true, sourceName: root.title || root.name });
    }
  }
  return out;
}
