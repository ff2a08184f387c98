import path from 'node:path';
import type { CallContext } from '../api/caller.js';
import type { BackupResult } from '../api/types.js';
import type { ServiceDeps } from './deps.js';

/** An administrator's online backup of the catalogue into `file` (absolute), then audited. */
export async function backupCatalogue(
  deps: ServiceDeps,
  ctx: CallContext,
  file: string,
): Promise<BackupResult> {
  await deps.store.backup(file);
  const entry = await deps.store.write((tx) =>
    tx.appendAudit({
      actor: ctx.user,
      action: 'catalogue.backup',
      subject: null,
      details: { file: path.basename(file), actingRole: 'admin' },
    }),
  );
  return { file, auditSeq: entry.seq };
}

/**
 * An administrator's restore of the catalogue from a checked backup (ADR 0185); the restored log
 * then records who restored what. Refused (CORRUPT_FILE) with the live catalogue untouched when
 * the file is not a Strata catalogue this workstation keyed.
 */
export async function restoreCatalogue(
  deps: ServiceDeps,
  ctx: CallContext,
  file: string,
): Promise<BackupResult> {
  await deps.store.restore(file);
  const entry = await deps.store.write((tx) =>
    tx.appendAudit({
      actor: ctx.user,
      action: 'catalogue.restore',
      subject: null,
      details: { file: path.basename(file), actingRole: 'admin' },
    }),
  );
  return { file, auditSeq: entry.seq };
}
