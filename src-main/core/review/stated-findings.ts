import type { Finding } from '../model/index.js';
import type { SubjectText } from './rule.js';
import { textsFinerThan } from './stated-precision.js';

const round3 = (v: number): number => Number(v.toPrecision(3));

/**
 * Metadata is reviewed like data (ADR 0164): one blocking finding per text (record title or
 * abstract, file or layer name) that states a precision finer than `threshold` metres, located by
 * its part. The public version writes its abstract and file name anew ('strip-hidden': rewritten
 * without the statement); a title is the curator's and must be edited first (no action).
 */
export function statedPrecisionFindings(
  rule: { readonly id: string; readonly version: number },
  texts: readonly SubjectText[],
  threshold: number,
): Finding[] {
  return textsFinerThan(texts, threshold).map(({ text, stated }) => ({
    ruleId: rule.id,
    ruleVersion: rule.version,
    severity: 'blocking',
    messageKey: stated.scale === undefined ? 'finding.statedPrecision' : 'finding.statedScale',
    params: {
      precision: round3(stated.metres),
      threshold,
      ...(stated.scale === undefined ? {} : { scale: stated.scale }),
    },
    where: { part: text.part, ...(text.name === undefined ? {} : { name: text.name }) },
    action: text.part === 'metadata.title' ? null : 'strip-hidden',
  }));
}
