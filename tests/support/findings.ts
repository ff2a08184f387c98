import type { Finding } from '../../src-main/core/model/index.js';

/** A blocking sensitive-field finding whose public-version action drops `field`. */
export const dropFieldFinding = (field: string): Finding => ({
  ruleId: 'sensitive-field',
  ruleVersion: 1,
  severity: 'blocking',
  messageKey: 'finding.sensitiveField',
  params: { field },
  where: { field },
  action: 'drop-field',
});
