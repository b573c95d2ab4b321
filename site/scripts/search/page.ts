/**
 * The search page: reads ?q=, searches as the user types (debounced), keeps the URL in sync, shows
 * the best 30 with the real count and a button for 30 more.
 */
import { render } from 'lit-html';
import { countText, loadSearch, renderResults } from './load.ts';

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const PAGE = 30;

if (form && input && status && list) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let limit = PAGE;
  const run = async () => {
    const value = input.value.trim();
    const url = new URL(window.location.href);
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!value) {
      if (more) more.hidden = true;
      render('', list);
      status.textContent = '';
      return;
    }
    status.textContent = 'Otsin…';
    try {
      const search = await loadSearch();
      if (input.value.trim() !== value) return;
      const q = search.parse(value);
      const { results, total } = search.searcher.query(value, limit);
      renderResults(list, results, search, q, 'h2');
      status.textContent = countText(total, results.length);
      if (more) more.hidden = results.length >= total;
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : 'Otsing ebaõnnestus.';
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  more?.addEventListener('click', () => {
    // Keyboard users continue at the first new result (the button may disappear).
    const shown = list.children.length;
    limit += PAGE;
    void run().then(() => list.children[shown]?.querySelector<HTMLAnchorElement>('a')?.focus());
  });
  input.addEventListener('input', () => {
    limit = PAGE;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  input.addEventListener('focus', () => void loadSearch().catch(() => undefined), { once: true });
  const initial = new URL(window.location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
