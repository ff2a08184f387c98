import { expect, openWorkstation, test } from './harness-fixture.js';
import { demFile, mineralPointsFile, worldFile } from './inputs.js';
import { expectMapMiddle, mapIdle, settledMapMiddle, treeOrder } from './workspace-support.js';

test('issue 6: the layer tree holds what was added to the map; removing a layer keeps the dataset; the list survives a reload', async ({
  page,
  harness,
}) => {
  const [dem, world] = await harness.importFiles(demFile(), worldFile());
  if (!dem || !world) throw new Error('two datasets expected');
  await openWorkstation(page, harness);

  // A fresh workspace with a small catalogue starts with it on the map, the newest on top.
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
  await expect(page.getByTestId(`dataset-onmap-${world.id}`)).toBeVisible();

  // Remove from map: off the tree, still in the catalogue and in the archive.
  await page.getByTestId(`layer-row-${world.id}`).click();
  await page.getByTestId('layer-remove').click();
  await expect.poll(() => treeOrder(page)).toEqual([dem.id]);
  await expect(page.getByTestId(`dataset-row-${world.id}`)).toBeVisible();
  await expect(page.getByTestId(`dataset-add-${world.id}`)).toBeVisible();
  expect((await harness.api.call('datasets.list', {})).map((d) => d.id)).toContain(world.id);

  // The workspace remembers its map: after a reload the removed layer stays off.
  await page.reload();
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toBeVisible();
  await expect.poll(() => treeOrder(page)).toEqual([dem.id]);

  // Add to map from the catalogue: on top.
  await page.getByTestId(`dataset-add-${world.id}`).click();
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
  await expect(page.getByTestId(`dataset-onmap-${world.id}`)).toBeVisible();

  // A dataset imported later (not seen by this workspace) goes on the map once, on top.
  const [again] = await harness.importFiles(mineralPointsFile());
  if (!again) throw new Error('no dataset');
  await page.getByTestId('layers-refresh').click();
  await expect.poll(() => treeOrder(page)).toEqual([again.id, world.id, dem.id]);
  await mapIdle(page);
});

test('issue 6: the user orders the layers, by drag or keyboard, and a raster can draw over a vector', async ({
  page,
  harness,
  shot,
}) => {
  const [dem, world] = await harness.importFiles(demFile(), worldFile());
  if (!dem || !world) throw new Error('two datasets expected');
  await openWorkstation(page, harness);
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
  await page.getByTestId(`layer-zoom-${dem.id}`).click();

  // Inside the DEM: the country polygon (tinted) draws over it while it is on top.
  const vectorOver = await settledMapMiddle(page);
  await page.getByTestId(`layer-visible-${world.id}`).click();
  await expectMapMiddle(page, vectorOver, false);
  const demAlone = await settledMapMiddle(page);
  await page.getByTestId(`layer-visible-${world.id}`).click();
  await expectMapMiddle(page, vectorOver, true);

  // Keyboard: Alt+↑ on the DEM's row lifts it over the vector, which it now hides.
  await page.getByTestId(`layer-row-${dem.id}`).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => treeOrder(page)).toEqual([dem.id, world.id]);
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toBeFocused();
  await expectMapMiddle(page, demAlone, true);
  await shot('layer-order-raster-over-vector');

  // Drag: the vector's row dropped on the upper half of the DEM's row goes back on top.
  const target = page.getByTestId(`layer-row-${dem.id}`);
  const box = await target.boundingBox();
  if (!box) throw new Error('no row box');
  await page
    .getByTestId(`layer-row-${world.id}`)
    .dragTo(target, { targetPosition: { x: box.width / 2, y: 2 } });
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
  await expectMapMiddle(page, vectorOver, true);

  // The buttons do the same for the current layer.
  await page.getByTestId(`layer-row-${world.id}`).click();
  await page.getByTestId('layer-down').click();
  await expect.poll(() => treeOrder(page)).toEqual([dem.id, world.id]);
  await expectMapMiddle(page, demAlone, true);
  await page.getByTestId('layer-up').click();
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);

  // The order is the workspace's: a reload keeps it.
  await page.getByTestId('layer-down').click();
  await expect.poll(() => treeOrder(page)).toEqual([dem.id, world.id]);
  await page.reload();
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toBeVisible();
  await expect.poll(() => treeOrder(page)).toEqual([dem.id, world.id]);
  await mapIdle(page);
});

