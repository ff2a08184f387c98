import type { CallContext } from '../api/caller.js';
import { renderMessage } from '../api/messages.js';
import type { DatasetId } from '../core/model/index.js';
import type { CatalogueTx } from '../core/ports/index.js';
import type { ServiceDeps } from './deps.js';

/**
 * A new public version supersedes the ones before it (ADR 0183): every public version of `sourceId`
 * still in use is withdrawn through the standing mechanism (ADR 0171), the reason naming its
 * successor in the archive language, with an audit entry each. Called inside the write that stores
 * `successor`, so the catalogue never holds two public versions of one original in use.
 */
export async function supersedePublicVersions(
  deps: ServiceDeps,
  tx: CatalogueTx,
  ctx: CallContext,
  sourceId: DatasetId,
  successor: DatasetId,
): Promise<void> {
  const reason = renderMessage('publicVersion.superseded', { id: successor }, 'zh-CN');
  for (const id of await deps.store.derivedFrom(sourceId)) {
    if (id === successor) continue;
    const row = await deps.store.getDataset(id);
    if (row === null || (row.standing?.standing ?? 'active') !== 'active') continue;
    await tx.setStanding(id, { standing: 'withdrawn', reason, by: ctx.user });
    await tx.appendAudit({
      actor: ctx.user,
      action: 'datasets.withdraw',
      subject: id,
      details: { from: 'active', to: 'withdrawn', reason, supersededBy: successor },
    });
  }
}
