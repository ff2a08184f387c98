import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LedgerHead } from '../../core/ports/index.js';
import { syncDirectory } from '../fs/durable-fs.js';
import type { LedgerKey } from './ledger-key.js';

const headMacText = (h: LedgerHead): string =>
  `head|${String(h.audit.seq)}|${h.audit.hash}|${String(h.versions.seq)}|${h.versions.hash}`;

const HEX64 = /^[0-9a-f]{64}$/;

function tailOf(value: unknown): { seq: number; hash: string } | null {
  if (value === null || typeof value !== 'object') return null;
  const { seq, hash } = value as { seq?: unknown; hash?: unknown };
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return null;
  return { seq, hash };
}

/** The head file's content: both tails and their key, one JSON object. */
export function headFileText(head: LedgerHead, key: LedgerKey): string {
  return `${JSON.stringify({ v: 1, audit: head.audit, versions: head.versions, mac: key.mac(headMacText(head)) })}\n`;
}

/**
 * Reads the head kept outside the catalogue: `missing` when there is no file, `invalid` when it
 * does not parse or its key is wrong (an edited or foreign head is no anchor).
 */
export async function readHeadFile(
  file: string,
  key: LedgerKey,
): Promise<LedgerHead | 'missing' | 'invalid'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  if (parsed === null || typeof parsed !== 'object') return 'invalid';
  const { audit, versions, mac } = parsed as { audit?: unknown; versions?: unknown; mac?: unknown };
  const a = tailOf(audit);
  const v = tailOf(versions);
  if (!a || !v || typeof mac !== 'string') return 'invalid';
  const head: LedgerHead = { audit: a, versions: v };
  return key.mac(headMacText(head)) === mac ? head : 'invalid';
}

/** Writes the head durably: a temp file beside it, fsync, rename over, fsync of the directory. */
export async function writeHeadFile(file: string, key: LedgerKey, head: LedgerHead): Promise<void> {
  const tmp = `${file}.${String(process.pid)}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(headFileText(head, key), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}
