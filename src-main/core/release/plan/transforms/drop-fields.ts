import { dropFields } from '../../drop-fields.js';
import type { VectorTransform } from '../release-transform.js';

/** The fields the answered findings name, once each, in review order. */
const fieldsOf = (input: Parameters<VectorTransform['plan']>[0]): string[] => [
  ...new Set(
    input.findings.flatMap(({ finding }) => (finding.where.field === undefined ? [] : [finding.where.field])),
  ),
];

/**
 * Drops the attribute fields that sensitive-field, forbidden-content and the like name
 * ('drop-field'). The curator's plan names the fields; the lineage, which goes out with the
 * public version, says only how many (a field's name may itself be what must not leave).
 */
export const dropFieldsTransform: VectorTransform = {
  id: 'drop-fields',
  version: 1,
  kind: 'vector',
  answers: ['drop-field'],
  plan: (input) => {
    const fields = fieldsOf(input);
    return { fields: fields.join('、'), count: fields.length };
  },
  apply: (features, _params, input) => {
    const fields = fieldsOf(input);
    return { features: dropFields(features, fields), lineage: { count: fields.length } };
  },
};
