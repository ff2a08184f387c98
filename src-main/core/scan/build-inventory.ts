import type { AttributeValue, Finding, Geometry, SubjectText, VectorFeature } from '../model/index.js';
import type { Secret, SecretInventory } from './secret-inventory.js';

/** What the inventory is built from: the source as read again, and its review's findings. */
export interface InventorySource {
  readonly features: readonly VectorFeature[];
  readonly findings: readonly Finding[];
  /** The source's hidden content (tags, sidecars, deleted records …): none of it may leave. */
  readonly hidden: readonly SubjectText[];
  /**
   * The grid the public version's coordinates were degraded to, in the source CRS's units, as its
   * lineage records it; null when it records none. A source coordinate already on that grid is
   * what the public version legitimately keeps, so it is not searched.
   */
  readonly grid: number | null;
}

/** Texts shorter than this (UTF-8 bytes) are common words, not evidence of a leak. */
const MIN_TEXT_BYTES = 4;
/** Hidden texts are searched from this many characters on: shorter tag values (a "1") say nothing. */
const MIN_HIDDEN_CHARS = 8;
/** Without a recorded grid, coordinates with fewer decimals than this are taken as coarse. */
const MIN_COORDINATE_DECIMALS = 3;

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

const decimalsOf = (value: number): number => {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
};

function valueSecret(
  value: AttributeValue,
  kind: 'droppedField' | 'removedFeature' = 'droppedField',
): Secret | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return utf8Bytes(text) >= MIN_TEXT_BYTES ? { kind, text } : null;
  }
  if (typeof value === 'number' && Number.isFinite(value) && decimalsOf(value) > 0)
    return { kind, number: value, decimals: decimalsOf(value) };
  return null;
}

/**
 * The text values of the features the findings say to remove (as far as they list them) that no
 * other feature of the source holds: what is shared with a kept feature may legitimately leave.
 */
function removedTexts(source: InventorySource): Set<string> {
  const removed = new Set(
    source.findings.flatMap((f) => (f.action === 'remove-features' ? (f.where.features ?? []) : [])),
  );
  const texts = new Set<string>();
  const kept = new Set<string>();
  source.features.forEach((feature, i) => {
    const into = removed.has(i + 1) ? texts : kept;
    for (const value of Object.values(feature.properties))
      if (typeof value === 'string' && value.trim() !== '') into.add(value.trim());
  });
  for (const text of kept) texts.delete(text);
  return texts;
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
 * field the review's findings drop, the texts only the features they remove hold, (read from the findings here, not from the release plan's
 * code, so a plan that forgot a field is caught), every hidden text of the source, and the exact
 * source coordinates finer than the recorded grid, as the shortest decimal text that round-trips
 * (how JSON writes a number).
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
  const { grid } = source;
  const fine = (v: number): boolean =>
    grid !== null && grid > 0
      ? Math.abs(v / grid - Math.round(v / grid)) > 1e-6
      : decimalsOf(v) >= MIN_COORDINATE_DECIMALS;
  for (const feature of source.features) {
    for (const [field, value] of Object.entries(feature.properties))
      if (dropped.has(field)) add(valueSecret(value));
    forEachPosition(feature.geometry, (x, y) => {
      for (const v of [x, y]) if (fine(v)) coordinates.add(String(v));
    });
  }
  for (const text of removedTexts(source)) add(valueSecret(text, 'removedFeature'));
  for (const hidden of source.hidden) {
    const text = hidden.text.trim();
    if (text.length >= MIN_HIDDEN_CHARS) add({ kind: 'withheldMetadata', text });
  }
  return { inventory: { secrets }, coordinates };
}
