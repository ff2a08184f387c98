import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BAG_INFO_NAME,
  MANIFEST_NAME,
  parseBagInfo,
  parseManifest,
  TAG_MANIFEST_NAME,
  type BagInfoEntry,
} from '../../core/exchange/index.js';
import type { BagLimits } from '../../core/model/index.js';
import type { JobOptions, StagedBag } from '../../core/ports/index.js';
import { copyAndHash } from './hash-copy.js';
import { readSmallFile, sha256File } from './hash-file.js';
import { TAG_FILE_LIMIT, verifyBag } from './verify-bag.js';
import { walkBag } from './walk-bag.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readText(path: string): Promise<string> {
  const bytes = await readSmallFile(path, TAG_FILE_LIMIT);
  return bytes === 'too-large' ? '' : utf8.decode(bytes);
}

/**
 * Copies a bag that verified in place into a fresh private directory under `workDir` (regular
 * files only, never through a link, each fsynced) and verifies the copy again with the same keys
 * and limits: whatever the sender's side does to the original after the first check, everything
 * the receiver reads from here on is the copy, and the copy is what the signature covers. Progress
 * in bytes copied; cancelling removes the copy.
 */
export async function stageBag(
  bagPath: string,
  workDir: string,
  keys: readonly string[],
  limits: BagLimits,
  options: JobOptions = {},
): Promise<StagedBag> {
  const dir = await mkdtemp(join(workDir, 'receive-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const tree = await walkBag(bagPath);
    for (const sub of tree.directories) await mkdir(join(dir, sub), { recursive: true });
    const total = [...tree.files.values()].reduce((sum, size) => sum + size, 0);
    let done = 0;
    for (const path of tree.files.keys()) {
      await copyAndHash(join(bagPath, path), join(dir, path), {
        signal: options.signal,
        onBytes: (bytes) => {
          done += bytes;
          options.onProgress?.(done, total);
        },
      });
    }
    const verify = await verifyBag(dir, keys, limits);
    const bagInfo: readonly BagInfoEntry[] = verify.ok
      ? parseBagInfo(await readText(join(dir, BAG_INFO_NAME))).entries
      : [];
    const payload = verify.ok
      ? parseManifest(MANIFEST_NAME, await readText(join(dir, MANIFEST_NAME))).entries
      : [];
    const tagManifestSha256 = verify.ok ? await sha256File(join(dir, TAG_MANIFEST_NAME)) : null;
    return { dir, verify, bagInfo, payload, tagManifestSha256, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
