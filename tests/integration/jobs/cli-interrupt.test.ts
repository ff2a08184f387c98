import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/gdal.js';
import { writeNoiseRaster } from '../../support/noise-raster.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';

let scratch: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-interrupt-');
});
afterAll(async () => {
  await scratch.cleanup();
});

/** Polls until `dir` has an entry (the object store's temp file of a put under way). */
async function untilNotEmpty(dir: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await readdir(dir).catch(() => [])).length > 0) return;
    await sleep(5);
  }
  throw new Error(`${dir} stayed empty`);
}

describe('strata CLI and Ctrl+C', () => {
  it('SIGINT during an import cancels it cleanly: exit 130, CANCELLED on stderr, nothing on stdout, nothing stored', async () => {
    const home = path.join(scratch.dir, 'home');
    // 200 MB: its store takes ~0.5 s here, a wide window for the interrupt to land in.
    const noise = await writeNoiseRaster(scratch.dir, 'noise.tif', 5000);
    const child = spawn(process.execPath, [CLI, '--home', home, '--lang', 'en', '--json', 'import', noise], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    await untilNotEmpty(path.join(home, 'store', 'tmp'), 30_000);
    child.kill('SIGINT');
    expect(await exited).toBe(130);

    expect(stdout).toBe('');
    expect(JSON.parse(stderr)).toMatchObject({ error: { code: 'CANCELLED', message: 'Cancelled' } });
    expect(await readdir(path.join(home, 'store', 'tmp'))).toEqual([]);
    expect(await readdir(path.join(home, 'store', 'objects'))).toEqual([]);
    const list = await runCommand(process.execPath, [CLI, '--home', home, '--json', 'list']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
