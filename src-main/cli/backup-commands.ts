import path from 'node:path';
import type { BackupResult } from '../api/types.js';
import { call, need, type CommandContext } from './command-context.js';

// `backup FILE` and `restore FILE` (ADR 0185): an administrator's acts, audited.

type Command = (ctx: CommandContext) => Promise<number>;

const DATASET_ID = /^ds_[0-9a-f]{16}$/;

async function restoreFile(ctx: CommandContext): Promise<number> {
  const file = path.resolve(need(ctx, 1, 'FILE'));
  const result = await call<BackupResult>(ctx, 'catalogue.restore', { file });
  ctx.out.result(result, () => ctx.out.text('cli.restored', { file: result.file }));
  return 0;
}

/** `restore ID --reason` brings a dataset back (ADR 0171); `restore FILE` restores the catalogue. */
export const catalogueRestoreOr =
  (datasetRestore: Command): Command =>
  (ctx) =>
    DATASET_ID.test(ctx.positionals[1] ?? '') ? datasetRestore(ctx) : restoreFile(ctx);

export const BACKUP_COMMANDS: Readonly<Record<string, Command>> = {
  async backup(ctx) {
    const file = path.resolve(need(ctx, 1, 'FILE'));
    const result = await call<BackupResult>(ctx, 'catalogue.backup', { file });
    ctx.out.result(result, () => ctx.out.text('cli.backedUp', { file: result.file }));
    return 0;
  },
};
