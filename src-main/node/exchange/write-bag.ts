import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  BAG_INFO_NAME,
  BAGIT_TXT,
  BAGIT_TXT_NAME,
  bagInfoEntries,
  bagInfoEntryProblems,
  bagPlanProblems,
  dataPath,
  ED25519_SIGNATURE_BYTES,
  formatManifest,
  MANIFEST_NAME,
  payloadOxum,
  PUBLIC_KEY_NAME,
  renderBagInfo,
  SIGNATURE_NAME,
  TAG_MANIFEST_NAME,
  WRITER_LABELS,
} from '../../core/exchange/index.js';
import { bagProblem, type ManifestEntry } from '../../core/exchange/index.js';
import { StrataError } from '../../api/errors.js';
import type { WriteBagOptions, WriteBagResult } from '../../core/ports/index.js';
import { isErrnoException, syncDirectory, writeNewFileDurably } from '../fs/durable-fs.js';
import { copyAndHash, throwIfCancelled } from './hash-copy.js';

export const BAG_SOFTWARE_AGENT = 'Strata (BagIt 1.0, Ed25519-signed tag manifest)';

const localDate = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

function checkArguments(opts: WriteBagOptions): void {
  const names = [...opts.payload.map((p) => p.name), ...opts.generated.map((g) => g.name)];
  const problems = bagPlanProblems(opts.bagName, names);
  for (const [label, value] of Object.entries(opts.bagInfo)) {
    if (WRITER_LABELS.includes(label)) problems.push(bagProblem('bag.infoLabelReserved', { label }));
    problems.push(...bagInfoEntryProblems([label, value]));
  }
  // The first problem names the cause; the count says whether there is more to fix.
  const first = problems[0];
  if (first !== undefined) {
    throw new StrataError('INVALID_ARGUMENT', {
      detail: first.key,
      ...first.params,
      problems: problems.length,
    });
  }
}

async function assertAbsent(target: string, bagName: string): Promise<void> {
  const found = await lstat(target).then(
    () => true,
    (error: unknown) => {
      if (isErrnoException(error) && error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (found) throw new StrataError('EXPORT_REFUSED', { reason: 'reason.bagExists', file: bagName });
}

async function payloadSizes(payload: WriteBagOptions['payload']): Promise<number[]> {
  return Promise.all(
    payload.map(async ({ sourcePath }) => {
      const info = await stat(sourcePath).catch(() => null);
      if (!info?.isFile()) throw new StrataError('FILE_NOT_FOUND', { file: basename(sourcePath) });
      return info.size;
    }),
  );
}

/** Parent directories of the payload names, shallowest first, as bag-relative paths. */
function payloadDirectories(names: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const name of names) {
    const parts = dataPath(name).split('/');
    for (let i = 1; i < parts.length; i += 1) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs].sort((a, b) => a.split('/').length - b.split('/').length);
}

/**
 * Writes a signed BagIt bag `outDir/bagName` (layout: docs/adr/0030): payload copied and hashed
 * in one streamed pass (each copy must hash as the caller says) and inspected by the caller, then manifest, bag-info (with Payload-Oxum), bagit.txt, the signer's
 * public key, the tag manifest and its detached Ed25519 signature. Everything is built in
 * `outDir/.<bagName>.partial-XXXXXX`, fsynced, and renamed into place; on any error or
 * cancellation (StrataError CANCELLED) the partial directory is removed. Refuses an existing target
 * (EXPORT_REFUSED) and unsafe names (INVALID_ARGUMENT).
 */
export async function writeBag(opts: WriteBagOptions): Promise<WriteBagResult> {
  checkArguments(opts);
  throwIfCancelled(opts.signal);
  const outInfo = await stat(opts.outDir).catch(() => null);
  if (!outInfo?.isDirectory()) throw new StrataError('FILE_NOT_FOUND', { file: basename(opts.outDir) });
  const target = join(opts.outDir, opts.bagName);
  await assertAbsent(target, opts.bagName);

  const sizes = await payloadSizes(opts.payload);
  const generated = opts.generated.map((g) => ({
    name: g.name,
    bytes: typeof g.content === 'string' ? Buffer.from(g.content, 'utf8') : g.content,
  }));
  const totalBytes = sizes.reduce((a, b) => a + b, 0) + generated.reduce((a, g) => a + g.bytes.length, 0);
  let doneBytes = 0;
  const progress = (bytes: number): void => {
    doneBytes += bytes;
    opts.onProgress?.(doneBytes, totalBytes);
  };

  const temp = await mkdtemp(join(opts.outDir, `.${opts.bagName}.partial-`));
  try {
    const allNames = [...opts.payload.map((p) => p.name), ...generated.map((g) => g.name)];
    const dirs = payloadDirectories(allNames);
    for (const dir of dirs) await mkdir(join(temp, dir));

    const manifest: ManifestEntry[] = [];
    let payloadBytes = 0;
    for (const item of opts.payload) {
      const copied = await copyAndHash(item.sourcePath, join(temp, dataPath(item.name)), {
        signal: opts.signal,
        onBytes: progress,
      });
      if (copied.sha256 !== item.sha256)
        throw new StrataError('EXPORT_REFUSED', {
          reason: 'reason.payloadAltered',
          file: basename(item.name),
        });
      manifest.push({ sha256: copied.sha256, path: dataPath(item.name) });
      payloadBytes += copied.bytes;
    }
    await opts.inspectPayload?.(join(temp, 'data'));
    for (const item of generated) {
      throwIfCancelled(opts.signal);
      await writeNewFileDurably(join(temp, dataPath(item.name)), item.bytes);
      manifest.push({ sha256: sha256Hex(item.bytes), path: dataPath(item.name) });
      payloadBytes += item.bytes.length;
      progress(item.bytes.length);
    }
    throwIfCancelled(opts.signal);

    const entries = bagInfoEntries(opts.bagInfo, {
      today: localDate(new Date()),
      payloadOxum: payloadOxum(payloadBytes, manifest.length),
      agent: BAG_SOFTWARE_AGENT,
      signerFingerprint: opts.signer.fingerprint(),
    });
    const tagFiles: [string, Buffer][] = [
      [BAGIT_TXT_NAME, Buffer.from(BAGIT_TXT, 'utf8')],
      [BAG_INFO_NAME, Buffer.from(renderBagInfo(entries), 'utf8')],
      [MANIFEST_NAME, Buffer.from(formatManifest(manifest), 'utf8')],
      [PUBLIC_KEY_NAME, Buffer.from(opts.signer.publicKeyPem(), 'utf8')],
    ];
    for (const [name, bytes] of tagFiles) await writeNewFileDurably(join(temp, name), bytes);
    const tagManifest = Buffer.from(
      formatManifest(tagFiles.map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes) }))),
      'utf8',
    );
    await writeNewFileDurably(join(temp, TAG_MANIFEST_NAME), tagManifest);
    const signature = opts.signer.sign(tagManifest);
    if (signature.length !== ED25519_SIGNATURE_BYTES)
      throw new StrataError('INTERNAL', { ref: 'signature-length' });
    await writeNewFileDurably(join(temp, SIGNATURE_NAME), signature);

    for (const dir of [...dirs].reverse()) await syncDirectory(join(temp, dir));
    await syncDirectory(temp);
    throwIfCancelled(opts.signal);
    await assertAbsent(target, opts.bagName);
    await rename(temp, target);
    await syncDirectory(dirname(target));
    return {
      bag: target,
      files: manifest.length,
      bytes: payloadBytes,
      signatureFile: join(target, SIGNATURE_NAME),
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
