import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptView, ReceiveResult } from '../../../src-main/api/types.js';
import type { BagSigner } from '../../../src-main/core/ports/index.js';
import { openKeystore } from '../../../src-main/node/exchange/index.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';
import { runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { senderBag, SENT_TITLE } from '../../support/sender-bag.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let sender: BagSigner;
let bag: string;

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', path.join(scratch.dir, 'public-side'), ...args]);

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-receive-');
  sender = await openKeystore(path.join(scratch.dir, 'sender-keys'));
  bag = await senderBag(scratch.dir, 'DZ-2026-0042', sender);
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata receive / keys trust / receipts — the public side from the command line', () => {
  it('refuses a package until its sender is pinned, then takes it in once', async () => {
    const unpinned = await strata('--lang', 'en', 'receive', bag);
    expect(unpinned.code).toBe(1);
    expect(unpinned.stdout).toContain('FAIL signature: no trusted public key');
    expect(unpinned.stderr).toContain('Package refused');

    const pem = path.join(scratch.dir, 'sender.pem');
    await writeFile(pem, sender.publicKeyPem());
    const pinned = await strata('--lang', 'en', 'keys', 'trust', pem);
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.stdout.trim()).toBe(`pinned key ${sender.fingerprint()}`);
    const list = await strata('keys', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      { fingerprint: sender.fingerprint(), pem: sender.publicKeyPem() },
    ]);

    const received = await strata('receive', bag, '--json');
    expect(received.code, received.stderr).toBe(0);
    const result = JSON.parse(received.stdout) as ReceiveResult;
    expect(result).toMatchObject({ ok: true, bag, signer: sender.fingerprint() });
    expect(result.datasets.map((d) => d.title)).toEqual([SENT_TITLE]);

    const again = await strata('--lang', 'zh-CN', 'receive', bag);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/入库: 该数据包已于 .* 接收/);

    const receipts = JSON.parse((await strata('receipts', '--json')).stdout) as ReceiptView[];
    expect(receipts.map((r) => [r.ok, r.failedStep])).toEqual([
      [false, 'ingest'],
      [true, null],
      [false, 'signature'],
    ]);
  });
});
