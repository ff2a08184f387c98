import { expect, openWorkstation, test } from './harness-fixture.js';
import { demFile, worldFile } from './inputs.js';
import { treeOrder } from './workspace-support.js';

test('issue 7: the catalogue view finds a record by a 2-character Chinese query, counts its facets, pages, and adds a result to the map', async ({
  page,
  harness,
  shot,
}) => {
  const [dem, world] = await harness.importFiles(demFile(), worldFile());
  if (!dem || !world) throw new Error('two datasets expected');
  await harness.api.call('catalogue.save', {
    id: dem.id,
    baseVersion: 1,
    fields: { title: '湘南钨矿普查区数字高程模型', abstract: '1:5万 地形', level: '秘密', period: '10年' },
  });
  await openWorkstation(page, harness);

  // Take the world layer off the map in the layer tree, then find and add it back from the catalogue view.
  await page.getByTestId(`layer-row-${world.id}`).click();
  await page.getByTestId('layer-remove').click();
  await expect.poll(() => treeOrder(page)).toEqual([dem.id]);

  await page.getByTestId('left-view-switch').getByText('资料检索').click();
  const view = page.getByTestId('search-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('layer-panel')).toHaveCount(0);
  // The view opens on every record in use (newest first), with the facets of all of them.
  await expect(page.getByTestId('search-total')).toHaveText('共 2 条');

  await page.getByTestId('search-input').locator('input').fill('钨矿');
  await page.getByTestId('search-input').locator('input').press('Enter');
  await expect(page.getByTestId('search-total')).toHaveText('共 1 条');
  const hit = page.getByTestId(`search-result-${dem.id}`);
  await expect(hit).toContainText('湘南钨矿普查区数字高程模型');
  await expect(hit).toContainText('秘密');
  await expect(page.getByTestId(`search-result-${world.id}`)).toHaveCount(0);
  await expect(page.getByTestId('facet-level')).toHaveText('密级秘密 1');
  await shot('07-catalogue-search');

  // A facet value narrows; another 2-character query finds nothing; clearing shows both again.
  await page.getByTestId('search-input').locator('input').fill('');
  await page.getByTestId('search-input').locator('input').press('Enter');
  await expect(page.getByTestId('search-total')).toHaveText('共 2 条');
  await page.getByTestId('facet-level-秘密').click();
  await expect(page.getByTestId('search-total')).toHaveText('共 1 条');
  await page.getByTestId('facet-level-秘密').click();
  await expect(page.getByTestId('search-total')).toHaveText('共 2 条');
  await page.getByTestId('search-input').locator('input').fill('铜矿');
  await page.getByTestId('search-input').locator('input').press('Enter');
  await expect(page.getByTestId('search-results')).toContainText('没有符合条件的资料');

  // Adding a result to the map puts it in the layer tree, on top.
  await page.getByTestId('search-input').locator('input').fill('');
  await page.getByTestId('search-input').locator('input').press('Enter');
  await page.getByTestId(`search-add-${world.id}`).click();
  await expect(
    page.getByTestId(`search-result-${world.id}`).getByRole('img', { name: '已在地图中' }),
  ).toBeVisible();
  await page.getByTestId('left-view-switch').getByText('图层').click();
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
});
