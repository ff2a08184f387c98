import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';

const STEPS = ['paths', 'complete', 'checksums', 'signature'] as const;

/** Flips one byte of the largest payload file in place: same size and file count, different content. */
async function tamper(bag: string): Promise<void> {
  const data = path.join(bag, 'data');
  const entries = await readdir(data, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        return { file, bytes: await readFile(file) };
      }),
  );
  const largest = files.sort((a, b) => b.bytes.length - a.bytes.length)[0];
  if (!largest) throw new Error(`no payload in ${data}`);
  const at = Math.floor(largest.bytes.length / 2);
  largest.bytes[at] = (largest.bytes[at] ?? 0) ^ 0xff;
  await writeFile(largest.file, largest.bytes);
}

test.use({ signedInAs: 'curator' });

test('a public version exports as a signed bag that verifies, and the same bag fails once a payload byte changes', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.importOne(demFile());
  await harness.readyForRelease(dem.id);
  const made = await harness.api.call('release.create', { id: dem.id });
  // The public version's own review, approved by the reviewer: what export asks for.
  await harness.approve(made.id);
  await openWorkstation(page, harness);
  await selectDataset(page, made.id);

  await page.getByTestId('tab-export').click();
  // A relative folder would land in the program's working folder: refused at the field, in words.
  await page.getByTestId('export-dir').fill('gateway-out');
  await expect(page.getByTestId('export-dir-error')).toHaveText('请填写完整的文件夹路径，以 / 或盘符开头');
  await expect(page.getByTestId('export-button')).toBeDisabled();
  const outDir = path.join(harness.scratch, 'gateway-out');
  await page.getByTestId('export-dir').fill(outDir);
  await expect(page.getByTestId('export-dir-error')).toHaveCount(0);
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-bag')).toContainText('gateway-out');
  const bags = await readdir(outDir);
  expect(bags).toHaveLength(1);
  const bag = path.join(outDir, bags[0] ?? '');
  await expect(page.getByTestId('export-bag')).toHaveText(bag);
  await expect(page.getByTestId('verify-bag')).toHaveValue(bag);

  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  for (const step of STEPS) {
    await expect(page.getByTestId(`verify-step-${step}`)).toHaveAttribute('data-ok', 'true');
  }
  await shot('07-export-verify');

  await tamper(bag);
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('verify-step-paths')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-step-checksums')).toHaveAttribute('data-ok', 'false');

  // A new attempt that fails outright shows its error alone, not the previous result beside it.
  await page.getByTestId('verify-bag').fill(path.join(harness.scratch, 'no-such-bag'));
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-error')).toBeVisible();
  await expect(page.getByTestId('verify-result')).toHaveCount(0);
});
