import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BagSigner } from '../../src-main/core/ports/index.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(root, path)));
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

const manifestOf = async (bag: string, paths: readonly string[]): Promise<string> =>
  (await Promise.all(paths.map(async (p) => `${sha256(await readFile(join(bag, p)))}  ${p}\n`))).join('');

/**
 * What an attacker holding `signer`'s key (or a sender with a bug) would write: the manifests,
 * Payload-Oxum and the signature made to match the bag as it now is, so a check further down the
 * receiving order is what has to refuse it. Regular files only; links and odd names are left as
 * they are (the walk of the receiving side finds them).
 */
export async function resignBag(bag: string, signer: BagSigner): Promise<void> {
  const all = await filesUnder(bag);
  const data = all.filter((p) => p.startsWith('data/'));
  let bytes = 0;
  for (const p of data) bytes += (await readFile(join(bag, p))).length;
  const infoPath = join(bag, 'bag-info.txt');
  const info = await readFile(infoPath, 'utf8');
  await writeFile(infoPath, info.replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${bytes}.${data.length}`));
  await writeFile(join(bag, 'manifest-sha256.txt'), await manifestOf(bag, data));
  const tags = all.filter(
    (p) => !p.startsWith('data/') && p !== 'tagmanifest-sha256.txt' && p !== 'tagmanifest-sha256.txt.sig',
  );
  const tagManifest = await manifestOf(bag, tags);
  await writeFile(join(bag, 'tagmanifest-sha256.txt'), tagManifest);
  await writeFile(join(bag, 'tagmanifest-sha256.txt.sig'), signer.sign(Buffer.from(tagManifest, 'utf8')));
}

/** Replaces `pattern` in a bag's text file. */
export async function editBagFile(
  bag: string,
  file: string,
  pattern: RegExp,
  replacement: string,
): Promise<void> {
  const path = join(bag, file);
  await writeFile(path, (await readFile(path, 'utf8')).replace(pattern, replacement));
}
