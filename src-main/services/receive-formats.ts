import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../api/errors.js';
import {
  bagProblem,
  METADATA_JSON,
  METADATA_XML,
  metadataXmlProblems,
  parseReceivedMetadata,
  showPath,
  type BagProblem,
  type ReceivedMetadata,
} from '../core/exchange/index.js';
import type { StagedBag } from '../core/ports/index.js';
import type { ServiceDeps } from './deps.js';

/** The public metadata is a few kilobytes; a bigger one is not read. */
const METADATA_LIMIT = 1 << 20;

/** A bag that passed the formats step: its metadata, the data file it names and that file's layer count. */
export interface ReadableBag {
  readonly metadata: ReceivedMetadata;
  readonly dataFile: string;
  readonly layers: number;
}

/** The formats step's outcome: its problems, or the bag as it can be read. */
export type FormatsCheck = { readonly problems: readonly BagProblem[] } | ReadableBag;

async function readMetadata(staged: StagedBag, name: string): Promise<string | BagProblem> {
  if (!staged.payload.some((e) => e.path === name))
    return bagProblem('bag.metadataMissing', { path: showPath(name) });
  const file = path.join(staged.dir, name);
  // Judged before reading: a metadata file of gigabytes is refused, not loaded.
  if ((await stat(file)).size > METADATA_LIMIT)
    return bagProblem('bag.fileTooLarge', { path: showPath(name), max: METADATA_LIMIT });
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bagProblem('bag.metadataInvalid', { path: showPath(name), field: 'UTF-8' });
  }
}

const problemOf = (error: StrataError): string => {
  const nested = error.params['problem'];
  return typeof nested === 'string' ? nested : `error.${error.code}`;
};

/**
 * Formats by content (DOMAIN.md's fifth step): the metadata parses (JSON with the members the
 * receiver needs, well-formed ISO 19139 XML), the data file it names is in the payload and the
 * format registry reads it — in the parse worker, by its bytes, not its name — as the format the
 * metadata says, and every other payload file belongs to that file's set. Anything else in
 * `data/` is refused: only what can be read as data or metadata crosses.
 */
export async function checkFormats(deps: ServiceDeps, staged: StagedBag): Promise<FormatsCheck> {
  const json = await readMetadata(staged, METADATA_JSON);
  const xml = await readMetadata(staged, METADATA_XML);
  const problems: BagProblem[] = [];
  if (typeof xml !== 'string') problems.push(xml);
  else problems.push(...metadataXmlProblems(xml));
  if (typeof json !== 'string') return { problems: [json, ...problems] };
  const metadata = parseReceivedMetadata(json);
  if ('key' in metadata) return { problems: [metadata, ...problems] };
  if (!staged.payload.some((e) => e.path === metadata.dataFile))
    return {
      problems: [bagProblem('bag.dataFileMissing', { path: showPath(metadata.dataFile) }), ...problems],
    };
  const dataFile = path.join(staged.dir, metadata.dataFile);
  let read;
  try {
    read = await deps.formats.openForImport(dataFile);
  } catch (error) {
    if (!(error instanceof StrataError)) throw error;
    return {
      problems: [
        bagProblem('bag.formatUnrecognised', {
          path: showPath(metadata.dataFile),
          problem: problemOf(error),
          file: path.basename(dataFile),
        }),
        ...problems,
      ],
    };
  }
  if (read.format !== metadata.format)
    problems.push(
      bagProblem('bag.formatMismatch', {
        path: showPath(metadata.dataFile),
        detected: read.format,
        named: metadata.format,
      }),
    );
  const inSet = new Set(read.files.map((f) => path.resolve(f)));
  for (const entry of staged.payload) {
    if (entry.path === METADATA_JSON || entry.path === METADATA_XML) continue;
    if (!inSet.has(path.resolve(staged.dir, entry.path)))
      problems.push(bagProblem('bag.fileNotInSet', { path: showPath(entry.path) }));
  }
  return problems.length > 0 ? { problems } : { metadata, dataFile, layers: read.layers.length };
}
