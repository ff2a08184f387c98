import type { AttributeValue, Finding, Geometry, SubjectText, VectorFeature } from '../model/index.js';
import type { Secret, SecretInventory } from './secret-inventory.js';

/** What the inventory is built from: the source as read again, and its review's findings. */
export interface InventorySource {
  readonly features: readonly VectorFeature[];
  readonly findings: readonly Finding[];
  /** The source's hidden content (tags, sidecars, deleted records …): none of it may leave. */
  readonly hidden: readonly SubjectText[];
}

/** Texts shorter than this (UTF-8 bytes) are common words, not evidence of a leak. */
const MIN_TEXT_BYTES = 4;
/** Hidden texts are searched from this many characters on: shorter tag values (a "1") say nothing. */
const MIN_HIDDEN_CHARS = 8;
/** Coordinates with fewer decimals than this are on any coarse grid a public version uses. */
const MIN_COORDINATE_DECIMALS = 3;

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

const decimalsOf = (value: number): number => {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
};

function valueSecret(value: AttributeValue): Secret | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return utf8Bytes(text) >= MIN_TEXT_BYTES ? { kind: 'droppedField', text } : null;
  }
  if (typeof value === 'number' && Number.isFinite(value) && decimalsOf(value) > 0)
    return { kind: 'droppedField', number: value, decimals: decimalsOf(value) };
  return null;
}

function forEachPosition(geometry: Geometry | null, visit: (x: number, y: number) => void): void {
  if (geometry === null) return;
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') visit(value[0], value[1]);
    else for (const item of value) walk(item);
  };
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) forEachPosition(g, visit);
  else walk(geometry.coordinates);
}

/**
 * The scanner's own reading of what a public version must not hold (issue 9): the values of every
 * field the review's findings drop (read from the findings here, not from the release plan's
 * code, so a plan that forgot a field is caught), every hidden text of the source, and the exact
 * source coordinates as the shortest decimal text that round-trips (how JSON writes a number).
 */
export function buildInventory(source: InventorySource): {
  readonly inventory: SecretInventory;
  readonly coordinates: ReadonlySet<string>;
} {
  const dropped = new Set(
    source.findings.flatMap((f) => (f.action === 'drop-field' && f.where.field ? [f.where.field] : [])),
  );
  const secrets: Secret[] = [];
  const seen = new Set<string>();
  const add = (secret: Secret | null): void => {
    if (secret === null) return;
    const key = 'text' in secret ? `t${secret.text}` : `n${String(secret.number)}`;
    if (seen.has(key)) return;
    seen.add(key);
    secrets.push(secret);
  };
  const coordinates = new Set<string>();
  for (const feature of source.features) {
    for (const [field, value] of Object.entries(feature.properties))
      if (dropped.has(field)) add(valueSecret(value));
    forEachPosition(feature.geometry, (x, y) => {
      for (const v of [x, y]) if (decimalsOf(v) >= MIN_COORDINATE_DECIMALS) coordinates.add(String(v));
    });
  }
  for (const hidden of source.hidden) {
    const text = hidden.text.trim();
    if (text.length >= MIN_HIDDEN_CHARS) add({ kind: 'withheldMetadata', text });
  }
  return { inventory: { secrets }, coordinates };
}
