// "Unustasin parooli" in a real browser, on a desktop and at 390 px: the sign-in page's link, the
// request form, the mail's link (read from the outbox, as no SMTP server is configured), a new
// password, signed in. And the admin's "Saatmata kirjad" showing that mail. axe on each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { createUser } from '../../api/users/service.ts';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { axeViolations, pageWidth } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const OLD_PASSWORD = 'vana parool mida ei mäleta';
const NEW_PASSWORD = 'uus parool kolmest sõnast';
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let running: TestServer;
let browser: Browser;

beforeAll(async () => {
  const hash = await hashPassword(OLD_PASSWORD);
  running = await startTestServer({
    prepare: (db) => {
      createUser(db, { email: 'ada@elvl.ee', name: 'Ada Admin', role: 'admin', kovs: [] }, { id: null }, hash);
      for (const v of VIEWPORTS) createUser(db, { email: `mari-${v.name}@vald.ee`, name: `Mari ${v.name}`, role: 'viewer', kovs: ['0141'] }, { id: null }, hash);
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function expectFits(page: Page, width: number) {
  expect(await axeViolations(page)).toEqual([]);
  const measured = await pageWidth(page);
  expect(measured.scrollWidth, measured.widest.join(', ')).toBeLessThanOrEqual(width);
}

const resetLinkFor = (email: string) => {
  const text = running.db.prepare("SELECT text FROM mail_outbox WHERE kind = 'password_reset' AND to_address = ? ORDER BY id DESC").pluck().get(email) as string | undefined;
  return text ? /https?:\/\/\S+\/seadista-parool\/#token=[A-Za-z0-9_-]+/.exec(text)?.[0] : undefined;
};

describe.each(VIEWPORTS)('password reset ($name)', (viewport) => {
  it('asks for a link, sets a new password with it and is signed in', async () => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const email = `mari-${viewport.name}@vald.ee`;
    await page.goto(`${running.url}/logi-sisse/`);
    await page.click('#forgot-link');
    await page.waitForURL(`${running.url}/unustasin-parooli/`);
    await expectFits(page, viewport.width);
    // A malformed address is refused on the page, announced and focused.
    await page.fill('#reset-email', 'mari');
    await page.keyboard.press('Enter');
    await page.locator('#reset-alert').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reset-email');
    await page.fill('#reset-email', email);
    await page.keyboard.press('Enter');
    await page.locator('#reset-done', { hasText: 'Kui selle aadressiga on Turvaradas aktiivne konto' }).waitFor();
    expect(await page.locator('#reset-form').isHidden()).toBe(true);
    await expectFits(page, viewport.width);

    const link = resetLinkFor(email);
    expect(link).toBeTruthy();
    expect(link!.startsWith(`${running.url}/seadista-parool/#token=`)).toBe(true);
    await page.goto(link!);
    await page.locator('#invite-who', { hasText: email }).waitFor();
    await expectFits(page, viewport.width);
    await page.fill('#new-password', NEW_PASSWORD);
    await page.fill('#repeat-password', NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${running.url}/minu-konto/?parool=seatud`);
    await page.locator('#account-menu', { hasText: `Mari ${viewport.name}` }).waitFor();
    expect(await page.textContent('#acc-email')).toBe(email);
    // The link worked once; the old password is gone.
    const again = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: running.url }, body: JSON.stringify({ email, password: OLD_PASSWORD }) });
    expect(again.status).toBe(401);
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);

  it("shows the unsent mail on the admin's page, with its text in a demo without SMTP", async () => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    await page.goto(`${running.url}/logi-sisse/?tagasi=/haldus/kirjad/`);
    await page.fill('#email', 'ada@elvl.ee');
    await page.fill('#password', OLD_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${running.url}/haldus/kirjad/`);
    await page.locator('#outbox-body tr').first().waitFor();
    expect(await page.locator('#account-menu a[href="/haldus/kirjad/"]').textContent()).toBe('Saatmata kirjad');
    expect(await page.locator('#outbox-body').textContent()).toContain(`mari-${viewport.name}@vald.ee`);
    expect(await page.locator('.outbox-text').first().textContent()).toContain('/seadista-parool/#token=');
    await expectFits(page, viewport.width);
    await context.close();
  }, 180_000);
});
