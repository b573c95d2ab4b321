/**
 * The search core shared by the build (index generation), the browser (search page and header box)
 * and the CLI (`npm run cli -- search`). Pure: no DOM, no file system.
 *
 * Index and query pass through the same Estonian chain (estonian.ts). User input never reaches
 * lunr's query parser: we build clauses with `index.query(q => q.term(...))` from our own tokens,
 * so characters such as `:` `~` `^` `*` are harmless.
 */
import lunr from 'lunr';
import { normalizeTerm, splitWords, trimToken, ESTONIAN_STOP_WORDS, foldDiacritics, stemEstonian } from './estonian.ts';
import { packIndex, unpackIndex, type PackedIndex } from './search-pack.ts';

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
/** Type codes in the serialized index: append new types, never reorder (codes are positions). */
const TYPE_CODES: SearchType[] = ['guide', 'solution', 'template', 'module', 'measure', 'note'];

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
}

/** What the static /otsing/index.json holds: the lunr index plus a small document table for display. */
export interface SerializedSearch {
  v: 2;
  /** lunr index in the compact form of search-pack.ts. */
  index: PackedIndex;
  /** [url, title, type code, summary], position = lunr ref. */
  docs: Array<[string, string, number, string]>;
}

export interface SearchResult {
  url: string;
  title: string;
  type: SearchType;
  typeLabel: string;
  summary: string;
  score: number;
}

/** Field boosts: ids ≫ title > keywords > summary > refs/body. */
/**
 * Document boosts: the written guidance outranks the 1 800 one-line measure entries on topic words. Measure
 * notes weigh like measures: they are narrow, and the guides must stay first on topic words.
 */
const TYPE_BOOST: Record<SearchType, number> = { guide: 3, solution: 3, template: 2.5, module: 2, measure: 1, note: 1 };
const FIELDS: Array<[keyof SearchDoc, number]> = [
  ['ids', 20], ['title', 10], ['keywords', 6], ['summary', 3], ['refs', 2], ['body', 1],
];

// lunr pipeline functions: registered so a serialized index can be loaded anywhere.
/*
 * lunr 2.3.9 minimises its term automaton by comparing node keys built as label + child id with no
 * separator, so with digits in terms (E-ITS ids like app.1.4) two different nodes can get the same key
 * ("1"+"23" vs "12"+"3"), get merged, and a wildcard then expands to a word that is not in the index,
 * which makes lunr throw. A separator makes the keys unambiguous.
 */
type TokenSetNode = { _str?: string; final: boolean; edges: Record<string, { id: number }> };
(lunr.TokenSet.prototype as unknown as { toString(this: TokenSetNode): string }).toString = function (this: TokenSetNode) {
  if (this._str) return this._str;
  let str = this.final ? '1' : '0';
  for (const label of Object.keys(this.edges).sort()) str += `${label}\u0000${this.edges[label]!.id}\u0001`;
  this._str = str;
  return str;
};

const estonianTerm: lunr.PipelineFunction = (token) => {
  const normalized = normalizeTerm(token.toString());
  return normalized ? token.update(() => normalized) : (undefined as unknown as lunr.Token);
};
lunr.Pipeline.registerFunction(estonianTerm, 'estonianTerm');

function tokenizeForLunr(obj?: unknown): lunr.Token[] {
  if (obj == null) return [];
  const text = Array.isArray(obj) ? obj.join(' ') : String(obj);
  return splitWords(text).map((w, i) => new lunr.Token(w, { position: [i, w.length], index: i }));
}

/** Builds the serialized index from the documents (build time). */
export function buildSearchIndex(docs: SearchDoc[]): SerializedSearch {
  const index = lunr(function () {
    this.tokenizer = tokenizeForLunr as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(estonianTerm);
    this.searchPipeline.reset();
    this.searchPipeline.add(estonianTerm);
    this.ref('ref');
    for (const [field, boost] of FIELDS) this.field(field as string, { boost });
    docs.forEach((doc, i) => {
      this.add({
        ref: String(i),
        ids: (doc.ids ?? []).join(' '),
        title: doc.title,
        keywords: (doc.keywords ?? []).join(' '),
        summary: doc.summary,
        refs: (doc.refs ?? []).join(' '),
        body: doc.body ?? '',
      }, { boost: TYPE_BOOST[doc.type] });
    });
  });
  return {
    v: 2,
    index: packIndex(index.toJSON()),
    docs: docs.map((d) => [d.url, d.title, TYPE_CODES.indexOf(d.type), d.summary]),
  };
}

/** The normalised query: one entry per meaningful word; the last one is also used as a prefix. */
export interface ParsedQuery {
  terms: string[];
  prefix: string | null;
}

export function parseQuery(input: string): ParsedQuery {
  const words = splitWords(input.slice(0, 200)).slice(0, 12);
  let terms = words.map(normalizeTerm).filter((t): t is string => !!t);
  // A query of only stop words still deserves an answer ("kas" alone): search the words themselves.
  if (terms.length === 0) terms = words.map((w) => stemEstonian(foldDiacritics(trimToken(w)))).filter(Boolean);
  const last = terms.at(-1) ?? null;
  return { terms: [...new Set(terms)], prefix: last && last.length >= 3 ? last : null };
}

export interface Searcher {
  search(input: string, limit?: number): SearchResult[];
  size: number;
}

/** Loads a serialized index (browser or Node) and returns a searcher. */
export function createSearcher(data: SerializedSearch): Searcher {
  if (data.v !== 2) throw new Error('Otsinguindeksi vorming on tundmatu: ehita sait uuesti.');
  const index = lunr.Index.load(unpackIndex(data.index));
  return {
    size: data.docs.length,
    search(input: string, limit = 10): SearchResult[] {
      const { terms, prefix } = parseQuery(input);
      if (terms.length === 0) return [];
      const hits = index.query((q) => {
        for (const term of terms) {
          q.term(term, { usePipeline: false, boost: 10 });
          if (term.length >= 6 && !/[\d.]/.test(term)) q.term(term, { usePipeline: false, editDistance: 1, boost: 0.5 });
        }
        if (prefix) q.term(prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
      });
      return hits.slice(0, limit).map((hit) => {
        const [url, title, code, summary] = data.docs[Number(hit.ref)]!;
        const type = TYPE_CODES[code] ?? 'guide';
        return { url, title, type, typeLabel: SEARCH_TYPE_LABELS[type], summary, score: Math.round(hit.score * 1000) / 1000 };
      });
    },
  };
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
