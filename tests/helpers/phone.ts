// Helpers for checking pages at phone width: load a page until its scripts have settled, measure how
// wide it really is (and which elements stick out), run axe for violations only.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { runAxe } from './browser.ts';

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
  const violations = await runAxe(page, { violationsOnly: true });
  return violations.map((v) => `${v.id} (${v.help}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Ids that more than one element carries: a label or a script then finds the wrong element. */
export async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

/** The page is no wider than `width` (the message names the elements that stick out). */
export async function expectFits(page: Page, width: number): Promise<void> {
  const w = await pageWidth(page);
  expect(w.scrollWidth, `too wide: ${w.widest.join(', ')}`).toBeLessThanOrEqual(width);
}

/** The page is no wider than `width` and axe finds no violation. */
export async function expectFitsAndAccessible(page: Page, width: number): Promise<void> {
  await expectFits(page, width);
  expect(await axeViolations(page)).toEqual([]);
}
