import { expect, openWorkstation, test } from './harness-fixture.js';
import { demFile } from './inputs.js';
import { mapIdle, shapefileWithoutCrs } from './workspace-support.js';

test('issue 6: a notice goes with its layer; zoom to a layer that cannot be placed says so', async ({
  page,
  harness,
  shot,
}) => {
  const noCrs = await shapefileWithoutCrs(harness.scratch, '无坐标系钻孔');
  const [dem, lost] = await harness.importFiles(demFile(), noCrs);
  if (!dem || !lost) throw new Error('two datasets expected');
  await openWorkstation(page, harness);
  const notice = page.getByTestId('map-notice');
  const warning = notice.getByRole('img', { name: 'warning' });

  // Drawing it failed: the notice names the layer.
  await expect(notice).toContainText('无坐标系钻孔 没有可识别的坐标参考系');

  // Zoom to it: it cannot be placed, and the status bar says why instead of nothing happening.
  await page.getByTestId(`layer-zoom-${lost.id}`).click();
  await expect(notice).toContainText('无法缩放至 无坐标系钻孔：没有可识别的坐标参考系');
  await shot('notice-cannot-place');

  // Hidden, the layer takes its notices with it.
  await page.getByTestId(`layer-visible-${lost.id}`).click();
  await expect(warning).toHaveCount(0);
  await expect(notice).not.toContainText('无坐标系钻孔');

  // Shown again, the layer still cannot be drawn, so that notice is back (the zoom answer is not).
  await page.getByTestId(`layer-visible-${lost.id}`).click();
  await expect(notice).toContainText('无坐标系钻孔 没有可识别的坐标参考系');
  await expect(notice).not.toContainText('无法缩放至');

  // Another layer's zoom works and says nothing.
  await page.getByTestId(`layer-zoom-${dem.id}`).click();
  await expect(notice).not.toContainText('无法缩放至');

  // Removed from the map, the layer's notice is gone for good; the dataset stays in the catalogue.
  await page.getByTestId(`layer-row-${lost.id}`).click();
  await page.getByTestId('layer-remove').click();
  await expect(page.getByTestId(`layer-row-${lost.id}`)).toHaveCount(0);
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId(`dataset-row-${lost.id}`)).toBeVisible();
  await mapIdle(page);
});
