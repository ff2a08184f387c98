import { expect, openWorkstation, test } from './harness-fixture.js';
import { cursorAt } from './map-tools-support.js';

test('issue 6: a left-button drag pans the map', async ({ page, harness }) => {
  await openWorkstation(page, harness);
  // Focus elsewhere first, as after working in a panel: the map must pan without being focused.
  await page.getByTestId('import-button').focus();
  const box = await page.getByTestId('map-container').boundingBox();
  if (!box) throw new Error('map has no box');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const before = await cursorAt(page, [x, y]);

  await page.mouse.move(x, y);
  await page.mouse.down({ button: 'left' });
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(x + i * 12, y + i * 6);
  await page.mouse.up({ button: 'left' });

  // The spot under the cursor's old place is now a different one: the view centre moved, by the
  // drag's direction (content follows the mouse: the view looks further west and north).
  const after = await cursorAt(page, [x, y]);
  expect(after[0]).toBeLessThan(before[0]);
  expect(after[1]).toBeGreaterThan(before[1]);
});

test('issue 6: files dropped on the browser UI do not navigate away, and the page says to use the import dialog', async ({
  page,
  harness,
}) => {
  await openWorkstation(page, harness);
  const url = page.url();
  const prevented = await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['II*\u0000'], 'guilin_dem.tif', { type: 'image/tiff' }));
    const target = document.querySelector('[data-testid="map-container"]') ?? document.body;
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer });
    target.dispatchEvent(over);
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
    target.dispatchEvent(drop);
    return { over: over.defaultPrevented, drop: drop.defaultPrevented };
  });
  // Both prevented: the browser neither shows "no drop" nor opens the file in place of the app.
  expect(prevented).toEqual({ over: true, drop: true });
  const hint = page.getByTestId('drop-refused');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('浏览器无法取得拖入文件的路径');
  await expect(hint).toContainText('导入数据');
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('app-title')).toBeVisible();

  // Following the hint: the import dialog opens and the hint goes.
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-paths')).toBeVisible();
  await expect(hint).toHaveCount(0);
});
