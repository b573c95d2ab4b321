/**
 * The query side of the search: ranks documents of a serialized index (search-build.ts) for a parsed
 * query. Pure and synchronous; runs in the browser and in Node.
 *
 * A query is a list of clauses, one per query word. A clause matches its word exactly, and with less
 * weight words one typo away (long words) and, for the last word, words that start with it. Per
 * document a clause counts once, with its best variant; clauses add up as in BM25 (no extra reward
 * for matching more of the words: a long guide matches a generic second word somewhere anyway, and
 * on the query sets such a factor only hurt). The sum is scaled by the document's prior: written
 * guidance first, then modules, then measures, and measures of the KOV profile before those outside
 * it (issue 17).
 *
 * Speed: postings are plain arrays of (doc delta, weight); scores accumulate in typed arrays that are
 * reused between queries, only the touched documents are visited, prefix expansion is capped, and only
 * the top `limit` results are kept in order — nothing is built for the other matches but a count.
 */
import { isWordTerm, TermDictionary } from './search-terms.ts';

/** Must match search-build.ts: stored weights are real weights × this. */
export const SCORE_SCALE = 10;

/** What the static /otsing/index.json holds (written by search-build.ts, read here). */
export interface SerializedSearch {
  v: 3;
  /** Every index key (normalised word or id), sorted by code unit. */
  terms: string[];
  /** Per term: [doc delta, weight × 10, doc delta, weight × 10, …], docs ascending. */
  postings: number[][];
  /** [url, title, type code (TYPE_CODES of search-core.ts), summary, KOV priority 1–3 or 0], position = doc number. */
  docs: Array<[string, string, number, string, number]>;
}

/** Prior by type code (guide, solution, template, module, measure, measure note): a note is narrow guidance on one measure and ranks like a measure. */
const KIND_PRIOR = [1, 1, 0.7, 0.45, 0.3, 0.3];
const MEASURE_CODE = 4;
/** A measure outside the KOV profile needs this much more text match to pass one inside it. */
const OUTSIDE_PROFILE = 0.6;
/** A word that merely starts with the last query word; scaled by how much of it was typed. */
const PREFIX_WEIGHT = 0.3;
/** A word one typo away (including the t/d and k/g alternation the stemmer does not undo). */
const FUZZY_WEIGHT = 0.1;
const FUZZY_MIN_LENGTH = 6;
/** At most this many prefix completions, the shortest first ("SYS." has hundreds of ids). */
const MAX_EXPANSION = 64;

export interface EngineQuery {
  terms: string[];
  prefix: string | null;
}

export interface Ranked {
  doc: number;
  score: number;
}

export interface Engine {
  rank(query: EngineQuery, limit: number): { hits: Ranked[]; total: number };
}

export function createEngine(data: SerializedSearch): Engine {
  const { terms, postings, docs } = data;
  const n = docs.length;
  const dictionary = new TermDictionary(terms);
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    const df = postings[t]!.length / 2;
    idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
  const prior = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    const [, , code, , kov] = docs[d]!;
    prior[d] = (KIND_PRIOR[code] ?? 1) * (code === MEASURE_CODE && !kov ? OUTSIDE_PROFILE : 1);
  }
  const clauseScore = new Float64Array(n);
  const total = new Float64Array(n);

  /** The index terms a clause matches, each with its weight. */
  function variants(term: string, exact: number | undefined, prefix: string | null): Map<number, number> {
    const out = new Map<number, number>();
    if (exact !== undefined) out.set(exact, 1);
    if (prefix) {
      for (const t of dictionary.completions(prefix, MAX_EXPANSION)) {
        if (t !== exact) out.set(t, (PREFIX_WEIGHT * prefix.length) / terms[t]!.length);
      }
    }
    if (term.length >= FUZZY_MIN_LENGTH && isWordTerm(term)) {
      for (const t of dictionary.nearby(term)) if (!out.has(t)) out.set(t, FUZZY_WEIGHT);
    }
    return out;
  }

  /** Adds one clause: per document its best variant; documents reached for the first time go to `touched`. */
  function addClause(term: string, prefix: string | null, touched: number[]): void {
    const inClause: number[] = [];
    // A completion or a near word may be rarer than the word typed, but never counts as more specific.
    const exact = dictionary.exact(term);
    const maxIdf = exact === undefined ? Infinity : idf[exact]!;
    for (const [t, w] of variants(term, exact, prefix)) {
      const list = postings[t]!;
      const weight = w * Math.min(idf[t]!, maxIdf);
      let d = 0;
      for (let k = 0; k < list.length; k += 2) {
        d += list[k]!;
        const s = weight * list[k + 1]!;
        if (s > clauseScore[d]!) {
          if (clauseScore[d] === 0) inClause.push(d);
          clauseScore[d] = s;
        }
      }
    }
    for (const d of inClause) {
      if (total[d] === 0) touched.push(d);
      total[d] = total[d]! + clauseScore[d]!;
      clauseScore[d] = 0;
    }
  }

  return {
    rank(query, limit) {
      const touched: number[] = [];
      const last = query.terms.length - 1;
      for (let c = 0; c <= last; c++) addClause(query.terms[c]!, c === last ? query.prefix : null, touched);
      const hits: Ranked[] = [];
      for (const d of touched) {
        insertTop(hits, d, (total[d]! * prior[d]!) / SCORE_SCALE, limit);
        total[d] = 0;
      }
      return { hits, total: touched.length };
    },
  };
}

/** Keeps `top` sorted (score descending, then document order) and no longer than `limit`. */
function insertTop(top: Ranked[], doc: number, score: number, limit: number): void {
  if (limit <= 0) return;
  if (top.length === limit && !ranksBelow(top[limit - 1]!, doc, score)) return;
  let i = top.length === limit ? limit - 1 : top.length;
  while (i > 0 && ranksBelow(top[i - 1]!, doc, score)) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = { doc, score };
}

function ranksBelow(hit: Ranked, doc: number, score: number): boolean {
  return hit.score < score || (hit.score === score && hit.doc > doc);
}
