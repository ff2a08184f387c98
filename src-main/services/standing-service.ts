import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { DatasetDetail } from '../api/types.js';
import { nextStanding, standingKey, type StandingAction } from '../core/catalogue/standing.js';
import type { DatasetId } from '../core/model/index.js';
import { getDataset } from './catalogue-service.js';
import type { ServiceDeps } from './deps.js';
import { requireDataset } from './lookup.js';

/**
 * Withdraws, archives or restores a dataset (ADR 0171): the record keeps why, the audit log who.
 * Nothing is deleted: the dataset row, its versions and its stored files stay as they are.
 */
export async function changeStanding(
  deps: ServiceDeps,
  ctx: CallContext,
  id: DatasetId,
  action: StandingAction,
  reason: string,
): Promise<DatasetDetail> {
  const why = reason.trim();
  if (why === '') throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.reasonRequired' });
  await deps.store.write(async (tx) => {
    // Read inside the write: writes run one at a time, so the standing cannot change meanwhile.
    const row = await requireDataset(deps, id);
    const from = row.standing?.standing ?? 'active';
    const to = nextStanding(from, action);
    if (to === null)
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.standingMove',
        state: standingKey(from),
        action: `standing.action.${action}`,
      });
    await tx.setStanding(id, { standing: to, reason: why, by: ctx.user });
    await tx.appendAudit({
      actor: ctx.user,
      action: `datasets.${action}`,
      subject: id,
      details: { from, to, reason: why },
    });
  });
  return getDataset(deps, id);
}
