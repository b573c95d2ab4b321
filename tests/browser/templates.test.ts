// A template goes through the whole workflow in a real browser: submitted through the form,
// approved by two reviewers in their own sessions, then shown on the public templates page.
// A script tag in the title and the comment must stay text: no dialog may ever open.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import type { Db } from '../../api/db/database.ts';
import { seedTestMeasures } from '../../api/templates/test-support.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe } from '../helpers/browser.ts';

const XSS_TITLE = '<script>alert(1)</script> Paroolipoliitika';
const XSS_COMMENT = '<img src=x onerror=alert(2)> Palun täpsusta paroolide pikkust.';

let running: TestServer;
let db: Db;
let url: string;
let browser: Browser;
const dialogs: string[] = [];
/** Failed responses of every page: none may come from the template API. */
const failed: string[] = [];

beforeAll(async () => {
  running = await startTestServer({ prepare: seedTestMeasures });
  ({ db, url } = running);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function contextAs(token: string | null): Promise<BrowserContext> {
  const ctx = await browser.newContext();
  if (token) await ctx.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
  return ctx;
}

async function open(ctx: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  const res = await page.goto(url + path);
  expect(res?.status()).toBe(200);
  return { page, errors };
}

describe('template workflow in a browser', () => {
  it('submits, gets two approvals and appears on the public list, with XSS inert and axe clean', async () => {
    const author = signInAs(db, 'specialist', ['0784']);
    const r1 = signInAs(db, 'reviewer');
    const r2 = signInAs(db, 'reviewer');

    // The author submits through the form; an empty title is refused first, with the error announced.
    const a = await contextAs(author.token);
    const { page: form, errors: formErrors } = await open(a, '/mallid/esita/');
    await form.waitForSelector('#submit-form:not([hidden])');
    expect(await runAxe(form)).toEqual([]);
    await form.click('#submit-button');
    await form.waitForSelector('#error-summary:not([hidden])');
    expect(await form.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await form.getAttribute('#tpl-title', 'aria-invalid')).toBe('true');
    expect(await runAxe(form)).toEqual([]);
    await form.fill('#tpl-title', XSS_TITLE);
    await form.fill('#tpl-summary', 'Paroolide ja mitmikautentimise nõuded omavalitsusele.');
    await form.selectOption('#tpl-category', 'poliitika');
    await form.fill('#tpl-measures', 'ISMS.1.M1, ORP.1.M1');
    await form.setInputFiles('#tpl-file', { name: 'paroolipoliitika.md', mimeType: 'text/markdown', buffer: Buffer.from('# Paroolipoliitika\n\nVähemalt 12 märki.\n') });
    await Promise.all([form.waitForURL(/\/mallid\/ulevaatus\/\?id=\d+/), form.click('#submit-button')]);
    await form.waitForSelector('#detail:not([hidden])');
    expect(await form.textContent('h1')).toBe(XSS_TITLE);
    expect(await form.locator('#detail script').count()).toBe(0);
    expect(await runAxe(form)).toEqual([]);
    expect(formErrors).toEqual([]);
    const id = Number(new URL(form.url()).searchParams.get('id'));

    // Reviewer 1: the queue, a comment (starts the review), then an approval.
    const b = await contextAs(r1.token);
    const { page: queue, errors: queueErrors } = await open(b, '/mallid/ulevaatus/');
    await queue.waitForSelector('#queue:not([hidden])');
    expect(await queue.textContent('#queue-table')).toContain(XSS_TITLE);
    expect(await runAxe(queue)).toEqual([]);
    await Promise.all([queue.waitForURL(/\?id=/), queue.getByRole('link', { name: XSS_TITLE }).click()]);
    await queue.waitForSelector('#review-form');
    await queue.fill('#comment-body', XSS_COMMENT);
    await queue.getByRole('button', { name: 'Lisa kommentaar' }).click();
    await queue.waitForSelector('.tpl-comment');
    expect(await queue.textContent('.tpl-comment .tpl-pre')).toBe(XSS_COMMENT);
    expect(await queue.locator('.tpl-comment img').count()).toBe(0);
    await queue.getByRole('button', { name: 'Kinnita' }).click();
    await expect.poll(() => queue.textContent('#load-status')).toBe('Hääl on salvestatud. Hääletus on avatud.');
    expect(await queue.textContent('.tpl-quorum')).toContain('Kinnitusi 1/2');
    expect(await runAxe(queue)).toEqual([]);
    expect(queueErrors).toEqual([]);

    // Reviewer 2 approves in a separate session: quorum reached.
    const c = await contextAs(r2.token);
    const { page: review2 } = await open(c, `/mallid/ulevaatus/?id=${id}`);
    await review2.waitForSelector('#review-form');
    await review2.getByRole('button', { name: 'Kinnita' }).click();
    await expect.poll(() => review2.textContent('#load-status')).toBe('Hääl on salvestatud. Mall on kinnitatud.');
    expect(await review2.locator('#review-form').count()).toBe(0);

    // Anyone, signed out, sees it on the templates page and can download it.
    const anon = await contextAs(null);
    const { page: list, errors: listErrors } = await open(anon, '/mallid/');
    await list.waitForSelector('#template-list [data-source="tooruhm"]');
    const card = list.locator('#template-list [data-source="tooruhm"]').first();
    expect(await card.locator('h2').textContent()).toBe(XSS_TITLE);
    const href = await card.getByRole('link', { name: /Laadi alla/ }).getAttribute('href');
    const file = await anon.request.get(url + href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(await runAxe(list)).toEqual([]);
    // Signed out, the site header's session check answers 401; nothing else may fail.
    expect(listErrors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    expect(failed.filter((f) => f !== '401 /api/auth/me')).toEqual([]);

    // The author's municipality records adoption of version 1.
    const { page: adopt, errors: adoptErrors } = await open(a, '/mallid/kasutus/');
    await adopt.waitForSelector('#kov-section:not([hidden])');
    await adopt.selectOption('#adopt-template', `wg:${id}:1`);
    await adopt.fill('#adopt-date', '01.02.2025');
    await adopt.getByRole('button', { name: 'Salvesta' }).click();
    await expect.poll(() => adopt.textContent('#load-status')).toBe('Kasutuselevõtt on salvestatud.');
    await expect.poll(() => adopt.textContent('#kov-adoptions')).toContain(XSS_TITLE);
    expect(await runAxe(adopt)).toEqual([]);
    expect(adoptErrors).toEqual([]);

    // ELVL sees the adoption across the 79.
    const e = await contextAs(signInAs(db, 'analyst').token);
    const { page: elvl, errors: elvlErrors } = await open(e, '/mallid/kasutus/');
    await elvl.waitForSelector('#elvl-section:not([hidden])');
    expect(await elvl.textContent('#elvl-summary')).toBe('Kasutusele võtnud 1 omavalitsust 79-st, neist uusimal kinnitatud versioonil 1.');
    expect(await elvl.locator('#elvl-table tbody tr').count()).toBe(79);
    expect(await runAxe(elvl)).toEqual([]);
    expect(elvlErrors).toEqual([]);

    expect(dialogs).toEqual([]);
    for (const ctx of [a, b, c, anon, e]) await ctx.close();
  }, 180_000);
});
