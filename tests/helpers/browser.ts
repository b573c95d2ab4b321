import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';

/** A browser context signed in with a session token (signInAs) on the test server at `url`. */
export async function signedInContext(browser: Browser, url: string, token: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
  return context;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium; tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

type AxeRun = { violations: AxeViolation[] } | null;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; returns the violations, empty when clean.
 * `violationsOnly` skips computing passes, which is most of axe's time on the long E-ITS tables.
 * A page may replace itself by script (a signed-out tracker page goes to sign-in) between injecting axe
 * and running it; then the new document is checked once it has loaded.
 */
export async function runAxe(page: Page, options: { violationsOnly?: boolean } = {}): Promise<AxeViolation[]> {
  const resultTypes = options.violationsOnly ? ['violations'] : undefined;
  for (let attempt = 0; ; attempt++) {
    let result: AxeRun = null;
    try {
      // evaluate() runs outside the page's CSP, which forbids injected inline scripts.
      await page.evaluate(AXE_SOURCE);
      result = await page.evaluate(async (types) => {
        const axe = (window as unknown as { axe?: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
        if (!axe) return null; // a new document replaced the one axe was injected into
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, ...(types ? { resultTypes: types } : {}) });
      }, resultTypes);
    } catch (err) {
      if (!/Execution context was destroyed|navigat/i.test(String(err))) throw err;
    }
    if (result) {
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    }
    if (attempt >= 3) throw new Error(`axe could not run on ${page.url()}: the page kept navigating`);
    await page.waitForLoadState('load');
  }
}

/** Collects console errors and CSP violations a page produces, so a test can require none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
