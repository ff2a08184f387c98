import type { Page } from '@playwright/test';
import { zhCN } from '../../src-renderer/i18n/zh-CN.js';
import { expect, openWorkstation, selectDataset, test, type Harness } from './harness-fixture.js';
import { fixture } from '../fixtures/index.js';
import { demFile, mineralPointsFile } from './inputs.js';
import { afterRender, mapPixels, shareNearColours } from './map-pixels.js';
import { TEAM } from '../support/team.js';

const count = (template: string, n: number): string => template.replace('{{count}}', String(n));

/** Runs the review of a dataset in the UI; checks the headline and the table agree with the stored report. */
async function reviewInUi(page: Page, harness: Harness, id: string, rule: string): Promise<void> {
  await selectDataset(page, id);
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-run').click();
  const summary = page.getByTestId('review-summary');
  await expect(summary).toHaveAttribute('data-passed', 'false');

  const report = (await harness.api.call('datasets.get', { id })).review;
  if (!report) throw new Error('the review was not stored');
  const table = page.getByTestId('findings-table');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(report.findings.length);
  await expect(table.locator('[data-severity="blocking"]')).toHaveCount(report.blocking);
  await expect(table).toContainText(rule);
  expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: rule, severity: 'blocking' }));
  await expect(summary).toContainText(count(zhCN.review.blocked, report.blocking));
  await expect(summary).toContainText(count(zhCN.review.findingsCount, report.findings.length));
}

test('the secrecy review lists each finding with its severity, and the headline counts them', async ({
  page,
  harness,
  shot,
}) => {
  const [dem, points] = await harness.importFiles(demFile(), mineralPointsFile());
  if (!dem || !points) throw new Error('import');
  await openWorkstation(page, harness);

  // A 5 m DEM grid is finer than the 100 m the profile allows; millimetre coordinates finer than 50 m.
  await reviewInUi(page, harness, points.id, 'position-precision');
  await reviewInUi(page, harness, dem.id, 'raster-resolution');
  await expect(page.getByTestId('findings-table')).toContainText('DEM 格网分辨率 5 米');
  await shot('05-review');
});

test('the reviewer decides on a finding: a reason is required to accept it, and the decision stays with the review', async ({
  page,
  harness,
  shot,
}) => {
  const [dem] = await harness.importFiles(demFile());
  if (!dem) throw new Error('import');
  await openWorkstation(page, harness);
  await reviewInUi(page, harness, dem.id, 'raster-resolution');

  await page.getByTestId('decide-1').click();
  const form = page.getByTestId('decision-form-1');
  await form.getByTestId('decision-choice-accept').click();
  await expect(form.getByTestId('decision-save')).toBeDisabled();
  await form.getByTestId('decision-reason').fill('该区域 5 米格网经批准可公开');
  await form.getByTestId('decision-save').click();
  const decision = page.getByTestId('decision-1');
  await expect(decision).toHaveAttribute('data-decision', 'accept');
  await expect(decision).toContainText('接受');
  await expect(decision).toContainText('该区域 5 米格网经批准可公开');
  await shot('05-review-decision');

  // Stored with the review, by whoever decided, and still there after a reload.
  const report = (await harness.api.call('datasets.get', { id: dem.id })).review;
  expect(report?.decisions).toEqual([
    expect.objectContaining({ finding: 1, decision: 'accept', reason: '该区域 5 米格网经批准可公开' }),
  ]);
  await page.reload();
  await selectDataset(page, dem.id);
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('decision-1')).toHaveAttribute('data-decision', 'accept');

  // The whole review: a return needs a comment; approval waits for every blocking finding.
  await page.getByTestId('review-return').click();
  await expect(page.getByTestId('verdict-form')).toContainText(zhCN.review.returnNeedsComment);
  // An approval asks for the reviewer's password (it unlocks the key that signs it) before any call.
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('verdict-form')).toContainText(zhCN.review.approveNeedsPassword);
  await page.getByTestId('verdict-password').fill('any password');
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('verdict-error')).toContainText('尚未作出决定');
  await page.getByTestId('verdict-comment').fill('请按 100 米格网重采样后重新提交');
  await page.getByTestId('review-return').click();
  const verdict = page.getByTestId('review-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'return');
  await expect(verdict).toContainText('退回');
  await expect(verdict).toContainText('请按 100 米格网重采样后重新提交');
  await expect(page.getByTestId('decide-1')).toBeDisabled();
  await shot('05-review-returned');
});

