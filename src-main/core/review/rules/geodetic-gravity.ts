import type { Finding, VectorFeature } from '../../model/index.js';
import { z } from 'zod';
import { Coverage, FeatureHits } from '../feature-hits.js';
import { ValueMemo } from '../value-memo.js';
import { defineRule } from '../rule.js';
import { compileTerms, fieldsNamed, type TermMatcher } from '../term-matcher.js';

const ID = 'geodetic-gravity';
const VERSION = 1;

const terms = z.array(z.string().min(1).max(100)).max(2000);

const paramsSchema = z.strictObject({
  /** Terms naming control points, gravity points and anomalies, height anomalies (zh and en). */
  keywords: terms.min(1),
  /** Fields whose values are a feature's class, type or name (类别, 点类型, 名称 ...). */
  classFields: terms,
  /** Field-name terms of gravity and height-anomaly values (BOUGUER, FAA, 重力 ...). */
  fieldNames: terms,
});

/** Where a name says what the whole dataset is: its layer, its file, its record's title. */
const NAMING_PARTS: ReadonlySet<string> = new Set(['layer-name', 'file-name', 'metadata.title']);

const base = { ruleId: ID, ruleVersion: VERSION, severity: 'blocking' } as const;

/**
 * Features whose class/name fields hold a term, per field and term (a feature once per field),
 * field by field (one property name per loop keeps the engine's look-up fast).
 */
function classHits(
  features: readonly VectorFeature[],
  fields: readonly string[],
  keywords: TermMatcher,
  coverage: Coverage,
): { field: string; keyword: string; hits: FeatureHits }[] {
  return fields.flatMap((field) => {
    const byKeyword = new Map<string, FeatureHits>();
    const memo = new ValueMemo<string | null>();
    const judge = (value: string): string | null => keywords.find(value);
    for (let i = 0; i < features.length; i += 1) {
      const value = (features[i] as VectorFeature).properties[field];
      if (typeof value !== 'string') continue;
      const keyword = memo.get(value, judge);
      if (keyword === null) continue;
      const hits = byKeyword.get(keyword) ?? new FeatureHits();
      hits.add(i);
      coverage.mark(i);
      byKeyword.set(keyword, hits);
    }
    return [...byKeyword].map(([keyword, hits]) => ({ field, keyword, hits }));
  });
}

/**
 * Geodetic control and gravity (DOMAIN.md; 自然资发〔2020〕95号; ADR 0163): control points
 * (三角点, 水准点, GPS点 ...), gravity points and anomalies (布格异常, field names such as BOUGUER,
 * FAA), height anomalies (高程异常, 似大地水准面). A layer, file or record title that names one, or
 * a layer carrying gravity values, goes whole; features whose class or name says so are removed
 * (the whole layer when together they cover every feature).
 */
export const geodeticGravityRule = defineRule({
  id: ID,
  version: VERSION,
  params: paramsSchema,
  check(subject, params): readonly Finding[] {
    const keywords = compileTerms(params.keywords);
    const named = subject.texts
      .filter((t) => NAMING_PARTS.has(t.part))
      .flatMap((t): Finding[] => {
        const keyword = keywords.find(t.text);
        if (keyword === null) return [];
        const where = { part: t.part, ...(t.name === undefined ? {} : { name: t.name }) };
        return [
          {
            ...base,
            messageKey: 'finding.geodeticLayer',
            params: { keyword },
            where,
            action: 'remove-layer',
          },
        ];
      })
      // One name is enough: the layer goes whole (a record titled as its layer says it again).
      .slice(0, 1);
    if (subject.kind !== 'vector') return named;
    const valueNames = compileTerms(params.fieldNames);
    const fields = subject.info.fields.map((f) => f.name);
    const valueFields = fields.flatMap((field): Finding[] => {
      const keyword = valueNames.find(field);
      if (keyword === null) return [];
      return [
        {
          ...base,
          messageKey: 'finding.gravityField',
          params: { keyword },
          where: { field, part: 'field-name', name: field },
          action: 'remove-layer',
        },
      ];
    });
    const coverage = new Coverage(subject.features.length);
    const groups = classHits(subject.features, fieldsNamed(fields, params.classFields), keywords, coverage);
    // Together the hits cover every feature: the layer is what they say.
    const action = coverage.whole ? 'remove-layer' : 'remove-features';
    const features = groups.map(({ field, keyword, hits }): Finding => ({
      ...base,
      messageKey: 'finding.geodeticFeatures',
      params: { keyword },
      where: { field, ...hits.where() },
      action,
    }));
    return [...named, ...valueFields, ...features];
  },
});
