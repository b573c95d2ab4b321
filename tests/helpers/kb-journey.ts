/** Page checks for the knowledge-base journey test (tests/browser/kb-journey.test.ts). */
import type { Page } from 'playwright-core';
import { runAxe } from './browser.ts';

/** How far the page scrolls sideways (0 = it fits the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe (WCAG 2.0/2.1 A+AA) violations as one line each, empty when clean. */
export async function axeProblems(page: Page): Promise<string[]> {
  return (await runAxe(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * Words inside table cells that the browser split over two lines. A "word" is a run without spaces,
 * hyphens or slashes (a line may legitimately break after a hyphen or slash); a word laid out on more
 * than one line box was broken mid-word.
 */
export function wordsBrokenInTables(page: Page, selector = 'main table'): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const table of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[^\s\-\u2010/]+/g)) {
          if (m[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** Every table of the page's main content, with the region that scrolls it (null when none). */
export function tableRegions(page: Page): Promise<Array<{ role: string | null; tabindex: string | null; label: string | null; lang: string }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main table')).map((t) => {
      const region = t.parentElement;
      return {
        role: region?.getAttribute('role') ?? null,
        tabindex: region?.getAttribute('tabindex') ?? null,
        label: region?.getAttribute('aria-label') ?? null,
        lang: (t.closest('[lang]') as HTMLElement | null)?.lang ?? '',
      };
    }),
  );
}

/** The `content` of an element's ::before box (as CSS reports it, quotes included). */
export function beforeContent(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => getComputedStyle(el, '::before').content);
}
