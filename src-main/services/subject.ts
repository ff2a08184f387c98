import type { DatasetRow } from '../core/ports/index.js';
import type { ReviewSubject } from '../core/review/rule.js';
import type { ServiceDeps } from './ports.js';
import { stageFiles } from './staging.js';

/**
 * Parses a stored dataset again from its bytes on disk into a review subject. The catalogue's
 * recorded info is never trusted for a review: what is checked is what the file says.
 */
export async function loadSubject(deps: ServiceDeps, row: DatasetRow): Promise<ReviewSubject> {
  if (row.kind === 'raster') {
    const info = await deps.raster.readInfo(deps.objects.pathOf(row.sha256));
    return { kind: 'raster', name: row.name, info };
  }
  const staged = await stageFiles(deps.objects, row.files, deps.workDir);
  try {
    const read = await deps.vector.read(staged.mainPath);
    return { kind: 'vector', name: row.name, info: read.info, features: read.features };
  } finally {
    await staged.cleanup();
  }
}
