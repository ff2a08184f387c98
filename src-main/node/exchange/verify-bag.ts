import { createHash, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  BAG_INFO_LABELS,
  BAG_INFO_NAME,
  BAGIT_TXT_NAME,
  bagitDeclarationProblems,
  completenessProblems,
  ED25519_SIGNATURE_BYTES,
  isDataPath,
  MANIFEST_NAME,
  parseBagInfo,
  parseManifest,
  pathSetProblems,
  payloadOxum,
  showPath,
  SIGNATURE_NAME,
  TAG_MANIFEST_NAME,
  unlistedDirectories,
} from '../../core/exchange/index.js';
import { bagProblem, type BagProblem, type ManifestEntry } from '../../core/exchange/index.js';
import { StrataError } from '../../api/errors.js';
import { VERIFY_STEPS, type BagLimits, type VerifyResult } from '../../core/model/index.js';
import { isErrnoException } from '../fs/durable-fs.js';
import { readSmallFile, sha256File } from './hash-file.js';
import { publicKeyFingerprint } from './keystore.js';
import { walkBag } from './walk-bag.js';
import type { BagTree } from './walk-bag.js';

/** Tag files are read whole; a hostile bag cannot make verify allocate more than this per file. */
export const TAG_FILE_LIMIT = 64 << 20;
const SKIPPED = bagProblem('bag.skipped');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A tag file read once: every step works on these same bytes (no re-read between steps). */
type TagRead = { bytes: Buffer; text: string } | { problem: BagProblem } | null;

async function readTag(root: string, tree: BagTree, name: string): Promise<TagRead> {
  if (!tree.files.has(name)) return null;
  const bytes = await readSmallFile(join(root, name), TAG_FILE_LIMIT);
  if (bytes === 'too-large')
    return { problem: bagProblem('bag.tagTooLarge', { path: name, max: TAG_FILE_LIMIT }) };
  try {
    return { bytes, text: utf8.decode(bytes) };
  } catch {
    return { problem: bagProblem('bag.tagNotUtf8', { path: name }) };
  }
}

interface Context {
  readonly root: string;
  readonly tree: BagTree;
  readonly manifest: readonly ManifestEntry[];
  readonly tagManifest: readonly ManifestEntry[];
  readonly tags: ReadonlyMap<string, TagRead>;
  readonly keyPems: readonly string[];
  readonly limits: BagLimits | null;
}

function pathsStep(ctx: Context, parseProblems: readonly BagProblem[]): BagProblem[] {
  const { tree } = ctx;
  const problems: BagProblem[] = [];
  if (tree.truncated) problems.push(bagProblem('bag.tooDeep'));
  for (const link of tree.symlinks) problems.push(bagProblem('bag.symlink', { path: showPath(link) }));
  for (const entry of tree.special) problems.push(bagProblem('bag.special', { path: showPath(entry) }));
  const leaves = new Set([
    ...tree.files.keys(),
    ...tree.symlinks,
    ...tree.special,
    ...ctx.manifest.map((e) => e.path),
    ...ctx.tagManifest.map((e) => e.path),
  ]);
  problems.push(...pathSetProblems([...leaves], tree.directories), ...parseProblems);
  return problems;
}

function sizeProblems(tree: BagTree, limits: BagLimits): BagProblem[] {
  const problems: BagProblem[] = [];
  let bytes = 0;
  for (const [path, size] of tree.files) {
    bytes += size;
    if (size > limits.maxFileBytes)
      problems.push(bagProblem('bag.fileTooLarge', { path: showPath(path), max: limits.maxFileBytes }));
  }
  if (bytes > limits.maxPayloadBytes)
    problems.push(bagProblem('bag.payloadTooLarge', { bytes, max: limits.maxPayloadBytes }));
  if (tree.files.size > limits.maxFiles)
    problems.push(bagProblem('bag.tooManyFiles', { files: tree.files.size, max: limits.maxFiles }));
  return problems;
}

function completeStep(ctx: Context): BagProblem[] {
  const problems = completenessProblems({
    files: [...ctx.tree.files.keys()],
    manifest: ctx.manifest.map((e) => e.path),
    tagManifest: ctx.tagManifest.map((e) => e.path),
  });
  const listed = [...ctx.manifest.map((e) => e.path), ...ctx.tagManifest.map((e) => e.path)];
  for (const dir of unlistedDirectories(ctx.tree.directories, listed)) {
    problems.push(bagProblem('bag.unlistedDirectory', { path: showPath(`${dir}/`) }));
  }
  const declaration = ctx.tags.get(BAGIT_TXT_NAME);
  if (declaration && 'text' in declaration) problems.push(...bagitDeclarationProblems(declaration.text));
  const info = ctx.tags.get(BAG_INFO_NAME);
  if (info && 'text' in info) {
    const parsed = parseBagInfo(info.text);
    problems.push(...parsed.problems);
    const oxum = parsed.entries.find(([label]) => label === BAG_INFO_LABELS.payloadOxum)?.[1];
    let bytes = 0;
    let count = 0;
    for (const [path, size] of ctx.tree.files) {
      if (isDataPath(path)) {
        bytes += size;
        count += 1;
      }
    }
    if (oxum !== undefined && oxum !== payloadOxum(bytes, count)) {
      problems.push(bagProblem('bag.payloadOxum', { path: BAG_INFO_NAME, files: count, bytes }));
    }
  }
  if (ctx.limits) problems.push(...sizeProblems(ctx.tree, ctx.limits));
  return problems;
}

