/**
 * Build time: turns the search documents into the static index (/otsing/index.json) that
 * search-engine.ts queries. Every word passes through the same Estonian chain as the query
 * (estonian.ts: trim, stop words, folding, stemming), so index and query keys agree.
 *
 * Scoring is decided here, once: for each term and document a BM25F-style weight summed over the
 * fields, each field with its own weight and length normalisation. The length of a field is compared
 * with the average over the documents that *have* that field; lunr averaged over all 1 967 documents,
 * so the keywords and body of the 56 written items looked tens of times longer than average and their
 * words counted for almost nothing against a measure's five-word title (issue 17).
 */
import { normalizeTerm, splitWords } from './estonian.ts';
import { TYPE_CODES, type SearchDoc } from './search-core.ts';
import { SCORE_SCALE, type SerializedSearch } from './search-engine.ts';

type FieldName = 'ids' | 'title' | 'keywords' | 'summary' | 'refs' | 'body';

/**
 * Field weights (ids ≫ title > keywords > summary > refs > body) and how much a long field dilutes a
 * word (b: 0 none, 1 fully). Keywords and ids are lists of alternatives, not prose: a longer list does
 * not make one of its entries less true.
 */
const FIELDS: Array<{ name: FieldName; weight: number; b: number }> = [
  { name: 'ids', weight: 20, b: 0 },
  { name: 'title', weight: 10, b: 0.5 },
  { name: 'keywords', weight: 6, b: 0 },
  { name: 'summary', weight: 3, b: 0.5 },
  { name: 'refs', weight: 2, b: 0 },
  { name: 'body', weight: 1, b: 0.75 },
];
/** Term-frequency saturation: the fifth mention of a word adds little. */
const K1 = 1.2;

function fieldText(doc: SearchDoc, field: FieldName): string {
  // A catalogue entry's summary is generated metadata (module, class, priority), not a description.
  if (field === 'summary' && (doc.type === 'module' || doc.type === 'measure')) return '';
  const value = doc[field];
  if (value == null) return '';
  return Array.isArray(value) ? value.join(' ') : value;
}

/** The Estonian keys of a text, with their counts. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of splitWords(text)) {
    const term = normalizeTerm(word);
    if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** KOV profile priority as stored: 1–3 for P1–P3, 0 outside the profile (and for non-measures). */
function priorityCode(doc: SearchDoc): number {
  return doc.kovPriority ? Number(doc.kovPriority.slice(1)) : 0;
}

/** Builds the serialized index from the documents. Deterministic: same documents, same bytes. */
export function buildSearchIndex(docs: SearchDoc[]): SerializedSearch {
  const perField = FIELDS.map((f) => docs.map((doc) => termCounts(fieldText(doc, f.name))));
  const avgLength = perField.map((counts) => {
    let total = 0;
    let present = 0;
    for (const c of counts) {
      if (c.size === 0) continue;
      present++;
      for (const n of c.values()) total += n;
    }
    return present ? total / present : 1;
  });

  const weights = new Map<string, Map<number, number>>();
  docs.forEach((_, d) => {
    FIELDS.forEach((field, f) => {
      const counts = perField[f]![d]!;
      if (counts.size === 0) return;
      let length = 0;
      for (const n of counts.values()) length += n;
      const norm = 1 - field.b + (field.b * length) / avgLength[f]!;
      for (const [term, tf] of counts) {
        const w = (field.weight * tf * (K1 + 1)) / (tf + K1 * norm);
        const byDoc = weights.get(term) ?? new Map<number, number>();
        byDoc.set(d, (byDoc.get(d) ?? 0) + w);
        weights.set(term, byDoc);
      }
    });
  });

  const terms = [...weights.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const postings = terms.map((term) => {
    const byDoc = [...weights.get(term)!].sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    let last = 0;
    // Stored as integers, weight × SCORE_SCALE (a tenth is finer than any ranking needs).
    for (const [d, w] of byDoc) {
      flat.push(d - last, Math.max(1, Math.round(w * SCORE_SCALE)));
      last = d;
    }
    return flat;
  });
  return {
    v: 3,
    terms,
    postings,
    docs: docs.map((d) => [d.url, d.title, TYPE_CODES.indexOf(d.type), d.summary, priorityCode(d)]),
  };
}