test('findings are grouped by rule under its legal basis, and a finding’s features are outlined on the map', async ({
  page,
  harness,
  shot,
}) => {
  // Facilities in a mining area: two military rows and a precise depth (tests/fixtures/review-content.ts).
  const [facilities, dem] = await harness.importFiles(
    fixture('review', 'content', 'utf8', '设施.shp'),
    demFile(),
  );
  if (!facilities || !dem) throw new Error('import');
  await openWorkstation(page, harness);
  await selectDataset(page, facilities.id);
  await page.getByTestId('tab-review').click();
  await page.getByTestId('review-run').click();
  await expect(page.getByTestId('review-summary')).toHaveAttribute('data-passed', 'false');
  const report = (await harness.api.call('datasets.get', { id: facilities.id })).review;
  if (!report) throw new Error('the review was not stored');

  // One group per rule that found something, each holding exactly that rule's findings.
  const rules = [...new Set(report.findings.map((f) => f.ruleId))];
  await expect(page.locator('[data-testid^="findings-group-"]')).toHaveCount(rules.length);
  for (const rule of rules)
    await expect(page.getByTestId(`findings-group-${rule}`).locator('tbody tr.ant-table-row')).toHaveCount(
      report.findings.filter((f) => f.ruleId === rule).length,
    );
  const group = page.getByTestId('findings-group-forbidden-content');
  await expect(group).toContainText('不得公开的内容');
  await expect(page.getByTestId('rule-basis-forbidden-content')).toContainText('自然资规〔2023〕2号');

  // The military rows: outlined on the map (the layer is put there), and the view fitted to them.
  const n =
    report.findings.findIndex((f) => f.ruleId === 'forbidden-content' && f.where.features?.length) + 1;
  const listed = report.findings[n - 1]?.where.features ?? [];
  expect(listed.length).toBeGreaterThan(0);
  const map = page.getByTestId('map-container');
  await expect(map).toHaveAttribute('data-finding', '0');
  await afterRender(page, () => page.getByTestId(`locate-${String(n)}`).click());
  await expect(map).toHaveAttribute('data-finding', String(listed.length));
  await expect(map).toHaveAttribute('data-finding-layer', facilities.id);
  await expect(page.getByTestId(`locate-${String(n)}`)).toHaveAttribute('data-shown', 'true');
  // The outline's red ring around each point (a few hundred pixels; nothing else on this map is red).
  const redPixels = async (): Promise<number> => {
    const pixels = await mapPixels(page);
    return shareNearColours(pixels, [[230, 0, 0]], 40) * pixels.width * pixels.height;
  };
  await expect.poll(redPixels).toBeGreaterThan(100);
  await shot('05-review-finding-on-map');

  // The outline goes with its dataset's review: another dataset shown, nothing is outlined.
  await selectDataset(page, dem.id);
  await expect(map).toHaveAttribute('data-finding', '0');
});

test.describe('with accounts', () => {
  test.use({ signedInAs: 'reviewer' });

  test('the reviewer approves with his own password: a wrong one signs nothing, the right one signs the approval', async ({
    page,
    harness,
    shot,
  }) => {
    // The curator li.na imports (from the command line, beside the running app); wang.shen reviews.
    const file = await harness.stage(demFile());
    const imported = await harness.strataAs('curator')('import', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const [dem] = JSON.parse(imported.stdout) as { id: string }[];
    if (!dem) throw new Error('import');
    const cited = await harness.strataAs('curator')(
      'describe',
      dem.id,
      '--attribution',
      '广西壮族自治区地质调查院',
    );
    expect(cited.code, cited.stderr).toBe(0);
    await openWorkstation(page, harness);
    await reviewInUi(page, harness, dem.id, 'raster-resolution');
    const report = (await harness.api.call('datasets.get', { id: dem.id })).review;
    for (const [i, finding] of (report?.findings ?? []).entries()) {
      if (finding.severity !== 'blocking') continue;
      const n = String(i + 1);
      await page.getByTestId(`decide-${n}`).click();
      const form = page.getByTestId(`decision-form-${n}`);
      await form.getByTestId('decision-choice-accept').click();
      // Accepting needs a reason: the save waits for one.
      await expect(form.getByTestId('decision-save')).toBeDisabled();
      await form.getByTestId('decision-reason').fill('公开版按 100 米重采样');
      await form.getByTestId('decision-save').click();
      await expect(page.getByTestId(`decision-${n}`)).toHaveAttribute('data-decision', 'accept');
    }

    await page.getByTestId('verdict-comment').fill('同意公开');
    await page.getByTestId('verdict-password').fill('not-my-password');
    await page.getByTestId('review-approve').click();
    await expect(page.getByTestId('verdict-error')).toContainText('密码不正确');
    expect((await harness.api.call('datasets.get', { id: dem.id })).review?.verdict).toBeNull();

    await page.getByTestId('verdict-password').fill(TEAM.reviewer.password);
    await page.getByTestId('review-approve').click();
    const verdict = page.getByTestId('review-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'approve');
    await expect(verdict).toContainText('wang.shen');
    await expect(verdict).toContainText('同意公开');
    await shot('05-review-approved');
    // What was stored is a signed approval: the curator can now make the public version from it.
    const released = await harness.strataAs('curator')('release', dem.id, '--json');
    expect(released.code, released.stderr).toBe(0);
  });
});