test('issue 6: opacity, groups and group visibility', async ({ page, harness, shot }) => {
  const [dem, world] = await harness.importFiles(demFile(), worldFile());
  if (!dem || !world) throw new Error('two datasets expected');
  await openWorkstation(page, harness);
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
  await page.getByTestId(`layer-zoom-${dem.id}`).click();
  const bothOpaque = await settledMapMiddle(page);
  await page.getByTestId(`layer-visible-${dem.id}`).click();
  await expectMapMiddle(page, bothOpaque, false);
  const withoutDem = await settledMapMiddle(page);
  await page.getByTestId(`layer-visible-${dem.id}`).click();
  await expectMapMiddle(page, bothOpaque, true);

  // Opacity from the keyboard: ten steps of 5 % down.
  await page.getByTestId(`layer-row-${dem.id}`).click();
  const handle = page.getByTestId('layer-tools').getByRole('slider');
  await handle.focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('layer-opacity-value')).toHaveText('50%');
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toHaveAttribute('data-opacity', '0.5');
  await expectMapMiddle(page, bothOpaque, false);
  await expectMapMiddle(page, withoutDem, false);

  // A new group takes the current layer; switching the group off hides it, its own switch untouched.
  await page.getByTestId('group-create').click();
  const group = page.locator('[data-testid^="group-row-"]');
  await expect(group).toHaveCount(1);
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toHaveAttribute('aria-level', '2');
  await page.locator('[data-testid^="group-visible-"]').click();
  await expect(group).toHaveAttribute('data-visible', 'false');
  await expect(page.getByTestId(`layer-visible-${dem.id}`)).toBeChecked();
  await expectMapMiddle(page, withoutDem, true);
  await page.locator('[data-testid^="group-visible-"]').click();
  await expectMapMiddle(page, withoutDem, false);

  // The vector dragged onto the group's lower half goes into it; the group picker takes it out and back.
  const groupBox = await group.boundingBox();
  if (!groupBox) throw new Error('no group box');
  await page
    .getByTestId(`layer-row-${world.id}`)
    .dragTo(group, { targetPosition: { x: groupBox.width / 2, y: groupBox.height - 3 } });
  await expect(page.getByTestId(`layer-row-${world.id}`)).toHaveAttribute('aria-level', '2');
  await expect.poll(() => treeOrder(page)).toEqual([world.id, dem.id]);
  await page.getByTestId(`layer-row-${world.id}`).click();
  await page.getByTestId('layer-group-select').click();
  await page.locator('.ant-select-item-option', { hasText: '不分组' }).click();
  await expect(page.getByTestId(`layer-row-${world.id}`)).toHaveAttribute('aria-level', '1');
  await page.getByTestId('layer-group-select').click();
  await page.locator('.ant-select-item-option', { hasText: '分组 1' }).click();
  await expect(page.getByTestId(`layer-row-${world.id}`)).toHaveAttribute('aria-level', '2');
  await shot('layer-tree-group-opacity');

  // Opacity and groups are kept with the workspace.
  await page.reload();
  await expect(page.getByTestId(`layer-row-${dem.id}`)).toHaveAttribute('data-opacity', '0.5');
  await expect(page.getByTestId(`layer-row-${world.id}`)).toHaveAttribute('aria-level', '2');

  // Ungroup: the layers stay on the map.
  await group.click();
  await page.getByTestId('group-ungroup').click();
  await expect(group).toHaveCount(0);
  await expect.poll(() => treeOrder(page)).toEqual([dem.id, world.id]);
  await mapIdle(page);
});
