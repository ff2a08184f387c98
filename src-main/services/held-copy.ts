import type { DatasetId } from '../core/model/index.js';
import type { StoredFile } from '../core/ports/index.js';
import type { ServiceDeps } from './deps.js';
import { requireRecords } from './lookup.js';

/** The dataset that holds a layer's bytes already, named by its current title. */
export interface HeldCopy {
  readonly id: DatasetId;
  readonly title: string;
}

const contentKey = (files: readonly StoredFile[]): string =>
  files
    .map((f) => f.sha256)
    .sort()
    .join(' ');

/**
 * The oldest dataset holding `layer` of the file set `files` (primary first): the same primary
 * SHA-256, the same layer inside it, and every side file the same bytes (a .shp with another .dbf
 * is other data). Names do not count: a renamed copy is the same content (ADR 0169).
 */
export async function heldCopy(
  deps: ServiceDeps,
  files: readonly StoredFile[],
  layer: string | null,
): Promise<HeldCopy | null> {
  const primary = files[0];
  if (!primary) return null;
  const key = contentKey(files);
  const same = (await deps.store.datasetsWithContent(primary.sha256)).find(
    (d) => d.layer === layer && contentKey(d.files) === key,
  );
  if (!same) return null;
  const { latest } = await requireRecords(deps, same.id);
  return { id: same.id, title: latest.fields.title };
}
