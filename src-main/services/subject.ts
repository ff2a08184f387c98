import { StrataError } from '../api/errors.js';
import { crsFromCode, importCrsDecision } from '../core/crs/index.js';
import type { OpenOptions } from '../core/formats/format-module.js';
import type { CrsInfo } from '../core/model/index.js';
import type { DatasetRow } from '../core/ports/index.js';
import type { ReviewSubject } from '../core/review/rule.js';
import { subjectTexts } from '../core/review/subject-texts.js';
import type { ServiceDeps } from './deps.js';
import { stageFiles } from './staging.js';
import { markingOf, type SubjectRecord } from './subject-record.js';

/**
 * Parses a stored dataset again from its bytes on disk into a review subject. The catalogue's
 * recorded info is never trusted for a review: what is checked is what the file says, with the
 * CRS import decides from the same bytes (zone-prefixed eastings, ADR 0102) or, for a file that
 * names none, the one a user assigned (`assigned`, recorded and audited; ADR 0104). `options`
 * are the ones the file was imported with (a CSV's columns and CRS); `record` the dataset's
 * catalogue record, whose texts go out with it and are reviewed with it, and whose marking and
 * release history the `marking` rule checks. With a record, the file's hidden-content inventory
 * (ADR 0162) is read from the same staged set, in its own parse.
 */
export async function parseSubject(
  deps: ServiceDeps,
  layerName: string | null,
  name: string,
  file: string,
  record: SubjectRecord | null,
  assigned: CrsInfo | null = null,
  options: OpenOptions = {},
): Promise<ReviewSubject> {
  const opened = await deps.formats.open(file, options);
  const layer = opened.layers.find((l) => l.layer === layerName);
  if (layer === undefined)
    throw new StrataError('CORRUPT_FILE', { file: name, problem: 'problem.layerGone' });
  const crs = importCrsDecision(layer.info.crs, layer.info.extent).crs ?? assigned;
  // Read with its record, the subject is read for a review and takes the format's hidden inventory
  // too (a second pass in the parse worker); read for its data alone (features, table pages, a CRS
  // check, a release's source) it needs none.
  const hidden = record === null ? [] : await deps.formats.hidden(file, options);
  const common = {
    name,
    layer: layerName,
    texts: subjectTexts(name, layerName, record?.fields ?? null),
    hidden,
    ...(record === null ? {} : { marking: markingOf(record) }),
  };
  if (layer.kind === 'raster') return { kind: 'raster', ...common, info: { ...layer.info, crs } };
  return { kind: 'vector', ...common, info: { ...layer.info, crs }, features: layer.features };
}

const assignedCrs = (row: DatasetRow): CrsInfo | null =>
  row.crsAssignment === undefined ? null : crsFromCode(row.crsAssignment.code);

/** The subject of a stored dataset whose files lie under their names at `mainPath`, with `record`'s texts. */
export const parseRowSubject = (
  deps: ServiceDeps,
  row: DatasetRow,
  mainPath: string,
  record: SubjectRecord | null,
): Promise<ReviewSubject> =>
  parseSubject(deps, row.layer, row.name, mainPath, record, assignedCrs(row), row.openOptions);

/**
 * Runs `work` with the dataset's files laid out under their original names (so sidecars are found
 * and every error names the file the curator knows, not a store hash) and its parsed subject,
 * with `record`'s texts.
 */
export async function withStagedSubject<T>(
  deps: ServiceDeps,
  row: DatasetRow,
  work: (subject: ReviewSubject, mainPath: string) => Promise<T>,
  record: SubjectRecord | null = null,
): Promise<T> {
  const staged = await stageFiles(deps.objects, row.files, deps.workDir);
  try {
    return await work(await parseRowSubject(deps, row, staged.mainPath, record), staged.mainPath);
  } finally {
    await staged.cleanup();
  }
}
