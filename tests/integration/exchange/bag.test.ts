import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  appendFile,
  chmod,
  copyFile,
  cp,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import type { VerifyResult, VerifyStep } from '../../../src-main/api/types.js';
import { strataBagInfo } from '../../../src-main/core/exchange/index.js';
import { openKeystore, verifyBag, writeBag } from '../../../src-main/node/exchange/index.js';
import { textsOf } from '../../support/messages.js';
import type { BagSigner, WriteBagOptions } from '../../../src-main/core/ports/index.js';
import { fixture } from '../../fixtures/index.js';

const SAMPLES = [
  ['RGB.byte.tif', fixture(`raster/RGB.byte.tif`)],
  ['广西地质.gpkg', fixture(`chinese/gpkg/广西地质.gpkg`)],
  ['vector/矿区.kml', fixture(`chinese/kml/矿区.kml`)],
  ['vector/UN.json', fixture(`geojson/UN.json`)],
] as const;

let work: string;
let keys: BagSigner;
let otherKeys: BagSigner;
let template: string;
let sources: { name: string; sourcePath: string; sha256: string }[];

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function options(outDir: string, bagName: string, extra: Partial<WriteBagOptions> = {}): WriteBagOptions {
  return {
    outDir,
    bagName,
    payload: sources,
    generated: [
      { name: 'metadata/DZ-2025-0001.xml', content: '<gmd:MD_Metadata>公开</gmd:MD_Metadata>\n' },
      { name: 'metadata/DZ-2025-0001.json', content: new TextEncoder().encode('{"level":"公开"}\n') },
    ],
    bagInfo: strataBagInfo({
      sourceOrganization: '某省地质资料馆',
      baggingDate: '2025-11-22',
      externalIdentifier: 'DZ-2025-0001-GK',
      reviewId: 'rv-0001',
      reviewer: '李审查',
      approvalDate: '2025-11-21',
      auditHead: 'ab'.repeat(32),
    }),
    signer: keys,
    ...extra,
  };
}

/** A fresh copy of the good bag to tamper with. */
async function copyOfBag(name: string): Promise<string> {
  const bag = join(work, 'tamper', name);
  await cp(template, bag, { recursive: true });
  return bag;
}

const stepOf = (result: VerifyResult, step: VerifyStep) => result.checks.find((c) => c.step === step);

/** Asserts the first failing step is `step`, earlier ones passed, later ones were skipped. */
function expectFailsAt(result: VerifyResult, step: VerifyStep, problem: RegExp): void {
  expect(result.ok).toBe(false);
  const order: VerifyStep[] = ['paths', 'complete', 'checksums', 'signature'];
  const at = order.indexOf(step);
  order.forEach((s, i) => {
    const check = stepOf(result, s);
    if (i < at) expect(check, s).toMatchObject({ ok: true, problems: [] });
    if (i > at) expect(check, s).toMatchObject({ ok: false, problems: [{ key: 'bag.skipped', params: {} }] });
  });
  expect(stepOf(result, step)?.ok).toBe(false);
  expect(textsOf(stepOf(result, step)?.problems ?? []).join('\n')).toMatch(problem);
}

