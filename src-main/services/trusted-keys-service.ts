import type { CallContext } from '../api/caller.js';
import type { TrustedKeyView } from '../api/types.js';
import type { ServiceDeps } from './deps.js';

/**
 * Pins a sending workstation's key (`strata keys trust PEM`): kept beside the workstation key, out
 * of the catalogue's reach; the audit log says who pinned which fingerprint.
 */
export async function trustKey(
  deps: ServiceDeps,
  ctx: CallContext,
  pem: string,
): Promise<TrustedKeyView & { added: boolean }> {
  const { key, added } = await deps.trustedKeys.pin(pem);
  if (added)
    await deps.store.write((tx) =>
      tx.appendAudit({
        actor: ctx.user,
        action: 'keys.trust',
        subject: `key:${key.fingerprint}`,
        details: { fingerprint: key.fingerprint },
      }),
    );
  return { ...key, added };
}
