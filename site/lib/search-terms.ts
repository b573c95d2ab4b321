/**
 * The term dictionary of a search index: exact lookup, prefix completions and words one typo away,
 * over the sorted term list of /otsing/index.json. Built once when the index loads.
 *
 * Hot loops live in methods and top-level functions, never in closures created per query: the bench
 * and the CLI run under tsx, which wraps every closure it creates in a naming helper.
 */

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la > lb) return sameTail(a, i + 1, b, i);
  if (la < lb) return sameTail(a, i, b, i + 1);
  return sameTail(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2));
}

/** a from ia equals b from ib. */
function sameTail(a: string, ia: number, b: string, ib: number): boolean {
  if (a.length - ia !== b.length - ib) return false;
  for (; ia < a.length; ia++, ib++) if (a.charCodeAt(ia) !== b.charCodeAt(ib)) return false;
  return true;
}

/** The set of characters of a word as bits: a–z one bit each, digits and the rest share the top bits. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + (c % 5) : 31);
  }
  return mask;
}

/** Ids and numbers (digits or dots) are matched exactly or by prefix, never fuzzily. */
export const isWordTerm = (term: string) => !/[\d.]/.test(term);

export class TermDictionary {
  private readonly index = new Map<string, number>();
  /** Word terms ordered by length; `masks` parallel; `start[len]` = first position of that length. */
  private readonly byLength: Int32Array;
  private readonly masks: Int32Array;
  private readonly start: Int32Array;

  constructor(private readonly terms: string[]) {
    let longest = 0;
    const words: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      this.index.set(t, i);
      if (!isWordTerm(t)) continue;
      words.push(i);
      if (t.length > longest) longest = t.length;
    }
    const count = new Int32Array(longest + 2);
    for (const i of words) count[terms[i]!.length + 1]!++;
    for (let len = 1; len < count.length; len++) count[len]! += count[len - 1]!;
    this.start = count.slice();
    this.byLength = new Int32Array(words.length);
    this.masks = new Int32Array(words.length);
    for (const i of words) {
      const at = count[terms[i]!.length]!++;
      this.byLength[at] = i;
      this.masks[at] = letterMask(terms[i]!);
    }
  }

  exact(term: string): number | undefined {
    return this.index.get(term);
  }

  /** Terms that start with `prefix` (not the prefix itself); the `max` shortest when there are more. */
  completions(prefix: string, max: number): number[] {
    const { terms } = this;
    const found: number[] = [];
    for (let i = this.lowerBound(prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) {
      if (terms[i]!.length > prefix.length) found.push(i);
    }
    if (found.length <= max) return found;
    // Keep the shortest: find the length at which `max` is reached, without sorting.
    const byLen = new Int32Array(64);
    for (const i of found) byLen[Math.min(63, terms[i]!.length)]!++;
    let cutoff = 0;
    for (let seen = 0; cutoff < 64 && seen + byLen[cutoff]! < max; cutoff++) seen += byLen[cutoff]!;
    const out: number[] = [];
    for (const i of found) if (Math.min(63, terms[i]!.length) < cutoff) out.push(i);
    for (const i of found) if (out.length < max && Math.min(63, terms[i]!.length) === cutoff) out.push(i);
    return out;
  }

  /** Word terms one edit away from `term` (not the term itself). */
  nearby(term: string): number[] {
    const out: number[] = [];
    const mask = letterMask(term);
    const from = this.start[Math.min(term.length - 1, this.start.length - 1)] ?? 0;
    const to = this.start[Math.min(term.length + 2, this.start.length - 1)] ?? 0;
    for (let at = from; at < to; at++) {
      // One edit changes at most two characters of the set: a cheap filter before the real check.
      let x = this.masks[at]! ^ mask;
      x &= x - 1;
      x &= x - 1;
      if (x !== 0) continue;
      const t = this.terms[this.byLength[at]!]!;
      if (t !== term && withinOneEdit(term, t)) out.push(this.byLength[at]!);
    }
    return out;
  }

  /** First index whose term is ≥ key (terms are sorted by code unit). */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
