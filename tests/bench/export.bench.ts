// Times writing a signed exchange bag of ~1 GiB (copy + SHA-256 in one pass + fsync + sign) and
// verifying it, against sha256sum hashing the same files (coreutils: hash only, no copy, no fsync),
// and against `cp` + `sync` of the same files (the copy's I/O floor).
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openKeystore, verifyBag, writeBag } from '../../src-main/node/exchange/index.js';
import type { Report } from './bench-row.js';

const run = promisify(execFile);
const DIR = join(process.cwd(), 'tests/bench/.data/export');
const FILES = 4;
const FILE_BYTES = 256 << 20;
const ROUNDS = 3;

/** Random bytes so nothing in the path can shortcut on zeros or compress; generated once, cached. */
async function payload(): Promise<string[]> {
  await mkdir(DIR, { recursive: true });
  const chunk = Buffer.allocUnsafe(16 << 20);
  const paths: string[] = [];
  for (let i = 0; i < FILES; i += 1) {
    const path = join(DIR, `payload-${i}.bin`);
    paths.push(path);
    if ((await stat(path).catch(() => null))?.size === FILE_BYTES) continue;
    const handle = await open(path, 'w');
    for (let written = 0; written < FILE_BYTES; written += chunk.length)
      await handle.write(randomFillSync(chunk));
    await handle.close();
  }
  return paths;
}

const seconds = async (job: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await job();
  return (performance.now() - start) / 1000;
};

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Flushes earlier runs' dirty pages so one round's writeback does not land in the next timing. */
const settle = async (): Promise<void> => {
  await run('sync');
};

export async function bench(report: Report): Promise<void> {
  // Output of every round is kept until the end: deleting 1 GiB on a discard-mounted file system
  // slows the next writes for seconds, which would land in the following round's timing.
  await rm(join(DIR, 'out'), { recursive: true, force: true });
  const files = await payload();
  const signer = await openKeystore(join(DIR, 'keys'));
  const names = files.map((f) => f.slice(DIR.length + 1));
  // The hashes the catalogue holds for the payload (the bag refuses a copy that hashes otherwise).
  const sums = (await run('sha256sum', files, { cwd: DIR })).stdout
    .split('\n')
    .map((line) => line.slice(0, 64));
  const write: number[] = [];
  const peer: number[] = [];
  const check: number[] = [];
  const peerCheck: number[] = [];
  const copyFloor: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const out = join(DIR, 'out', String(round));
    await mkdir(out, { recursive: true });
    await settle();
    peer.push(await seconds(() => run('sha256sum', names, { cwd: DIR })));
    await settle();
    await mkdir(join(out, 'cp'));
    copyFloor.push(
      await seconds(async () => {
        await run('cp', [...names, join(out, 'cp')], { cwd: DIR });
        await settle();
      }),
    );
    await settle();
    let bag = '';
    write.push(
      await seconds(async () => {
        bag = (
          await writeBag({
            outDir: out,
            bagName: 'bench',
            payload: files.map((f, i) => ({ name: names[i] ?? f, sourcePath: f, sha256: sums[i] ?? '' })),
            generated: [],
            bagInfo: {},
            signer,
          })
        ).bag;
      }),
    );
    await settle();
    check.push(
      await seconds(async () => {
        if (!(await verifyBag(bag, signer.publicKeyPem())).ok)
          throw new Error('bench bag failed verification');
      }),
    );
    peerCheck.push(
      await seconds(() => run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag })),
    );
  }
  await rm(join(DIR, 'out'), { recursive: true, force: true });
  const gib = (FILES * FILE_BYTES) / 2 ** 30;
  const rounds = (values: number[]): string => values.map((v) => v.toFixed(2)).join('/');
  report({
    job: `export bag ${FILES}×${FILE_BYTES >> 20} MiB (copy+SHA-256 one pass, fsync, Ed25519)`,
    strataSeconds: median(write),
    peer: 'sha256sum (hash only)',
    peerSeconds: median(peer),
    notes: `median of ${ROUNDS}, page cache warm; rounds strata ${rounds(write)} s, peer ${rounds(peer)} s; ${(gib / median(write)).toFixed(2)} GiB/s`,
  });
  report({
    job: `export bag ${FILES}×${FILE_BYTES >> 20} MiB, against the I/O floor`,
    strataSeconds: median(write),
    peer: 'cp + sync (copy only, no hash)',
    peerSeconds: median(copyFloor),
    notes: `median of ${ROUNDS}; rounds peer ${rounds(copyFloor)} s. Writes go to fresh directories kept until the end (the slower case on this VM disk)`,
  });
  report({
    job: `verify bag ${FILES}×${FILE_BYTES >> 20} MiB (paths, complete, checksums, signature)`,
    strataSeconds: median(check),
    peer: 'sha256sum -c manifest',
    peerSeconds: median(peerCheck),
    notes: `median of ${ROUNDS}; rounds strata ${rounds(check)} s, peer ${rounds(peerCheck)} s`,
  });
}
