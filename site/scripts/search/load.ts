/**
 * Lazy loading of the search: the search core (a separate chunk) and /otsing/index.json are fetched
 * only on first use (focus or a query), once per page.
 */
import { html, render, type TemplateResult } from 'lit-html';
import type { ParsedQuery, SearchResult, Searcher } from '../../lib/search-core.ts';
import { markedParts } from './marks.ts';

export interface LoadedSearch {
  searcher: Searcher;
  parse(input: string): ParsedQuery;
  highlight(text: string, q: ParsedQuery): string;
}

let pending: Promise<LoadedSearch> | null = null;

export function loadSearch(): Promise<LoadedSearch> {
  pending ??= (async () => {
    const [core, res] = await Promise.all([import('../../lib/search-core.ts'), fetch('/otsing/index.json')]);
    if (!res.ok) throw new Error(`Otsinguindeksi laadimine ebaõnnestus (${res.status})`);
    const searcher = core.createSearcher(await res.json());
    return { searcher, parse: core.parseQuery, highlight: core.highlight };
  })();
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

/** Text with the words that match the query in <mark>, as lit values (so the text stays text). */
function highlighted(search: LoadedSearch, text: string, q: ParsedQuery): TemplateResult {
  return html`${markedParts(search.highlight(text, q)).map((p) => (p.marked ? html`<mark>${p.text}</mark>` : p.text))}`;
}

/** Renders results as list items: type, highlighted title link, highlighted summary. */
export function renderResults(list: HTMLElement, results: SearchResult[], search: LoadedSearch, q: ParsedQuery, headingTag: 'h2' | 'span'): void {
  const item = (r: SearchResult) => {
    const title = html`<a href=${r.url}>${highlighted(search, r.title, q)}</a>`;
    const heading = headingTag === 'h2' ? html`<h2 class="search-result__title">${title}</h2>` : html`<span class="search-result__title">${title}</span>`;
    return html`<li><span class="tag">${r.typeLabel}</span> ${heading}${r.summary ? html`<p>${highlighted(search, r.summary, q)}</p>` : ''}</li>`;
  };
  render(html`${results.map(item)}`, list);
}

/**
 * Estonian result count, always the real number of matches: "1 tulemus", "5 tulemust",
 * "42 tulemust, näidatakse 5 parimat" when only the best are listed.
 */
export function countText(total: number, shown: number): string {
  if (total === 0) return 'Ei leitud midagi. Proovi teist sõna või lühemat sõnaalgust.';
  const count = `${total} ${total === 1 ? 'tulemus' : 'tulemust'}`;
  return shown < total ? `${count}, näidatakse ${shown} parimat` : count;
}
