// Accounts pages in a real browser: keyboard sign-in, my account, user admin, set-password link; axe on each.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { createUser } from '../../api/users/service.ts';
import { collectPageErrors, launchBrowser, runAxe } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PASSWORD = 'sinine meri ja kollane päike';
let running: TestServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  running = await startTestServer({
    prepare: (db) => void createUser(db, { email: 'ada@elvl.ee', name: 'Ada Admin', role: 'admin', kovs: [] }, { id: null }, hash),
  });
  url = running.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function expectAccessible(page: Page) {
  expect(await runAxe(page)).toEqual([]);
}

/** Skip link → main → the first field, then type and submit with Enter: no mouse. */
async function keyboardLogin(page: Page, email: string, password: string) {
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Liigu põhisisu juurde');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

describe('accounts pages', () => {
  it('signs in with the keyboard, announces errors, and shows my account', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${url}/logi-sisse/?tagasi=/minu-konto/`);
    await expectAccessible(page);
    await keyboardLogin(page, 'ada@elvl.ee', 'see ei ole õige parool');
    const alert = page.locator('#login-alert[role="alert"]');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toBe('Vale e-posti aadress või parool.');
    await expectAccessible(page);
    await page.reload();
    await keyboardLogin(page, 'ada@elvl.ee', PASSWORD);
    await page.waitForURL(`${url}/minu-konto/`);
    await page.locator('#sessions-body tr').first().waitFor();
    expect(await page.textContent('#acc-email')).toBe('ada@elvl.ee');
    // The header's account menu loads on its own: wait for it.
    await page.locator('#account-menu', { hasText: 'Ada Admin' }).waitFor();
    expect(await page.locator('#sessions-body .tag').textContent()).toBe('see seade');
    await expectAccessible(page);
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);

  it('an admin invites a user who sets a password with the link; logout everywhere signs out', async () => {
    const admin = await browser.newContext();
    const page = await admin.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${url}/logi-sisse/?tagasi=/haldus/kasutajad/`);
    await keyboardLogin(page, 'ada@elvl.ee', PASSWORD);
    await page.waitForURL(`${url}/haldus/kasutajad/`);
    await page.locator('#users-body tr').first().waitFor();
    await expectAccessible(page);
    await page.fill('#u-email', 'vello@anija.ee');
    await page.fill('#u-name', 'Vello Vaataja');
    await page.selectOption('#u-role', 'viewer');
    await page.check('input[name="kov"][value="0141"]');
    await page.check('#u-head');
    await page.click('#u-submit');
    await page.locator('#users-link').waitFor({ state: 'visible' });
    const link = (await page.textContent('#users-link-value'))!;
    expect(link).toMatch(new RegExp(`^${url}/seadista-parool/#`));
    // The list refreshes after the link is shown: wait for the new row rather than racing it.
    await page.locator('#users-body tr', { hasText: 'vello@anija.ee' }).waitFor();
    expect(await page.locator('#users-body tr', { hasText: 'vello@anija.ee' }).textContent()).toContain('Ootab parooli');
    // Marked head of the municipality (KOV juht) from the form; the box is off for roles that cannot be one.
    expect(await page.locator('#users-body tr', { hasText: 'vello@anija.ee' }).textContent()).toContain('KOV juht');
    await page.selectOption('#u-role', 'analyst');
    expect(await page.isDisabled('#u-head')).toBe(true);
    await page.selectOption('#u-role', 'specialist');
    await expectAccessible(page);

    const invited = await browser.newContext();
    const invitedPage = await invited.newPage();
    const invitedErrors = collectPageErrors(invitedPage);
    await invitedPage.goto(link);
    await invitedPage.locator('#invite-form').waitFor({ state: 'visible' });
    expect(await invitedPage.textContent('#invite-who')).toContain('vello@anija.ee');
    await expectAccessible(invitedPage);
    await invitedPage.fill('#new-password', 'lühike');
    await invitedPage.fill('#repeat-password', 'lühike');
    await invitedPage.click('#invite-form button[type="submit"]');
    await invitedPage.locator('#invite-alert', { hasText: '12' }).waitFor();
    await invitedPage.fill('#new-password', 'kolm rohelist jõhvikat');
    await invitedPage.fill('#repeat-password', 'kolm rohelist jõhvikat');
    await invitedPage.click('#invite-form button[type="submit"]');
    await invitedPage.waitForURL(/\/minu-konto\//);
    await invitedPage.locator('#sessions-body tr').first().waitFor();
    expect(await invitedPage.textContent('#acc-kovs')).toBe('Anija vald');
    await invitedPage.click('#logout-all');
    await invitedPage.waitForURL(/\/logi-sisse\//);
    const me = await invitedPage.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    expect(me).toBe(401);
    expect([...errors, ...invitedErrors].filter((e) => !/401/.test(e))).toEqual([]);
    await invited.close();
    await admin.close();
  }, 180_000);

  it('a used or bad link shows a clear message', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/seadista-parool/#vigane`);
    await page.locator('#invite-alert').waitFor({ state: 'visible' });
    expect(await page.textContent('#invite-alert')).toContain('aegunud');
    await expectAccessible(page);
    await page.close();
  });
});
