import type { AuditVerification } from '../api/types.js';
import type { CommandContext } from './command-context.js';

/** `strata audit verify` on a broken log: the first broken entry and why (ADR 0185). */
export function auditBrokenText(ctx: CommandContext, result: AuditVerification): string {
  const at = ctx.out.text('cli.auditBroken', { seq: result.brokenAt ?? '-' });
  if (result.problem === null) return at;
  const broken = result.versions.brokenAt;
  const why =
    result.problem === 'version'
      ? ctx.out.text('cli.auditProblem.version', {
          version: broken ? `${broken.datasetId}@${String(broken.version)}` : '-',
        })
      : ctx.out.text(`cli.auditProblem.${result.problem}`, {});
  return `${at}: ${why}`;
}
