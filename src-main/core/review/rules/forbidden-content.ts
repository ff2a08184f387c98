import type { Finding, FindingAction, FindingPart, VectorFeature } from '../../model/index.js';
import { z } from 'zod';
import { Coverage, FeatureHits } from '../feature-hits.js';
import { ValueMemo } from '../value-memo.js';
import { defineRule, type SubjectText, type VectorSubject } from '../rule.js';
import { compileTerms, fieldsNamed, normalizeText, type TermMatcher } from '../term-matcher.js';

const ID = 'forbidden-content';
const VERSION = 1;

const terms = z.array(z.string().min(1).max(100)).max(2000);

const paramsSchema = z.strictObject({
  /** Words that must not appear in attribute values, field names, layer/file names or metadata (zh and en). */
  keywords: terms.min(1),
  /** Fields whose values are a feature's class, type or name (类别, TYPE, FCODE, 名称 ...). */
  classFields: terms,
  /** Class values (whole value) that must not be published (军事设施 ...). */
  classes: terms,
  /** Words that must not name a layer or file (besides the keywords). */
  layerNames: terms,
});

export type ForbiddenContentParams = z.infer<typeof paramsSchema>;

/**
 * What a public version does about a forbidden word in a text of the dataset (ADR 0163): a layer or
 * file name names what the layer is, so the layer goes; a field name, the field; a record's title or
 * abstract is the curator's to rewrite (no transform can choose the wording: null, and the re-review
 * reads the record the public version is stored with); any other part is a hidden place to strip.
 */
export function actionForPart(part: FindingPart): FindingAction | null {
  switch (part) {
    case 'layer-name':
    case 'file-name':
      return 'remove-layer';
    case 'field-name':
      return 'drop-field';
    case 'metadata.title':
    case 'metadata.abstract':
      return null;
    default:
      return 'strip-hidden';
  }
}

const base = { ruleId: ID, ruleVersion: VERSION, severity: 'blocking' } as const;

/** Forbidden words in the texts that go out with the dataset (names, metadata, hidden places). */
function scanTexts(texts: readonly SubjectText[], keywords: TermMatcher, layerNames: TermMatcher): Finding[] {
  return texts.flatMap((t): Finding[] => {
    const naming = t.part === 'layer-name' || t.part === 'file-name';
    const keyword = keywords.find(t.text) ?? (naming ? layerNames.find(t.text) : null);
    if (keyword === null) return [];
    return [
      {
        ...base,
        messageKey: naming ? 'finding.forbiddenLayerName' : 'finding.forbiddenText',
        params: { keyword },
        where: { part: t.part, ...(t.name === undefined ? {} : { name: t.name }) },
        action: actionForPart(t.part),
      },
    ];
  });
}

const foldValue = (value: string): string => normalizeText(value).trim().toLowerCase();

/**
 * Whole-value class matching: an automaton over the classes finds a candidate without allocating,
 * and only then is the value folded and compared whole.
 */
function classMatcher(classes: readonly string[]): (value: string) => string | undefined {
  const exact = new Map(classes.map((c) => [foldValue(c), c]));
  const candidates = compileTerms(classes);
  return (value) => (candidates.find(value) === null ? undefined : exact.get(foldValue(value)));
}

interface ValueHits {
  readonly field: string;
  readonly kind: 'class' | 'keyword';
  readonly term: string;
  readonly hits: FeatureHits;
}

/**
 * The attribute table, field by field (one property name per loop keeps the engine's property
 * look-up fast): a class field's whole value against the forbidden classes, every string value
 * against the keyword automaton. A feature counts once per field (its first hit); results are
 * remembered per distinct value while that pays (ValueMemo).
 */
function scanValues(
  features: readonly VectorFeature[],
  fields: readonly string[],
  classFields: ReadonlySet<string>,
  classOf: (value: string) => string | undefined,
  keywords: TermMatcher,
  coverage: Coverage,
): ValueHits[] {
  const groups: ValueHits[] = [];
  for (const field of fields) {
    const isClass = classFields.has(field);
    const byTerm = new Map<string, ValueHits>();
    const memo = new ValueMemo<ValueHits | null>();
    const judge = (value: string): ValueHits | null => {
      const forbiddenClass = isClass ? classOf(value) : undefined;
      const kind = forbiddenClass === undefined ? 'keyword' : 'class';
      const term = forbiddenClass ?? keywords.find(value);
      if (term === null) return null;
      const key = `${kind}\u0000${term}`;
      let group = byTerm.get(key);
      if (group === undefined) {
        group = { field, kind, term, hits: new FeatureHits() };
        byTerm.set(key, group);
        groups.push(group);
      }
      return group;
    };
    for (let i = 0; i < features.length; i += 1) {
      const value = (features[i] as VectorFeature).properties[field];
      if (typeof value !== 'string' || value === '') continue;
      const group = memo.get(value, judge);
      if (group === null) continue;
      group.hits.add(i);
      coverage.mark(i);
    }
  }
  return groups;
}

function vectorFindings(
  subject: VectorSubject,
  params: ForbiddenContentParams,
  keywords: TermMatcher,
): Finding[] {
  const fields = subject.info.fields.map((f) => f.name);
  const named: Finding[] = fields.flatMap((field): Finding[] => {
    const keyword = keywords.find(field);
    if (keyword === null) return [];
    return [
      {
        ...base,
        messageKey: 'finding.forbiddenFieldName',
        params: { keyword },
        where: { field, part: 'field-name', name: field },
        action: 'drop-field',
      },
    ];
  });
  const classOf = classMatcher(params.classes);
  const classFields = new Set(fieldsNamed(fields, params.classFields));
  const coverage = new Coverage(subject.features.length);
  const groups = scanValues(subject.features, fields, classFields, classOf, keywords, coverage);
  // Together the hits cover every feature: the layer is what they say.
  const action = coverage.whole ? 'remove-layer' : 'remove-features';
  const values = groups.map(({ field, kind, term, hits }): Finding => ({
    ...base,
    messageKey: kind === 'class' ? 'finding.forbiddenClass' : 'finding.forbiddenValue',
    params: kind === 'class' ? { class: term } : { keyword: term },
    where: { field, ...hits.where() },
    action,
  }));
  return [...named, ...values];
}

/**
 * Forbidden content (DOMAIN.md "What a secrecy review checks"; ADR 0163): military facilities,
 * undisclosed airports and ports, precise depths, reservoir capacities, line voltages, bridge
 * structure ... named by a keyword list (Chinese and English) scanned over attribute values, field
 * names, layer and file names and the record's title and abstract, and by forbidden class values of
 * the configured class/type/name fields. Text is matched as the readers decoded it (GBK or UTF-8),
 * NFKC-normalised and case-insensitively.
 */
export const forbiddenContentRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    const keywords = compileTerms(params.keywords);
    const texts = scanTexts([...subject.texts, ...subject.hidden], keywords, compileTerms(params.layerNames));
    return subject.kind === 'vector' ? [...texts, ...vectorFindings(subject, params, keywords)] : texts;
  },
});
