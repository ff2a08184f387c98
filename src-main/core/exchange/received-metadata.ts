import { z } from 'zod';
import { parseXml } from '../formats/kml/safe-xml.js';
import { dataPath } from './bag-layout.js';
import { bagProblem, type BagProblem } from './problems.js';
import { showPath } from './path-safety.js';

/** Where the public metadata sits in a Strata bag (written by the export, ADR 0034). */
export const METADATA_JSON = dataPath('metadata.json');
export const METADATA_XML = dataPath('metadata.xml');

const text = (max: number) => z.string().max(max);

/**
 * The part of a bag's `metadata.json` the receiving side relies on. Everything is bounded: the
 * file comes from the other side of the gateway. Unknown members are ignored (a newer sender may
 * add some); the level is kept as written so a refusal can say what it was.
 */
const receivedSchema = z.object({
  identifier: text(200).min(1),
  title: text(500).min(1),
  abstract: text(20_000),
  level: text(20),
  dataFile: text(1000).regex(/^data\/[^/]/),
  format: text(40).min(1),
  attribution: text(2000).optional(),
  organisation: text(500),
  lineage: z.object({ source: text(200), steps: z.array(text(2000)).max(200) }),
  review: z.object({ id: text(200), profile: text(200), reviewer: text(200), date: text(40) }),
});

export type ReceivedMetadata = z.infer<typeof receivedSchema>;

/** Parses `metadata.json` as received: the metadata, or the problem naming the first bad member. */
export function parseReceivedMetadata(json: string): ReceivedMetadata | BagProblem {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return bagProblem('bag.metadataInvalid', { path: showPath(METADATA_JSON), field: 'JSON' });
  }
  const parsed = receivedSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.') || '(root)';
  return bagProblem('bag.metadataInvalid', { path: showPath(METADATA_JSON), field });
}

/**
 * The level step: the release level the signed bag-info states and the one its metadata states
 * must both be 公开. Nothing else is ever received.
 */
export function levelProblems(bagInfoLevel: string | undefined, metadataLevel: string): BagProblem[] {
  const problems: BagProblem[] = [];
  if (bagInfoLevel !== '公开')
    problems.push(bagProblem('bag.levelNotPublic', { path: 'bag-info.txt', level: bagInfoLevel ?? '' }));
  if (metadataLevel !== '公开')
    problems.push(bagProblem('bag.levelNotPublic', { path: showPath(METADATA_JSON), level: metadataLevel }));
  return problems;
}

/**
 * `metadata.xml` must be well-formed ISO 19139 without a DTD or entities (the KML reader's safe
 * parse): a root `gmd:MD_Metadata` in the gmd namespace.
 */
export function metadataXmlProblems(text: string): BagProblem[] {
  const invalid = [bagProblem('bag.metadataXmlInvalid', { path: showPath(METADATA_XML) })];
  try {
    const root = parseXml(text).documentElement;
    return root?.localName === 'MD_Metadata' && root.namespaceURI === 'http://www.isotc211.org/2005/gmd'
      ? []
      : invalid;
  } catch {
    return invalid;
  }
}
