import { cp, mkdir, readdir, readFile, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReceiveResult, ReceiveStep } from '../../../src-main/api/types.js';
import type { BagSigner } from '../../../src-main/core/ports/index.js';
import { openKeystore, stageBag } from '../../../src-main/node/exchange/index.js';
import { editBagFile, resignBag } from '../../support/bag-forge.js';
import { textsOf } from '../../support/messages.js';
import { senderBag, SENT_TITLE } from '../../support/sender-bag.js';
import { workstationSuite } from '../../support/workstation-suite.js';

// The public side of the gateway (issue 9, ADR 0177): a negative corpus of hostile bags, each
// refused at its step with its reason, and a valid one taken into the catalogue.

const LIMITS = { maxFileBytes: 2 << 20, maxPayloadBytes: 8 << 20, maxFiles: 40 };
const suite = workstationSuite({ receiveLimits: LIMITS });

let sender: BagSigner;
let stranger: BagSigner;
let template: string;

let counter = 0;
async function hostile(mutate: (bag: string) => Promise<void>): Promise<string> {
  counter += 1;
  const bag = join(suite.dir, 'hostile', `bag-${String(counter)}`);
  await cp(template, bag, { recursive: true });
  await mutate(bag);
  return bag;
}

const receive = (bag: string): Promise<ReceiveResult> => suite.client.call('exchange.receive', { bag });

const ORDER: readonly ReceiveStep[] = [
  'paths',
  'complete',
  'checksums',
  'signature',
  'formats',
  'level',
  'ingest',
];

function expectRefusedAt(result: ReceiveResult, step: ReceiveStep, key: string, text?: RegExp): void {
  expect(result.ok).toBe(false);
  const at = ORDER.indexOf(step);
  result.checks.forEach((check, i) => {
    expect(check.step).toBe(ORDER[i]);
    if (i < at) expect(check, check.step).toMatchObject({ ok: true, problems: [] });
    if (i > at)
      expect(
        check.problems.map((p) => p.key),
        check.step,
      ).toEqual(['bag.skipped']);
  });
  const failed = result.checks[at];
  expect(failed?.ok).toBe(false);
  expect(failed?.problems.map((p) => p.key)).toContain(key);
  if (text) expect(textsOf(failed?.problems ?? []).join('\n')).toMatch(text);
  expect(result.datasets).toEqual([]);
}

beforeAll(async () => {
  sender = await openKeystore(join(suite.dir, 'sender-keys'));
  stranger = await openKeystore(join(suite.dir, 'stranger-keys'));
  const out = join(suite.dir, 'out');
  await mkdir(out, { recursive: true });
  template = await senderBag(out, 'DZ-2026-0042', sender);
  await mkdir(join(suite.dir, 'hostile'));
});

describe('keys trust', () => {
  it('refuses anything but an Ed25519 public key, and pins one once (audited)', async () => {
    const bad = await suite.client.fail('keys.trust', {
      pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
    });
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT', params: { detail: 'detail.keyNotEd25519Pem' } });
    expect(await suite.client.call('keys.trusted', {})).toEqual([]);
  });

  it('a bag from a sender nobody pinned is refused at the signature step', async () => {
    expectRefusedAt(await receive(template), 'signature', 'bag.noTrustedKey');
  });

  it('pins the sender', async () => {
    const pinned = await suite.client.call('keys.trust', { pem: sender.publicKeyPem() });
    expect(pinned).toMatchObject({ fingerprint: sender.fingerprint(), added: true });
    expect((await suite.client.call('keys.trust', { pem: sender.publicKeyPem() })).added).toBe(false);
    expect((await suite.client.call('keys.trusted', {})).map((k) => k.fingerprint)).toEqual([
      sender.fingerprint(),
    ]);
    const audit = await suite.client.call('audit.list', { limit: 5 });
    expect(audit.filter((e) => e.action === 'keys.trust')).toHaveLength(1);
  });
});

