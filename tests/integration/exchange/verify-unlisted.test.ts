import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src-main/api/types.js';
import { strataBagInfo } from '../../../src-main/core/exchange/index.js';
import { openKeystore, verifyBag, writeBag } from '../../../src-main/node/exchange/index.js';
import type { BagSigner } from '../../../src-main/core/ports/index.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { clientOf } from '../../support/contract-client.js';
import { gdal, pointsFromCsv } from '../../support/gdal.js';
import { textsOf } from '../../support/messages.js';
import { testDispatch } from '../../support/test-dispatch.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let work: string;
let keys: BagSigner;
let template: string;

/** A fresh copy of the good bag to add things to. */
async function copyOfBag(name: string): Promise<string> {
  const bag = join(work, 'tamper', name);
  await cp(template, bag, { recursive: true });
  return bag;
}

const verify = (bag: string): Promise<VerifyResult> => verifyBag(bag, keys.publicKeyPem());

function expectRefused(result: VerifyResult, problem: RegExp): void {
  expect(result.ok).toBe(false);
  const failed = result.checks.find((c) => !c.ok);
  expect(textsOf(failed?.problems ?? []).join('\n')).toMatch(problem);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'strata-verify-unlisted-'));
  const src = join(work, 'src');
  await mkdir(src);
  const raster = join(src, 'dem.tif');
  const vector = join(src, '钻孔.geojson');
  await gdal('gdal_create', [
    '-of',
    'GTiff',
    '-outsize',
    '16',
    '16',
    '-bands',
    '1',
    '-ot',
    'Int16',
    '-burn',
    '42',
    '-a_srs',
    'EPSG:4490',
    '-a_ullr',
    '110',
    '25',
    '110.16',
    '24.84',
    raster,
  ]);
  const points = join(src, 'points.csv');
  await writeFile(points, 'id,名称,x,y\n1,一号孔,110.05,24.9\n2,二号孔,110.1,24.95\n');
  await pointsFromCsv(points, vector, { format: 'GeoJSON' });
  keys = await openKeystore(join(work, 'keys'));
  const out = await mkdtemp(join(work, 'out-'));
  const bag = await writeBag({
    outDir: out,
    bagName: 'DZ-2025-0002',
    payload: [
      { name: 'dem.tif', sourcePath: raster, sha256: sha256(await readFile(raster)) },
      { name: 'vector/钻孔.geojson', sourcePath: vector, sha256: sha256(await readFile(vector)) },
    ],
    generated: [{ name: 'metadata/DZ-2025-0002.xml', content: '<gmd:MD_Metadata>公开</gmd:MD_Metadata>\n' }],
    bagInfo: strataBagInfo({
      sourceOrganization: '某省地质资料馆',
      baggingDate: '2025-11-22',
      externalIdentifier: 'DZ-2025-0002-GK',
      reviewId: 'rv-0002',
      reviewer: '李审查',
      approvalDate: '2025-11-21',
      auditHead: 'cd'.repeat(32),
    }),
    signer: keys,
  });
  template = bag.bag;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('verify refuses anything in the bag the manifests do not list', () => {
  it('accepts the bag as written', async () => {
    expect((await verify(template)).ok).toBe(true);
  });

  it.each([
    [
      'an empty directory directly under data/',
      ['data', 'extra'],
      /"data\/extra\/": directory holds no file listed/,
    ],
    ['an empty directory beside listed files', ['data', 'vector', 'empty'], /"data\/vector\/empty\/"/],
    [
      'a directory of empty directories',
      ['data', 'a', 'b', 'c'],
      /"data\/a\/".*\n.*"data\/a\/b\/".*\n.*"data\/a\/b\/c\/"/,
    ],
    ['an empty directory beside the tag files', ['notes'], /"notes\/": directory holds no file listed/],
  ])('refuses %s', async (_, segments, problem) => {
    const bag = await copyOfBag(segments.join('-'));
    await mkdir(join(bag, ...segments), { recursive: true });
    const result = await verify(bag);
    expectRefused(result, problem);
    expect(result.checks.find((c) => c.step === 'complete')?.ok).toBe(false);
  });

  it('refuses a symbolic link, even one to a listed file of the bag itself', async () => {
    const bag = await copyOfBag('link');
    await symlink(join(bag, 'data', 'dem.tif'), join(bag, 'data', 'dem-copy.tif'));
    expectRefused(await verify(bag), /"data\/dem-copy\.tif": symbolic link/);
  });

  it.skipIf(process.platform === 'win32')('refuses a special file (a FIFO) in data/', async () => {
    const bag = await copyOfBag('fifo');
    execFileSync('mkfifo', [join(bag, 'data', 'pipe')]);
    expectRefused(await verify(bag), /"data\/pipe": not a regular file or directory/);
  });

  it('refuses an extra tag file the tag manifest does not cover', async () => {
    const bag = await copyOfBag('extra-tag');
    await writeFile(join(bag, 'notes.txt'), '附注\n');
    expectRefused(await verify(bag), /"notes\.txt": tag file not covered by tagmanifest-sha256\.txt/);
  });

  it('refuses an unlisted file under data/ and names its unlisted folder too', async () => {
    const bag = await copyOfBag('extra-payload');
    await mkdir(join(bag, 'data', 'extra'));
    await writeFile(join(bag, 'data', 'extra', 'readme.txt'), await readFile(join(bag, 'bagit.txt')));
    const result = await verify(bag);
    expectRefused(result, /"data\/extra\/readme\.txt": in data\/ but not in manifest-sha256\.txt/);
    expectRefused(result, /"data\/extra\/": directory holds no file listed/);
  });

  it('gives these reasons as keys and params, which each host words in its own language', async () => {
    const bag = await copyOfBag('zh');
    await mkdir(join(bag, 'data', 'extra'));
    await symlink(join(bag, 'data', 'dem.tif'), join(bag, 'data', 'dem-copy.tif'));
    const linked = await verifyBag(bag, keys.publicKeyPem());
    const paths = linked.checks.find((c) => c.step === 'paths')?.problems ?? [];
    expect(paths).toEqual([{ key: 'bag.symlink', params: { path: '"data/dem-copy.tif"' } }]);
    expect(textsOf(paths, 'zh-CN')).toEqual(['"data/dem-copy.tif"：符号链接']);
    const signature = linked.checks.find((c) => c.step === 'signature')?.problems ?? [];
    expect(textsOf(signature, 'zh-CN')).toEqual(['已跳过：前一步未通过']);
    await rm(join(bag, 'data', 'dem-copy.tif'));
    const ws = await openWorkstation({ home: join(work, 'home') });
    try {
      const result = await clientOf(testDispatch(ws)).call('exchange.verify', {
        bag,
        keyPem: keys.publicKeyPem(),
      });
      const complete = result.checks.find((c) => c.step === 'complete')?.problems ?? [];
      expect(complete).toEqual([{ key: 'bag.unlistedDirectory', params: { path: '"data/extra/"' } }]);
      expect(textsOf(complete, 'zh-CN')).toEqual([
        '"data/extra/"：目录中没有 manifest-sha256.txt 或 tagmanifest-sha256.txt 所列的文件',
      ]);
    } finally {
      await ws.close();
    }
  });
});
