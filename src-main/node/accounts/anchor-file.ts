import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AccountsEnabled } from '../../core/accounts/account.js';
import type { AccountsAnchor } from '../../core/ports/index.js';
import { isErrnoException, syncDirectory, writeNewFileDurably } from '../fs/durable-fs.js';

export const ANCHOR_FILE = 'accounts-enabled.json';

/** Reads a stored marker's fields, or returns a marker no certificate matches when they are not strings. */
function markerOf(value: unknown): AccountsEnabled {
  const v = (value ?? {}) as Partial<Record<keyof AccountsEnabled, unknown>>;
  const text = (x: unknown): string => (typeof x === 'string' ? x : '');
  return { enabledAt: text(v.enabledAt), enabledBy: text(v.enabledBy), certificate: text(v.certificate) };
}

/** The anchor as a file in the key directory (`keys/accounts-enabled.json`), written temp + fsync + rename. */
export function fileAnchor(keyDir: string): AccountsAnchor {
  const file = join(keyDir, ANCHOR_FILE);
  return {
    async read() {
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        if (isErrnoException(error) && error.code === 'ENOENT') return null;
        throw error;
      });
      if (text === null) return null;
      try {
        return markerOf(JSON.parse(text));
      } catch {
        return markerOf(null);
      }
    },
    async write(marker) {
      const temp = join(keyDir, `.${ANCHOR_FILE}.${String(process.pid)}.${String(Date.now())}.tmp`);
      await writeNewFileDurably(temp, Buffer.from(`${JSON.stringify(marker, null, 2)}\n`, 'utf8'), 0o600);
      await rename(temp, file);
      await syncDirectory(dirname(file));
    },
  };
}
