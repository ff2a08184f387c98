import type { Finding } from '../model/index.js';
import type { SubjectText } from './rule.js';
import { textsFinerThan, textsLargerThan } from './stated-precision.js';

const round3 = (v: number): number => Number(v.toPrecision(3));

type RuleRef = { readonly id: string; readonly version: number };

/**
 * Where a text is, and what a public version does about it: it writes its abstract and file name
 * anew ('strip-hidden': rewritten without the statement); a title is the curator's and must be
 * edited first (no action).
 */
const located = (text: SubjectText): Pick<Finding, 'where' | 'action'> => ({
  where: { part: text.part, ...(text.name === undefined ? {} : { name: text.name }) },
  action: text.part === 'metadata.title' ? null : 'strip-hidden',
});

/**
 * Metadata is reviewed like data (ADR 0164): one blocking finding per text (record title or
 * abstract, file or layer name) that states a grid, resolution or accuracy finer than `threshold`
 * metres, located by its part; a title whose only such statement is a bare size token is a warning.
 */
export function statedPrecisionFindings(
  rule: RuleRef,
  texts: readonly SubjectText[],
  threshold: number,
): Finding[] {
  return textsFinerThan(texts, threshold).map(({ text, metres, tokensOnly }) => ({
    ruleId: rule.id,
    ruleVersion: rule.version,
    // A title that only carries a name's size token is the file stem import gave it: a reviewer's
    // look, not a stop (the public file name is made from it without the token).
    severity: tokensOnly && text.part === 'metadata.title' ? 'warning' : 'blocking',
    messageKey: 'finding.statedPrecision',
    params: { precision: round3(metres), threshold },
    ...located(text),
  }));
}

/** One blocking finding per text that states a map scale larger than 1:`limit`. */
export function statedScaleFindings(rule: RuleRef, texts: readonly SubjectText[], limit: number): Finding[] {
  return textsLargerThan(texts, limit).map(({ text, scale }) => ({
    ruleId: rule.id,
    ruleVersion: rule.version,
    severity: 'blocking',
    messageKey: 'finding.statedScale',
    params: { scale, limit },
    ...located(text),
  }));
}
