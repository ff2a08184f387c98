import type { Page } from '@playwright/test';
import { renderMessage, type MessageKey } from '../../src-main/api/messages.js';
import { en } from '../../src-renderer/i18n/en.js';
import { zhCN } from '../../src-renderer/i18n/zh-CN.js';
import { expect, selectDataset, test } from './harness-fixture.js';
import { demFile } from './inputs.js';

// Issue 7 "Done means": log in as two roles and show that a curator cannot approve and a reviewer
// cannot edit; the wrong password's message; logout back to the login screen; an administrator
// adds an account (ADR 0175). The main process refuses all of it too (tests/integration).

const msg = (key: MessageKey): string => renderMessage(key, {}, 'zh-CN');
const PASSWORDS = { admin1: 'admin-pass-1', 'wang.wu': 'curator-pass', 'li.na': 'reviewer-pass' } as const;

async function logIn(page: Page, name: keyof typeof PASSWORDS): Promise<void> {
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORDS[name]);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('session-menu')).toHaveAttribute('data-user', name);
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('session-menu').click();
  await page.getByTestId('menu-logout').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('session-menu')).toHaveCount(0);
}

test('log in as a curator and a reviewer: each sees only what their role may do; an administrator adds an account', async ({
  page,
  harness,
  shot,
}) => {
  // Set up in the open mode (the harness's local user), then switch accounts on as `strata init` does.
  const dem = await harness.importOne(demFile());
  await harness.api.call('review.run', { id: dem.id });
  await harness.api.call('accounts.enable', {
    name: 'admin1',
    displayName: '系统管理员',
    password: PASSWORDS.admin1,
  });
  const admin = await harness.api.login('admin1', PASSWORDS.admin1);
  await admin.call('users.add', {
    name: 'wang.wu',
    displayName: '王五',
    roles: ['curator'],
    password: PASSWORDS['wang.wu'],
  });
  await admin.call('users.add', {
    name: 'li.na',
    displayName: '李娜',
    roles: ['reviewer'],
    password: PASSWORDS['li.na'],
  });

  await page.goto(harness.url);
  await expect(page.getByTestId('login-screen')).toBeVisible();
  // Signed out, the page offers nothing but the login (and the language).
  await expect(page.getByTestId('import-button')).toHaveCount(0);
  await expect(page.getByTestId('audit-status')).toHaveCount(0);
  await shot('20-login');

  // A wrong password is refused with the translated message, and nobody is logged in.
  await page.getByTestId('login-name').fill('wang.wu');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText(msg('error.LOGIN_FAILED'));
  await expect(page.getByTestId('login-screen')).toBeVisible();

  // The curator edits the record, and sees the review without the reviewer's controls.
  await logIn(page, 'wang.wu');
  await expect(page.getByTestId('user-roles')).toHaveText(msg('role.curator'));
  await expect(page.getByTestId('import-button')).toBeVisible();
  await selectDataset(page, dem.id);
  await expect(page.getByTestId('field-title')).toBeEnabled();
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-summary')).toBeVisible();
  await expect(page.getByTestId('review-approve')).toHaveCount(0);
  await expect(page.getByTestId('review-run')).toBeHidden();
  await shot('22-curator-review');
  await logOut(page);

  // The reviewer approves or returns, and reads the record without editing it.
  await logIn(page, 'li.na');
  await expect(page.getByTestId('user-roles')).toHaveText(msg('role.reviewer'));
  await expect(page.getByTestId('import-button')).toHaveCount(0);
  await selectDataset(page, dem.id);
  await expect(page.getByTestId('field-title')).toBeDisabled();
  await expect(page.getByTestId('field-abstract')).toBeDisabled();
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-approve')).toBeVisible();
  await expect(page.getByTestId('review-run')).toBeVisible();
  // The reviewer has no account administration.
  await page.getByTestId('session-menu').click();
  await expect(page.getByTestId('menu-password')).toBeVisible();
  await expect(page.getByTestId('menu-accounts')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await logOut(page);

  // The administrator lists the accounts and adds one.
  await logIn(page, 'admin1');
  await page.getByTestId('session-menu').click();
  await page.getByTestId('menu-accounts').click();
  const drawer = page.getByTestId('accounts-drawer');
  await expect(drawer.getByTestId('account-row-li.na')).toContainText(msg('role.reviewer'));
  await expect(drawer.getByTestId('account-row-wang.wu')).toContainText('王五');
  await drawer.getByTestId('account-name').fill('zhao.liu');
  await drawer.getByTestId('account-display-name').fill('赵六');
  await drawer.getByTestId('account-roles').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: msg('role.publisher') })
    .click();
  await page.keyboard.press('Escape');
  await drawer.getByTestId('account-password').fill('publisher-pass');
  await drawer.getByTestId('account-add').click();
  const added = drawer.getByTestId('account-row-zhao.liu');
  await expect(added).toContainText('赵六');
  await expect(added).toContainText(msg('role.publisher'));
  await expect(added).toContainText(zhCN.accounts.active);
  expect((await admin.call('users.list', {})).map((a) => a.name)).toContain('zhao.liu');
  // The screenshot without the passing "added" toast.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot('21-accounts');
});

test('the login refuses a wrong password and locks after five, in both languages; a user changes their password; a session that ends returns to the login', async ({
  page,
  harness,
}) => {
  await harness.api.call('accounts.enable', { name: 'admin1', password: PASSWORDS.admin1 });
  const admin = await harness.api.login('admin1', PASSWORDS.admin1);
  await admin.call('users.add', { name: 'li.na', roles: ['reviewer'], password: PASSWORDS['li.na'] });
  await page.goto(harness.url);
  // The login screen and its refusals read in English too.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('login-screen')).toContainText(en.login.hint);
  await page.getByTestId('login-name').fill('li.na');
  await page.getByTestId('login-password').fill('wrong');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText(renderMessage('error.LOGIN_FAILED', {}, 'en'));
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('login-error')).toContainText(msg('error.LOGIN_FAILED'));
  // The fifth wrong password in a row locks the account; the screen says until when, in local time.
  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await page.getByTestId('login-password').fill(`wrong-${String(attempt)}`);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-submit')).toBeEnabled();
  }
  await expect(page.getByTestId('login-error')).toContainText(/账户已锁定至 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  await logIn(page, 'admin1');

  await page.getByTestId('session-menu').click();
  await page.getByTestId('menu-password').click();
  const dialog = page.getByTestId('password-dialog');
  await dialog.getByTestId('password-old').fill(PASSWORDS.admin1);
  await dialog.getByTestId('password-new').fill('new-admin-pass');
  await dialog.getByTestId('password-confirm').fill('new-admin-pass-typo');
  await dialog.getByTestId('password-save').click();
  await expect(dialog).toContainText(zhCN.password.mismatch);
  await dialog.getByTestId('password-confirm').fill('new-admin-pass');
  await dialog.getByTestId('password-save').click();
  await expect(page.getByText(zhCN.password.changed)).toBeVisible();
  await logOut(page);
  await page.getByTestId('login-name').fill('admin1');
  await page.getByTestId('login-password').fill(PASSWORDS.admin1);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText(msg('error.LOGIN_FAILED'));
  await page.getByTestId('login-password').fill('new-admin-pass');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('session-menu')).toHaveAttribute('data-user', 'admin1');

  // The session ends behind the page's back (a logout through its own cookie); the next call the
  // page makes meets SESSION_REQUIRED and the page returns to the login screen.
  await page.evaluate(() =>
    fetch('/rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'session.logout', args: {} }),
    }),
  );
  await page.getByTestId('audit-status').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
});
