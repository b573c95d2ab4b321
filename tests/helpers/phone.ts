// Helpers for checking pages at phone width: load a page until its scripts have settled, measure how
// wide it really is (and which elements stick out), run axe for violations only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Opens the page and waits until its requests are done (scripts fill pages from the API). */
export async function settle(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'networkidle' });
      // A page that sends the browser elsewhere by script (sign-in, a single municipality) lands first.
      await page.waitForLoadState('networkidle');
      return;
    } catch (err) {
      if (attempt >= 2 || !/interrupted by another navigation|Execution context was destroyed/.test(String(err))) throw err;
    }
  }
}

/** The document's scroll width and, when it is too wide, the first elements that reach past the screen. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`);
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
}

/** axe-core WCAG 2.0/2.1 A+AA violations as "rule (help) targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id} (${v.help}) ${v.targets.join(', ')}`);
}
