/** The search page: reads ?q=, searches as the user types (debounced), keeps the URL in sync. */
import { render } from 'lit-html';
import { countText, loadSearch, renderResults } from './load.ts';

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLElement>('#search-results');

if (form && input && status && list) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const value = input.value.trim();
    const url = new URL(window.location.href);
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!value) {
      render('', list);
      status.textContent = '';
      return;
    }
    status.textContent = 'Otsin…';
    try {
      const search = await loadSearch();
      if (input.value.trim() !== value) return;
      const q = search.parse(value);
      const results = search.searcher.search(value, 30);
      renderResults(list, results, search, q, 'h2');
      status.textContent = countText(results.length);
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : 'Otsing ebaõnnestus.';
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => {
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
