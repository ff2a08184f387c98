import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, link, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../api/errors.js';
import type { JobOptions, ObjectStore, PutResult } from '../../core/ports/index.js';

/**
 * The object store on the local disk: `<root>/objects/<first 2 hex>/<remaining 62 hex>`, mode 0444.
 * Objects are written to `<root>/tmp`, fsynced and hard-linked into place, so a key never names
 * partial or replaced bytes.
 */
export interface LocalObjectStore extends ObjectStore {
  readonly root: string;
}

const KEY = /^[0-9a-f]{64}$/;

function errCode(err: unknown): string | undefined {
  return err instanceof Error ? ((err as Error & { code?: string }).code ?? undefined) : undefined;
}

/** Makes a rename/link durable: fsync of the directory entry (not possible on Windows). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function openObjectStore(dir: string): Promise<LocalObjectStore> {
  const root = path.resolve(dir);
  const objectsDir = path.join(root, 'objects');
  const tmpDir = path.join(root, 'tmp');
  await mkdir(objectsDir, { recursive: true, mode: 0o700 });
  // Leftovers of an interrupted put are never referenced by any key.
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });

  const pathOf = (key: string): string => {
    if (!KEY.test(key)) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.objectKey' });
    return path.join(objectsDir, key.slice(0, 2), key.slice(2));
  };

  const tempName = (): string => path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);

  /** Moves a finished, fsynced temp file to its key; an existing object wins (write-once). */
  const commit = async (tmp: string, sha256: string, size: number): Promise<PutResult> => {
    const target = pathOf(sha256);
    const existing = await stat(target).catch(() => null);
    if (existing) {
      await unlink(tmp);
      if (existing.size !== size) {
        throw new StrataError('CORRUPT_FILE', {
          file: sha256.slice(0, 12),
          problem: 'problem.storedObjectSize',
        });
      }
      return { key: sha256, sha256, size };
    }
    await chmod(tmp, 0o444);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    try {
      // link() never replaces an existing name, unlike rename().
      await link(tmp, target);
      await unlink(tmp);
    } catch (err) {
      const code = errCode(err);
      if (code === 'EEXIST') {
        await unlink(tmp);
      } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
        // File systems without hard links (FAT, some network shares).
        await rename(tmp, target);
      } else {
        throw err;
      }
    }
    await syncDir(path.dirname(target));
    return { key: sha256, sha256, size };
  };

  const putFile = async (srcPath: string, opts: JobOptions = {}): Promise<PutResult> => {
    const name = path.basename(srcPath);
    const source = await stat(srcPath).catch(() => null);
    if (!source?.isFile()) throw new StrataError('FILE_NOT_FOUND', { file: name });
    const tmp = tempName();
    const out = await open(tmp, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    try {
      const stream = createReadStream(srcPath, { highWaterMark: 1 << 20 });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        // Leaving the loop destroys the stream; the catch below reports CANCELLED.
        if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
        hash.update(chunk);
        await out.write(chunk);
        size += chunk.length;
        opts.onProgress?.(size, source.size);
      }
      await out.sync();
      await out.close();
    } catch (err) {
      await out.close().catch(() => undefined);
      await rm(tmp, { force: true });
      if (opts.signal?.aborted === true) throw new StrataError('CANCELLED');
      if (errCode(err) === 'ENOENT' || errCode(err) === 'EACCES')
        throw new StrataError('FILE_NOT_FOUND', { file: name });
      throw err;
    }
    return commit(tmp, hash.digest('hex'), size);
  };

  const putBytes = async (bytes: Uint8Array): Promise<PutResult> => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await stat(pathOf(sha256)).catch(() => null);
    if (existing?.size === bytes.length) return { key: sha256, sha256, size: bytes.length };
    return commit(await writeTemp(bytes), sha256, bytes.length);
  };

  const writeTemp = async (bytes: Uint8Array): Promise<string> => {
    const tmp = tempName();
    const out = await open(tmp, 'wx', 0o600);
    try {
      await out.write(bytes);
      await out.sync();
    } finally {
      await out.close();
    }
    return tmp;
  };

  return {
    root,
    putFile,
    putBytes,
    pathOf,
    async has(key: string): Promise<boolean> {
      if (!KEY.test(key)) return false;
      return (await stat(pathOf(key)).catch(() => null))?.isFile() ?? false;
    },
  };
}