async function checksumsStep(ctx: Context): Promise<BagProblem[]> {
  const problems: BagProblem[] = [];
  const check = async (listedIn: string, entry: ManifestEntry): Promise<void> => {
    const held = ctx.tags.get(entry.path);
    const actual =
      held && 'bytes' in held
        ? createHash('sha256').update(held.bytes).digest('hex')
        : await sha256File(join(ctx.root, entry.path));
    if (actual !== entry.sha256)
      problems.push(bagProblem('bag.checksum', { path: showPath(entry.path), manifest: listedIn }));
  };
  for (const entry of ctx.tagManifest) await check(TAG_MANIFEST_NAME, entry);
  for (const entry of ctx.manifest) await check(MANIFEST_NAME, entry);
  return problems;
}

function trustedKeys(pems: readonly string[]): KeyObject[] | BagProblem {
  if (pems.length === 0) return bagProblem('bag.noTrustedKey');
  const keys: KeyObject[] = [];
  for (const pem of pems) {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch {
      return bagProblem('bag.keyNotPem');
    }
    if (key.asymmetricKeyType !== 'ed25519') return bagProblem('bag.keyNotEd25519');
    keys.push(key);
  }
  return keys;
}

/** The signature step: its problems, and the fingerprint of the key it verified with. */
async function signatureStep(ctx: Context): Promise<{ problems: BagProblem[]; signer: string | null }> {
  const failed = (problem: BagProblem) => ({ problems: [problem], signer: null });
  const keys = trustedKeys(ctx.keyPems);
  if (!Array.isArray(keys)) return failed(keys);
  if (!ctx.tree.files.has(SIGNATURE_NAME)) return failed(bagProblem('bag.missing', { path: SIGNATURE_NAME }));
  const signature = await readSmallFile(join(ctx.root, SIGNATURE_NAME), ED25519_SIGNATURE_BYTES);
  if (signature === 'too-large' || signature.length !== ED25519_SIGNATURE_BYTES) {
    return failed(bagProblem('bag.signatureSize', { path: SIGNATURE_NAME, bytes: ED25519_SIGNATURE_BYTES }));
  }
  const signed = ctx.tags.get(TAG_MANIFEST_NAME);
  if (!signed || !('bytes' in signed))
    return failed(bagProblem('bag.unreadable', { path: TAG_MANIFEST_NAME }));
  const key = keys.find((k) => verify(null, signed.bytes, k, signature));
  return key
    ? { problems: [], signer: publicKeyFingerprint(key) }
    : failed(bagProblem('bag.signatureInvalid', { path: SIGNATURE_NAME, manifest: TAG_MANIFEST_NAME }));
}

/**
 * Verifies a bag in the receiving side's order (DOMAIN.md): paths → complete → checksums →
 * signature. Each step lists its problems (file names, never contents); once a step fails the
 * later ones are reported as skipped. Nothing is followed through a symbolic link, and the
 * signature is checked only with the keys given (one, or the receiving side's pinned keys: any of
 * them) — the key shipped in the bag is ignored. With `limits`, files and payload over them fail
 * the completeness step before anything is hashed. Throws FILE_NOT_FOUND when `bagPath` does not exist.
 */
export async function verifyBag(
  bagPath: string,
  keys: string | null | readonly string[],
  limits: BagLimits | null = null,
): Promise<VerifyResult> {
  const rootInfo = await lstat(bagPath).catch((error: unknown) => {
    if (isErrnoException(error) && error.code === 'ENOENT')
      throw new StrataError('FILE_NOT_FOUND', { file: basename(bagPath) });
    throw error;
  });
  if (!rootInfo.isDirectory()) {
    const problem = bagProblem(rootInfo.isSymbolicLink() ? 'bag.rootSymlink' : 'bag.rootNotDirectory');
    return finish(bagPath, [[problem]], null);
  }
  const tree = await walkBag(bagPath);
  const tags = new Map<string, TagRead>();
  const parseProblems: BagProblem[] = [];
  // Reading a tag file that is really a symlink is refused by O_NOFOLLOW; the walk reports it.
  for (const name of [TAG_MANIFEST_NAME, MANIFEST_NAME, BAGIT_TXT_NAME, BAG_INFO_NAME]) {
    const read = await readTag(bagPath, tree, name);
    tags.set(name, read);
    if (read && 'problem' in read) parseProblems.push(read.problem);
  }
  const parsed = (name: string): readonly ManifestEntry[] => {
    const read = tags.get(name);
    if (!read || !('text' in read)) return [];
    const result = parseManifest(name, read.text);
    parseProblems.push(...result.problems);
    return result.entries;
  };
  const ctx: Context = {
    root: bagPath,
    tree,
    manifest: parsed(MANIFEST_NAME),
    tagManifest: parsed(TAG_MANIFEST_NAME),
    tags,
    keyPems: keys === null ? [] : typeof keys === 'string' ? [keys] : keys,
    limits,
  };

  const results: BagProblem[][] = [];
  results.push(pathsStep(ctx, parseProblems));
  if (results.every((p) => p.length === 0)) results.push(completeStep(ctx));
  if (results.every((p) => p.length === 0)) results.push(await checksumsStep(ctx));
  let signer: string | null = null;
  if (results.every((p) => p.length === 0)) {
    const signature = await signatureStep(ctx);
    results.push(signature.problems);
    signer = signature.signer;
  }
  return finish(bagPath, results, signer);
}

function finish(bag: string, results: readonly BagProblem[][], signer: string | null): VerifyResult {
  const checks = VERIFY_STEPS.map((step, index) => {
    const problems = results[index];
    return problems === undefined
      ? { step, ok: false, problems: [SKIPPED] }
      : { step, ok: problems.length === 0, problems };
  });
  return { ok: checks.every((c) => c.ok), bag, checks, signer };
}
