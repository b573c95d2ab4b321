/**
 * Header search box: preloads the index on focus, shows up to 5 quick results while typing with the
 * real number of matches and a link to all of them (links, reachable with Tab; Escape closes), and
 * submits to /otsing/?q= for the full list.
 */
import { countText, loadSearch, renderResults } from './load.ts';

const form = document.querySelector<HTMLFormElement>('#header-search');
const input = document.querySelector<HTMLInputElement>('#header-search-q');
const panel = document.querySelector<HTMLElement>('#header-search-panel');
const status = document.querySelector<HTMLElement>('#header-search-status');
const list = document.querySelector<HTMLElement>('#header-search-results');
const more = document.querySelector<HTMLAnchorElement>('#header-search-more');

if (form && input && panel && status && list) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    panel.hidden = true;
  };
  const run = async () => {
    const value = input.value.trim();
    if (value.length < 2) return close();
    try {
      const search = await loadSearch();
      if (input.value.trim() !== value) return;
      const { results, total } = search.searcher.query(value, 5);
      renderResults(list, results, search, search.parse(value), 'span');
      status.textContent = countText(total, results.length);
      if (more) {
        more.hidden = total <= results.length;
        more.href = `/otsing/?q=${encodeURIComponent(value)}`;
      }
      panel.hidden = false;
    } catch {
      close();
    }
  };
  input.addEventListener('focus', () => void loadSearch().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) {
      // Keep the typed text (a search input clears itself on Escape by default).
      e.preventDefault();
      close();
      input.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
}
