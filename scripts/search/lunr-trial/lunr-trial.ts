/**
 * Trial, not used by the site (issue 17 follow-up; measured by eval.ts): lunr with one index per kind — written guidance (guides,
 * solutions, templates) and the E-ITS catalogue (modules, measures) — so each kind has its own field
 * length averages; kind and KOV-profile priors as document boosts; prefixes expanded by us over the
 * sorted term list and capped; results of both indexes merged with a weight per index.
 */
import lunr from 'lunr';
import { normalizeTerm, splitWords } from '../../../site/lib/estonian.ts';
import type { SearchDoc, SearchType } from '../../../site/lib/search-core.ts';

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

function tokenize(obj?: unknown): lunr.Token[] {
  if (obj == null) return [];
  const text = Array.isArray(obj) ? obj.join(' ') : String(obj);
  return splitWords(text).map((w) => new lunr.Token(w, {}));
}

export interface Tuning {
  kbFields: Array<[string, number]>;
  catFields: Array<[string, number]>;
  kbB: number;
  kbK1: number;
  catB: number;
  catK1: number;
  boost: Record<SearchType, number>;
  outsideProfile: number;
  catWeight: number;
  exactBoost: number;
  fuzzyBoost: number;
  prefixBoost: number;
  maxExpansion: number;
  fuzzy: boolean;
  fuzzyOnlyIfMissing?: boolean;
}

/** The best found on the 116 topic queries (MRR 0.955, first 91.4 %); the first variant used kbB 0.75, keywords 6, template 0.8, catWeight 0.3. */
export const DEFAULT_TUNING: Tuning = {
  kbFields: [['title', 10], ['keywords', 12], ['summary', 3], ['refs', 2], ['body', 1]],
  catFields: [['ids', 20], ['title', 10], ['refs', 2]],
  kbB: 0.4, kbK1: 1.2, catB: 0.3, catK1: 1.2,
  boost: { guide: 1, solution: 1, template: 0.5, module: 1.5, measure: 1 },
  outsideProfile: 0.6,
  catWeight: 0.05,
  exactBoost: 10, fuzzyBoost: 1, prefixBoost: 3, maxExpansion: 16, fuzzy: true,
};

const isCatalogue = (d: SearchDoc) => d.type === 'module' || d.type === 'measure';

function buildOne(docs: SearchDoc[], all: SearchDoc[], fields: Array<[string, number]>, b: number, k1: number, t: Tuning): lunr.Index {
  return lunr(function () {
    this.tokenizer = tokenize as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(estonianTerm);
    this.searchPipeline.reset();
    this.b(b);
    this.k1(k1);
    this.ref('ref');
    for (const [field, boost] of fields) this.field(field, { boost });
    for (const doc of docs) {
      const boost = t.boost[doc.type] * (doc.type === 'measure' && !doc.kovPriority ? t.outsideProfile : 1);
      this.add({
        ref: String(all.indexOf(doc)),
        ids: (doc.ids ?? []).join(' '),
        title: doc.title,
        keywords: (doc.keywords ?? []).join(' '),
        summary: doc.summary,
        refs: (doc.refs ?? []).join(' '),
        body: doc.body ?? '',
      }, { boost });
    }
  });
}

export function buildLunr(docs: SearchDoc[], t = DEFAULT_TUNING): { kb: object; cat: object } {
  const kb = buildOne(docs.filter((d) => !isCatalogue(d)), docs, t.kbFields, t.kbB, t.kbK1, t);
  const cat = buildOne(docs.filter(isCatalogue), docs, t.catFields, t.catB, t.catK1, t);
  return { kb: kb.toJSON(), cat: cat.toJSON() };
}

interface Loaded {
  index: lunr.Index;
  terms: string[];
  has: Set<string>;
}

function load(json: object): Loaded {
  const index = lunr.Index.load(json);
  const terms = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex).sort();
  return { index, terms, has: new Set(terms) };
}

function completions(terms: string[], prefix: string, max: number): string[] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) if (terms[i]!.length > prefix.length) found.push(terms[i]!);
  if (found.length <= max) return found;
  return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, max);
}

export interface LunrSearcher {
  rank(q: { terms: string[]; prefix: string | null }, limit: number): { hits: Array<{ doc: number; score: number }>; total: number };
}

export function loadLunr(data: { kb: object; cat: object }, t = DEFAULT_TUNING): LunrSearcher {
  const parts: Array<[Loaded, number, boolean]> = [[load(data.kb), 1, false], [load(data.cat), t.catWeight, true]];
  return {
    rank({ terms, prefix }, limit) {
      const all: Array<{ doc: number; score: number }> = [];
      for (const [{ index, terms: dict, has }, weight, catalogue] of parts) {
        const hits = index.query((q) => {
          terms.forEach((term, i) => {
            if (has.has(term)) q.term(term, { usePipeline: false, boost: t.exactBoost });
            if (t.fuzzy && !(t.fuzzyOnlyIfMissing && has.has(term)) && term.length >= 6 && !/[\d.]/.test(term)) q.term(term, { usePipeline: false, editDistance: 1, boost: t.fuzzyBoost });
            if (i === terms.length - 1 && prefix) {
              const idLike = /[\d.]/.test(prefix);
              if (idLike && !catalogue) return;
              for (const c of completions(dict, prefix, t.maxExpansion)) {
                if (idLike && !/[\d.]/.test(c)) continue;
                q.term(c, { usePipeline: false, boost: (t.prefixBoost * prefix.length) / c.length, ...(idLike ? { fields: ['ids'] } : {}) });
              }
            }
          });
        });
        for (const h of hits) all.push({ doc: Number(h.ref), score: h.score * weight });
      }
      all.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return { hits: all.slice(0, limit), total: all.length };
    },
  };
}
