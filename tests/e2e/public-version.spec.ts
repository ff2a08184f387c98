import { datasetRow, expect, openWorkstation, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';

// The curator li.na works in the UI; the reviewer wang.shen approves from the command line.
test.use({ signedInAs: 'curator' });

test('the public version is produced from the original, re-reviewed from the written file, and is the one that can leave', async ({
  page,
  harness,
  shot,
}) => {
  const dem = await harness.importOne(demFile());
  // Its record cites its source, it has been reviewed and the reviewer approved the review.
  await harness.readyForRelease(dem.id);
  await openWorkstation(page, harness);
  await selectDataset(page, dem.id);

  // The original cannot be exported; the export tab says to make a public version.
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-only-public')).toBeVisible();

  await page.getByTestId('tab-release').click();
  // The plan is shown before it runs (ADR 0186): a block average to 100 m, then the fresh write.
  const plan = page.getByTestId('release-plan');
  await expect(plan.locator('[data-transform]')).toHaveCount(2);
  await expect(plan.locator('[data-transform="resample-block-average@1"]')).toContainText('100');
  await expect(plan.locator('[data-transform="write-allow-list@1"]')).toBeVisible();
  await shot('23-release-plan');
  await page.getByTestId('release-button').click();
  await expect(page.getByTestId('release-result')).toBeVisible();
  await expect(page.getByTestId('release-review')).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('release-lineage')).toContainText('100');
  const publicId = (await page.getByTestId('release-public-id').innerText()).trim();

  // What was written: a 100 m grid over the same area, 公开, linked to its source, with its own passing review.
  const made = await harness.api.call('datasets.get', { id: publicId });
  expect(made.summary).toMatchObject({
    sourceId: dem.id,
    pixelSize: [100, 100],
    crs: dem.crs,
    level: '公开',
  });
  expect(made.review?.passed).toBe(true);
  expect(made.lineage?.steps.map((s) => s.step)).toContain('resample-block-average');
  expect((await harness.api.call('datasets.get', { id: dem.id })).publicVersions).toEqual([publicId]);
  await shot('06-release');

  await expect(datasetRow(page, publicId)).toBeVisible();
  await page.getByTestId('release-open').click();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-dataset', publicId);
  await expect(page.getByTestId('detail-title')).toContainText('公开版');
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-only-public')).toHaveCount(0);
  await expect(page.getByTestId('export-button')).toBeVisible();
});