// Each hostile bag: what was done to it, where the receiving order must stop, and the reason.
const CORPUS: readonly {
  readonly name: string;
  readonly mutate: (bag: string) => Promise<void>;
  readonly step: ReceiveStep;
  readonly key: string;
}[] = [
  {
    name: '"../" entry in the manifest',
    mutate: (bag) => editBagFile(bag, 'manifest-sha256.txt', /data\/矿点\.cpg/, 'data/../../etc/passwd'),
    step: 'paths',
    key: 'bag.parentSegment',
  },
  {
    name: 'absolute path in the manifest',
    mutate: (bag) => editBagFile(bag, 'manifest-sha256.txt', /data\/矿点\.cpg/, '/etc/passwd'),
    step: 'paths',
    key: 'bag.absolutePath',
  },
  {
    name: 'backslash path in the manifest',
    mutate: (bag) => editBagFile(bag, 'manifest-sha256.txt', /data\/矿点\.cpg/, 'data\\..\\x.cpg'),
    step: 'paths',
    key: 'bag.backslash',
  },
  {
    name: 'symbolic link to a file outside the bag',
    mutate: (bag) => symlink('/etc/passwd', join(bag, 'data', 'passwd')),
    step: 'paths',
    key: 'bag.symlink',
  },
  {
    name: 'names that collide on a case-insensitive file system',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'A.txt'), 'a');
      await writeFile(join(bag, 'data', 'a.txt'), 'b');
      await resignBag(bag, sender);
    },
    step: 'paths',
    key: 'bag.collides',
  },
  {
    name: 'names equal after Unicode normalisation (NFC / NFD)',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'caf\u00e9.txt'), 'a');
      await writeFile(join(bag, 'data', 'cafe\u0301.txt'), 'b');
      await resignBag(bag, sender);
    },
    step: 'paths',
    key: 'bag.collides',
  },
  {
    name: 'Windows reserved device name',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'nul.txt'), 'x');
      await resignBag(bag, sender);
    },
    step: 'paths',
    key: 'bag.reservedName',
  },
  {
    name: 'fetch.txt, even listed and signed',
    mutate: async (bag) => {
      await writeFile(join(bag, 'fetch.txt'), 'http://example.invalid/secret.tif - data/secret.tif\n');
      await resignBag(bag, sender);
    },
    step: 'complete',
    key: 'bag.fetchRefused',
  },
  {
    name: 'a payload file the manifest does not list',
    mutate: (bag) => writeFile(join(bag, 'data', 'extra.txt'), '绝密'),
    step: 'complete',
    key: 'bag.notInManifest',
  },
  {
    name: 'a listed payload file deleted',
    mutate: (bag) => unlink(join(bag, 'data', '矿点.dbf')),
    step: 'complete',
    key: 'bag.listedButMissing',
  },
  {
    name: 'an unlisted tag file beside the bag declaration',
    mutate: (bag) => writeFile(join(bag, 'notes.txt'), 'x'),
    step: 'complete',
    key: 'bag.tagNotCovered',
  },
  {
    name: 'bagit.txt missing',
    mutate: (bag) => unlink(join(bag, 'bagit.txt')),
    step: 'complete',
    key: 'bag.missing',
  },
  {
    name: 'a file over the size limit, signed',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'big.bin'), Buffer.alloc(LIMITS.maxFileBytes + 1));
      await resignBag(bag, sender);
    },
    step: 'complete',
    key: 'bag.fileTooLarge',
  },
  {
    name: 'more files than allowed, signed',
    mutate: async (bag) => {
      for (let i = 0; i < LIMITS.maxFiles; i += 1)
        await writeFile(join(bag, 'data', `f${String(i)}.txt`), 'x');
      await resignBag(bag, sender);
    },
    step: 'complete',
    key: 'bag.tooManyFiles',
  },
  {
    name: 'a payload byte flipped',
    mutate: async (bag) => {
      const path = join(bag, 'data', '矿点.dbf');
      const bytes = await readFile(path);
      bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0xff;
      await writeFile(path, bytes);
    },
    step: 'checksums',
    key: 'bag.checksum',
  },
  {
    name: 'bag-info edited after signing',
    mutate: (bag) => editBagFile(bag, 'bag-info.txt', /^External-Identifier: .*$/m, 'External-Identifier: X'),
    step: 'checksums',
    key: 'bag.checksum',
  },
  {
    name: 're-signed by a key nobody pinned',
    mutate: (bag) => resignBag(bag, stranger),
    step: 'signature',
    key: 'bag.signatureInvalid',
  },
  {
    name: 'signature removed',
    mutate: (bag) => unlink(join(bag, 'tagmanifest-sha256.txt.sig')),
    step: 'signature',
    key: 'bag.missing',
  },
  {
    name: 'signature truncated',
    mutate: async (bag) => {
      const path = join(bag, 'tagmanifest-sha256.txt.sig');
      await writeFile(path, (await readFile(path)).subarray(0, 32));
    },
    step: 'signature',
    key: 'bag.signatureSize',
  },
  {
    name: 'a text file named like data beside the shapefile, signed',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'readme.txt'), '机密 坐标 108.1234567 22.7654321');
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.fileNotInSet',
  },
  {
    name: 'the data file is not what its name says (a zip named .shp), signed',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', '矿点.shp'), Buffer.from('PK\u0003\u0004 not a shapefile at all'));
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.formatUnrecognised',
  },
  {
    name: 'metadata.json that is not JSON, signed',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'metadata.json'), '{"title": ');
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.metadataInvalid',
  },
  {
    name: 'metadata.xml with an external entity, signed',
    mutate: async (bag) => {
      await writeFile(
        join(bag, 'data', 'metadata.xml'),
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">&e;</gmd:MD_Metadata>',
      );
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.metadataXmlInvalid',
  },
  {
    name: 'metadata.json of more than a mebibyte, signed',
    mutate: async (bag) => {
      await writeFile(join(bag, 'data', 'metadata.json'), `{"title": "${'矿'.repeat(400_000)}"}`);
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.fileTooLarge',
  },
  {
    name: 'metadata says GeoJSON, the content is a shapefile, signed',
    mutate: async (bag) => {
      await editBagFile(bag, 'data/metadata.json', /"format": "Shapefile"/, '"format": "GeoJSON"');
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.formatMismatch',
  },
  {
    name: 'metadata names a data file the bag does not hold, signed',
    mutate: async (bag) => {
      await editBagFile(
        bag,
        'data/metadata.json',
        /"dataFile": "data\/矿点\.shp"/,
        '"dataFile": "data/secret.tif"',
      );
      await resignBag(bag, sender);
    },
    step: 'formats',
    key: 'bag.dataFileMissing',
  },
  {
    name: 'bag-info says 秘密, signed by the pinned key',
    mutate: async (bag) => {
      await editBagFile(bag, 'bag-info.txt', /^Strata-Release-Level: 公开$/m, 'Strata-Release-Level: 秘密');
      await resignBag(bag, sender);
    },
    step: 'level',
    key: 'bag.levelNotPublic',
  },
  {
    name: 'metadata says 机密, signed by the pinned key',
    mutate: async (bag) => {
      await editBagFile(bag, 'data/metadata.json', /"level": "公开"/, '"level": "机密"');
      await resignBag(bag, sender);
    },
    step: 'level',
    key: 'bag.levelNotPublic',
  },
];

describe('receive refuses every hostile bag at its step, with its reason', () => {
  it('the corpus has at least twenty bags', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)('$name: $step ($key)', async ({ mutate, step, key }) => {
    const before = await suite.client.call('datasets.list', {});
    const result = await receive(await hostile(mutate));
    expectRefusedAt(result, step, key);
    // Nothing is taken in, the receipt says why, and the scratch copy is gone.
    expect(await suite.client.call('datasets.list', {})).toHaveLength(before.length);
    const [receipt] = await suite.client.call('exchange.receipts', { limit: 1 });
    expect(receipt).toMatchObject({ seq: result.receipt, ok: false, failedStep: step });
    expect((await readdir(join(suite.home, 'work'))).filter((n) => n.startsWith('receive-'))).toEqual([]);
  });

  it('a bag replaced by a symlink at its root is refused at paths', async () => {
    const link = join(suite.dir, 'hostile', 'root-link');
    await symlink(template, link);
    expectRefusedAt(await receive(link), 'paths', 'bag.rootSymlink');
  });
});

describe('receive takes a valid package in', () => {
  it('becomes a 公开 dataset with the public metadata, its source cited, and a receipt', async () => {
    const bag = await hostile(async () => {});
    const result = await receive(bag);
    expect(result.checks.map((c) => [c.step, c.ok])).toEqual(ORDER.map((s) => [s, true]));
    expect(result).toMatchObject({ ok: true, signer: sender.fingerprint() });
    expect(result.datasets).toHaveLength(1);
    const id = result.datasets[0]?.id ?? '';
    const detail = await suite.client.call('datasets.get', { id });
    expect(detail.summary).toMatchObject({ title: SENT_TITLE, level: '公开', format: 'Shapefile' });
    expect(detail.versions[0]?.fields).toMatchObject({
      abstract: '矿点位置已降低精度至 100 米。',
      attribution: '某省地质调查院',
    });
    const [receipt] = await suite.client.call('exchange.receipts', { limit: 1 });
    expect(receipt).toMatchObject({
      seq: result.receipt,
      ok: true,
      externalIdentifier: 'DZ-2026-0042-GK',
      sourceOrganization: '某省地质资料馆',
      datasets: [id],
    });
    const audit = await suite.client.call('audit.list', { limit: 3 });
    expect(audit.map((e) => e.action)).toContain('exchange.receive');
    // The bag is left as it was given.
    expect((await readdir(bag)).sort()).toEqual((await readdir(template)).sort());
  });

  it('the same package again is refused at ingest, naming the first receipt', async () => {
    const result = await receive(await hostile(async () => {}));
    expectRefusedAt(result, 'ingest', 'bag.alreadyReceived');
  });

  it('what is read after the first check is a private copy, checked again on its own', async () => {
    const bag = await hostile(async () => {});
    const staged = await stageBag(bag, join(suite.dir, 'out'), [sender.publicKeyPem()], LIMITS);
    try {
      expect(staged.verify).toMatchObject({ ok: true, signer: sender.fingerprint() });
      // A copy, not a link: changing the original afterwards does not reach it.
      const original = join(bag, 'data', 'metadata.json');
      expect((await stat(original)).ino).not.toBe(
        (await stat(join(staged.dir, 'data', 'metadata.json'))).ino,
      );
      await editBagFile(bag, 'data/metadata.json', /"level": "公开"/, '"level": "绝密"');
      expect(await readFile(join(staged.dir, 'data', 'metadata.json'), 'utf8')).toContain('"level": "公开"');
    } finally {
      await staged.cleanup();
    }
    // A bag that changed between the checks fails the copy's own check.
    const changed = await stageBag(bag, join(suite.dir, 'out'), [sender.publicKeyPem()], LIMITS);
    try {
      expect(changed.verify.ok).toBe(false);
      expect(changed.verify.checks.find((c) => c.step === 'checksums')?.ok).toBe(false);
    } finally {
      await changed.cleanup();
    }
  });
});