async function rewriteTagManifestFor(bag: string, file: string): Promise<void> {
  const path = join(bag, 'tagmanifest-sha256.txt');
  const text = await readFile(path, 'utf8');
  const digest = sha256(await readFile(join(bag, file)));
  await writeFile(path, text.replace(new RegExp(`^[0-9a-f]{64}  ${file}$`, 'm'), `${digest}  ${file}`));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'strata-exchange-'));
  const src = join(work, 'src');
  sources = [];
  for (const [name, from] of SAMPLES) {
    const to = join(src, name.replace('/', '__'));
    await cp(from, to);
    await chmod(to, 0o644);
    sources.push({ name, sourcePath: to, sha256: sha256(await readFile(to)) });
  }
  keys = await openKeystore(join(work, 'keys'));
  otherKeys = await openKeystore(join(work, 'other-keys'));
  const out = await mkdtemp(join(work, 'out-'));
  template = (await writeBag(options(out, 'DZ-2025-0001'))).bag;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('writeBag', () => {
  it('writes the RFC 8493 layout with a byte-identical payload and nothing left over', async () => {
    const out = await mkdtemp(join(work, 'out-'));
    const seen: number[] = [];
    const result = await writeBag(
      options(out, 'bag-a', { onProgress: (done, total) => seen.push(done / total) }),
    );
    expect(result.files).toBe(6);
    expect(result.signatureFile).toBe(join(out, 'bag-a', 'tagmanifest-sha256.txt.sig'));
    expect(seen.at(-1)).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['bag-a']);
    expect((await readdir(result.bag)).sort()).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'data',
      'manifest-sha256.txt',
      'strata-signer-public-key.pem',
      'tagmanifest-sha256.txt',
      'tagmanifest-sha256.txt.sig',
    ]);
    expect(await readFile(join(result.bag, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    let bytes = 0;
    for (const { name, sourcePath } of sources) {
      const original = await readFile(sourcePath);
      bytes += original.length;
      expect(sha256(await readFile(join(result.bag, 'data', name)))).toBe(sha256(original));
    }
    const generatedBytes =
      Buffer.byteLength('<gmd:MD_Metadata>公开</gmd:MD_Metadata>\n') +
      Buffer.byteLength('{"level":"公开"}\n');
    expect(result.bytes).toBe(bytes + generatedBytes);
    const info = await readFile(join(result.bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${result.bytes}.6\n`);
    expect(info).toContain('External-Identifier: DZ-2025-0001-GK\n');
    expect(info).toContain('Strata-Release-Level: 公开\n');
    expect(info).toContain(`Strata-Audit-Head: ${'ab'.repeat(32)}\n`);
    expect(info).toContain(`Strata-Signer-Fingerprint: ${keys.fingerprint()}\n`);
    expect((await stat(result.signatureFile)).size).toBe(64);
  });

  it('is read by sha256sum -c (manifest and tag manifest) and signed verifiably by openssl and node', async () => {
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const run = spawnSync('sha256sum', ['--strict', '-c', manifest], { cwd: template, encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/data\/vector\/矿区\.kml: OK|bag-info\.txt: OK/);
    }
    const tagManifest = await readFile(join(template, 'tagmanifest-sha256.txt'));
    const signature = await readFile(join(template, 'tagmanifest-sha256.txt.sig'));
    expect(verify(null, tagManifest, createPublicKey(keys.publicKeyPem()), signature)).toBe(true);
    const keyFile = join(work, 'trusted.pub.pem');
    await writeFile(keyFile, keys.publicKeyPem());
    const openssl = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        keyFile,
        '-rawin',
        '-in',
        join(template, 'tagmanifest-sha256.txt'),
        '-sigfile',
        join(template, 'tagmanifest-sha256.txt.sig'),
      ],
      { encoding: 'utf8' },
    );
    expect(openssl.stdout + openssl.stderr).toMatch(/Signature Verified Successfully/);
    expect(openssl.status).toBe(0);
  });

  it('percent-encodes a "%" in a payload name and still verifies', async () => {
    const out = await mkdtemp(join(work, 'out-'));
    const { bag } = await writeBag(
      options(out, 'percent', {
        payload: [],
        generated: [{ name: '说明/100% 完成.txt', content: '公开\n' }],
      }),
    );
    expect(await readFile(join(bag, 'manifest-sha256.txt'), 'utf8')).toBe(
      `${sha256(Buffer.from('公开\n'))}  data/说明/100%25 完成.txt\n`,
    );
    expect((await verifyBag(bag, keys.publicKeyPem())).ok).toBe(true);
  });

  it('refuses an existing target and unsafe names, creating nothing', async () => {
    const out = await mkdtemp(join(work, 'out-'));
    await writeFile(join(out, 'taken'), 'x');
    await expect(writeBag(options(out, 'taken'))).rejects.toMatchObject({
      code: 'EXPORT_REFUSED',
      params: { file: 'taken' },
    });
    await expect(
      writeBag(
        options(out, 'ok', {
          payload: [{ name: '../evil.tif', sourcePath: sources[0]?.sourcePath ?? '', sha256: '' }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(writeBag(options(out, 'ok', { bagInfo: { 'Payload-Oxum': '1.1' } }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      params: { detail: 'bag.infoLabelReserved', label: 'Payload-Oxum', problems: 1 },
    });
    await expect(
      writeBag(
        options(out, 'ok', {
          payload: [{ name: 'gone.tif', sourcePath: join(work, 'nope.tif'), sha256: '' }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      params: { file: 'nope.tif' },
    });
    expect(await readdir(out)).toEqual(['taken']);
  });

  it('cancels mid-copy with CANCELLED and removes the partial bag', async () => {
    const out = await mkdtemp(join(work, 'out-'));
    const controller = new AbortController();
    const big = sources.find((s) => s.name.endsWith('UN.json'));
    const run = writeBag(
      options(out, 'cancelled', {
        payload: big ? [big] : [],
        signal: controller.signal,
        onProgress: () => {
          controller.abort();
        },
      }),
    );
    await expect(run).rejects.toBeInstanceOf(StrataError);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(out)).toEqual([]);
  });
});

describe('verifyBag', () => {
  it('passes every step with the trusted key, naming it; any one of several pinned keys will do', async () => {
    const result = await verifyBag(template, keys.publicKeyPem());
    expect(await verifyBag(template, [otherKeys.publicKeyPem(), keys.publicKeyPem()])).toEqual(result);
    expect(result).toEqual({
      ok: true,
      bag: template,
      signer: keys.fingerprint(),
      checks: (['paths', 'complete', 'checksums', 'signature'] as const).map((step) => ({
        step,
        ok: true,
        problems: [],
      })),
    });
  });

  it('flipped payload byte: checksums', async () => {
    const bag = await copyOfBag('flip');
    const path = join(bag, 'data', 'RGB.byte.tif');
    const bytes = await readFile(path);
    bytes[1000] = (bytes[1000] ?? 0) ^ 0x01;
    await writeFile(path, bytes);
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'checksums',
      /"data\/RGB\.byte\.tif": SHA-256 differs from manifest-sha256\.txt/,
    );
  });

  it('file added to data/: complete', async () => {
    const bag = await copyOfBag('added');
    await writeFile(join(bag, 'data', 'extra.csv'), 'x,y\n');
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'complete',
      /"data\/extra\.csv": in data\/ but not in manifest/,
    );
  });

  it('file deleted: complete (also Payload-Oxum)', async () => {
    const bag = await copyOfBag('deleted');
    await unlink(join(bag, 'data', 'vector', '矿区.kml'));
    const result = await verifyBag(bag, keys.publicKeyPem());
    expectFailsAt(
      result,
      'complete',
      /"data\/vector\/矿区\.kml": listed in manifest-sha256\.txt but missing/,
    );
    expect(textsOf(stepOf(result, 'complete')?.problems ?? []).join()).toMatch(/Payload-Oxum/);
  });

  it('manifest edited: checksums via the tag manifest; with the tag manifest fixed up: signature', async () => {
    const bag = await copyOfBag('manifest');
    const path = join(bag, 'manifest-sha256.txt');
    const flipped = join(bag, 'data', 'RGB.byte.tif');
    const bytes = await readFile(flipped);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    await writeFile(flipped, bytes);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/^[0-9a-f]{64}(?= {2}data\/RGB\.byte\.tif$)/m, sha256(bytes)));
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'checksums',
      /"manifest-sha256\.txt": SHA-256 differs from tagmanifest-sha256\.txt/,
    );
    await rewriteTagManifestFor(bag, 'manifest-sha256.txt');
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'signature',
      /does not verify with the given public key/,
    );
  });

  it('bag-info edited: checksums; with the tag manifest fixed up: signature', async () => {
    const bag = await copyOfBag('baginfo');
    const path = join(bag, 'bag-info.txt');
    await writeFile(path, (await readFile(path, 'utf8')).replace('公开', '秘密'));
    expectFailsAt(await verifyBag(bag, keys.publicKeyPem()), 'checksums', /"bag-info\.txt": SHA-256 differs/);
    await rewriteTagManifestFor(bag, 'bag-info.txt');
    expectFailsAt(await verifyBag(bag, keys.publicKeyPem()), 'signature', /does not verify/);
  });

  it('re-signed by another key with its own key embedded: signature; the embedded key is never trusted', async () => {
    const bag = await copyOfBag('other-key');
    const tagManifest = await readFile(join(bag, 'tagmanifest-sha256.txt'));
    await writeFile(join(bag, 'tagmanifest-sha256.txt.sig'), otherKeys.sign(tagManifest));
    await writeFile(join(bag, 'strata-signer-public-key.pem'), otherKeys.publicKeyPem());
    await rewriteTagManifestFor(bag, 'strata-signer-public-key.pem');
    // Re-sign after the fix-up so the forged bag is self-consistent under the embedded key.
    await writeFile(
      join(bag, 'tagmanifest-sha256.txt.sig'),
      otherKeys.sign(await readFile(join(bag, 'tagmanifest-sha256.txt'))),
    );
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'signature',
      /does not verify with the given public key/,
    );
    expectFailsAt(await verifyBag(bag, null), 'signature', /no trusted public key/);
    expectFailsAt(await verifyBag(template, null), 'signature', /a key inside the bag is never used/);
    expect((await verifyBag(bag, otherKeys.publicKeyPem())).ok).toBe(true);
    expectFailsAt(await verifyBag(template, 'not a key'), 'signature', /not a PEM public key/);
  });

  it('truncated or missing signature: signature', async () => {
    const bag = await copyOfBag('sig-short');
    await appendFile(join(bag, 'tagmanifest-sha256.txt.sig'), Buffer.from([0]));
    expectFailsAt(await verifyBag(bag, keys.publicKeyPem()), 'signature', /not a 64-byte Ed25519 signature/);
    await unlink(join(bag, 'tagmanifest-sha256.txt.sig'));
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'signature',
      /tagmanifest-sha256\.txt\.sig: missing/,
    );
  });

  it('"../" entry in the manifest: paths', async () => {
    const bag = await copyOfBag('dotdot');
    await appendFile(join(bag, 'manifest-sha256.txt'), `${'0'.repeat(64)}  data/../../etc/passwd\n`);
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'paths',
      /"data\/\.\.\/\.\.\/etc\/passwd": parent-directory segment/,
    );
  });

  it('symbolic link inside the bag: paths, and it is not followed', async () => {
    const bag = await copyOfBag('symlink');
    await unlink(join(bag, 'data', 'RGB.byte.tif'));
    await symlink(sources[0]?.sourcePath ?? '', join(bag, 'data', 'RGB.byte.tif'));
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'paths',
      /"data\/RGB\.byte\.tif": symbolic link/,
    );
  });

  it('Windows reserved name: paths', async () => {
    const bag = await copyOfBag('reserved');
    await writeFile(join(bag, 'data', 'CON.txt'), 'x');
    expectFailsAt(
      await verifyBag(bag, keys.publicKeyPem()),
      'paths',
      /"data\/CON\.txt": Windows reserved device name/,
    );
  });

  it('case collision: paths', async () => {
    const bag = await copyOfBag('case');
    await copyFile(join(bag, 'data', 'RGB.byte.tif'), join(bag, 'data', 'rgb.BYTE.tif'));
    expectFailsAt(await verifyBag(bag, keys.publicKeyPem()), 'paths', /collides with/);
  });

  it('a missing bag is FILE_NOT_FOUND naming only its base name', async () => {
    await expect(verifyBag(join(work, 'no-such-bag'), keys.publicKeyPem())).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      params: { file: 'no-such-bag' },
    });
  });
});

describe('openKeystore', () => {
  it('creates an Ed25519 pair once (private 0600), reopens the same key, fingerprint = SHA-256 of DER SPKI', async () => {
    const dir = join(work, 'keys');
    const privateMode = (await stat(join(dir, 'strata-signing-key.pem'))).mode & 0o777;
    expect(privateMode).toBe(0o600);
    const again = await openKeystore(dir);
    expect(again.fingerprint()).toBe(keys.fingerprint());
    expect(await readFile(join(dir, 'strata-signing-key.pub.pem'), 'utf8')).toBe(keys.publicKeyPem());
    expect(otherKeys.fingerprint()).not.toBe(keys.fingerprint());
    const der = execFileSync('openssl', [
      'pkey',
      '-pubin',
      '-in',
      join(dir, 'strata-signing-key.pub.pem'),
      '-outform',
      'DER',
    ]);
    expect(keys.fingerprint()).toBe(sha256(der));
    const data = new TextEncoder().encode('tag manifest bytes');
    expect(verify(null, data, createPublicKey(keys.publicKeyPem()), keys.sign(data))).toBe(true);
    await expect(readdir(dir)).resolves.toEqual(['strata-signing-key.pem', 'strata-signing-key.pub.pem']);
  });

  it('refuses a key file that is not an Ed25519 key', async () => {
    const dir = join(work, 'bad-keys');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await cp(join(work, 'keys'), dir, { recursive: true });
    await writeFile(join(dir, 'strata-signing-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(openKeystore(dir)).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      params: { file: 'strata-signing-key.pem' },
    });
  });
});
