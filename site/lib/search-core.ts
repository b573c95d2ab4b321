/**
 * The search core shared by the build (index generation: search-build.ts), the browser (search page
 * and header box) and the CLI (`npm run cli -- search`). Pure: no DOM, no file system.
 *
 * Index and query pass through the same Estonian chain (estonian.ts). The query is only ever a list
 * of our own normalised tokens looked up in the index (search-engine.ts): no query syntax, so
 * characters such as `:` `~` `^` `*` are harmless.
 */
import { normalizeTerm, splitWords, trimToken, ESTONIAN_STOP_WORDS, foldDiacritics, stemEstonian } from './estonian.ts';
import { createEngine, type SerializedSearch } from './search-engine.ts';

export type SearchType = 'guide' | 'solution' | 'template' | 'module' | 'measure' | 'note';

/** Estonian labels shown next to each result. */
export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  guide: 'Juhend',
  solution: 'Standardlahendus',
  template: 'Mall',
  module: 'E-ITS moodul',
  measure: 'E-ITS meede',
  note: 'Meetme selgitus',
};
/** Type codes of the serialized index (position = code): append new types, never reorder. */
export const TYPE_CODES: SearchType[] = ['guide', 'solution', 'template', 'module', 'measure', 'note'];

/** One searchable item, as the build collects it. */
export interface SearchDoc {
  url: string;
  title: string;
  type: SearchType;
  summary: string;
  /** Editor keywords (inflected forms, synonyms): boosted. */
  keywords?: string[];
  /** Identifiers of the item itself (module or measure id): boosted most. */
  ids?: string[];
  /** Ids the item cites (measures, modules): weak signal. */
  refs?: string[];
  /** Plain body text. */
  body?: string;
  /** Measures: priority in the KOV profile; absent = outside the profile. Ranks profile measures first. */
  kovPriority?: 'P1' | 'P2' | 'P3';
}

export interface SearchResult {
  url: string;
  title: string;
  type: SearchType;
  typeLabel: string;
  summary: string;
  score: number;
}

/** The normalised query: one entry per meaningful word; the last one is also used as a prefix. */
export interface ParsedQuery {
  terms: string[];
  prefix: string | null;
}

/** A typed start of an E-ITS id ending in a dot, "APP." or "ops.1.": a prefix of ids only, not the word "app". */
const ID_START = /(?:^|[^\p{L}\p{N}.])([A-Za-z]{2,5}(?:\.[A-Za-z0-9]+)*\.)\s*$/u;

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, 200);
  const words = splitWords(text).slice(0, 12);
  let terms = words.map(normalizeTerm).filter((t): t is string => !!t);
  // A query of only stop words still deserves an answer ("kas" alone): search the words themselves.
  if (terms.length === 0) terms = words.map((w) => stemEstonian(foldDiacritics(trimToken(w)))).filter(Boolean);
  const idStart = ID_START.exec(text)?.[1];
  const typedId = idStart && (/\d/.test(idStart) || idStart === idStart.toUpperCase());
  if (typedId && terms.at(-1) === idStart.slice(0, -1).toLowerCase()) {
    terms[terms.length - 1] = idStart.toLowerCase();
  }
  const last = terms.at(-1) ?? null;
  return { terms: [...new Set(terms)], prefix: last && last.length >= 3 ? last : null };
}

export interface SearchPage {
  /** The best `limit` results, best first. */
  results: SearchResult[];
  /** How many documents matched in all (the real count, not the number shown). */
  total: number;
}

export interface Searcher {
  search(input: string, limit?: number): SearchResult[];
  /** The best `limit` results and the total number of matches. */
  query(input: string, limit?: number): SearchPage;
  size: number;
}

/** Loads a serialized index (browser or Node) and returns a searcher. */
export function createSearcher(data: SerializedSearch): Searcher {
  if (data.v !== 3) throw new Error('Otsinguindeksi vorming on tundmatu: ehita sait uuesti.');
  const engine = createEngine(data);
  const query = (input: string, limit = 10): SearchPage => {
    const parsed = parseQuery(input);
    if (parsed.terms.length === 0) return { results: [], total: 0 };
    const { hits, total } = engine.rank(parsed, limit);
    const results = hits.map(({ doc, score }) => {
      const [url, title, code, summary] = data.docs[doc]!;
      const type = TYPE_CODES[code] ?? 'guide';
      return { url, title, type, typeLabel: SEARCH_TYPE_LABELS[type], summary, score: Math.round(score * 1000) / 1000 };
    });
    return { results, total };
  };
  return { size: data.docs.length, query, search: (input, limit) => query(input, limit).results };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Escapes `text` and wraps the words that match the query in <mark>. A word matches when its
 * normalised form equals a query term, or starts with the prefix term.
 */
export function highlight(text: string, query: ParsedQuery): string {
  const terms = new Set(query.terms);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    const word = m[0];
    const norm = normalizeTerm(word) ?? '';
    const folded = foldDiacritics(word.toLowerCase());
    const hit = norm !== '' && (terms.has(norm) || (query.prefix !== null && (norm.startsWith(query.prefix) || folded.startsWith(query.prefix))));
    if (hit) {
      out += escapeHtmlText(text.slice(last, m.index)) + '<mark>' + escapeHtmlText(word) + '</mark>';
      last = m.index + word.length;
    }
  }
  return out + escapeHtmlText(text.slice(last));
}

export { ESTONIAN_STOP_WORDS };
