/**
 * The knowledge base's terminology list (content/terminology.yaml): one settled Estonian term per
 * concept, with the forms not to use. The content tests scan every MDX file with `findTermIssues`;
 * editors read the YAML itself.
 *
 * Matching, per "not this" form:
 * - case-insensitive, Unicode-aware;
 * - each word of the form is a stem: it must start a word (no letter or digit just before it) and
 *   may be followed by any letters, so inflected forms match ("ligipääs" finds "ligipääsu",
 *   "kõrge kaitsetar" finds "kõrgema kaitsetarbega");
 * - `inCompounds: true` also finds the stem inside a compound ("kaugligipääs");
 * - `allow` lists stems that are correct although they start like a "not this" form
 *   ("ligipääsetavus" is the legal term for web accessibility).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export interface TermEntry {
  /** The term to use. */
  use: string;
  /** Stems of forms not to use (may be empty: the entry only records a decision). */
  notThis: string[];
  /** Also match the stems inside compounds. */
  inCompounds?: boolean;
  /** Stems that look like a "not this" form but are correct. */
  allow?: string[];
  /** Why, and where the settled term comes from. */
  note: string;
}

export interface TermIssue {
  /** Where in the file: "body" or the front matter field ("title", "checklist.2", …). */
  where: string;
  line: number;
  /** Character offset in the scanned text (orders issues on one line). */
  offset: number;
  found: string;
  use: string;
  notThis: string;
}

export function terminologyPath(): string {
  return resolve(process.cwd(), 'content/terminology.yaml');
}

/** Reads and checks content/terminology.yaml; throws naming the bad entry. */
export function loadTerminology(path = terminologyPath()): TermEntry[] {
  const raw = parse(readFileSync(path, 'utf8')) as { terms?: unknown };
  if (!raw || !Array.isArray(raw.terms)) throw new Error(`${path}: oodati võtit "terms" (loend)`);
  return raw.terms.map((t: unknown, i: number) => {
    const e = t as Partial<TermEntry>;
    if (typeof e.use !== 'string' || e.use.trim() === '') throw new Error(`${path}: terms[${i}].use puudub`);
    if (!Array.isArray(e.notThis) || e.notThis.some((s) => typeof s !== 'string' || s.trim() === '')) {
      throw new Error(`${path}: terms[${i}].notThis peab olema sõnede loend`);
    }
    if (typeof e.note !== 'string' || e.note.trim() === '') throw new Error(`${path}: terms[${i}].note puudub`);
    return { use: e.use, notThis: e.notThis, inCompounds: e.inCompounds === true, allow: e.allow ?? [], note: e.note };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression per "not this" stem (see the module comment for the rules). */
export function termPattern(stem: string, inCompounds = false): RegExp {
  const words = stem.trim().toLowerCase().split(/\s+/).map(escape);
  const before = inCompounds ? '' : '(?<![\\p{L}\\p{N}])';
  return new RegExp(before + words.join('\\p{L}*\\s+') + '\\p{L}*', 'giu');
}

/** Finds every "not this" form in a text. `where` and `lineOffset` only label the results. */
export function findTerms(text: string, terms: TermEntry[], where = 'body', lineOffset = 0): TermIssue[] {
  const issues: TermIssue[] = [];
  for (const term of terms) {
    const allow = (term.allow ?? []).map((a) => a.toLowerCase());
    for (const stem of term.notThis) {
      for (const m of text.matchAll(termPattern(stem, term.inCompounds))) {
        const lower = m[0].toLowerCase();
        if (allow.some((a) => lower.startsWith(a))) continue;
        // Report the whole word, also when the stem sits inside a compound.
        let start = m.index;
        while (start > 0 && /[\p{L}\p{N}-]/u.test(text[start - 1]!)) start -= 1;
        const found = text.slice(start, m.index + m[0].length);
        const line = lineOffset + text.slice(0, m.index).split('\n').length;
        issues.push({ where, line, offset: start, found, use: term.use, notThis: stem });
      }
    }
  }
  return issues.sort((a, b) => a.line - b.line || a.offset - b.offset);
}

/**
 * Front matter fields that are not scanned: keywords hold what people type into search, synonyms
 * included; sources name other publishers' documents by their own titles (e.g. E-ITS's
 * "Füüsilise ligipääsu haldamine"), which a citation must not change.
 */
export const UNSCANNED_FIELDS = new Set(['keywords', 'sources']);

/**
 * Scans one MDX/Markdown file: the body and every front matter value except `keywords` and `sources`
 * (strings inside lists and objects too). Line numbers are the file's.
 */
export function findTermIssuesInFile(source: string, terms: TermEntry[]): TermIssue[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  const issues: TermIssue[] = [];
  let bodyStart = 0;
  let bodyLineOffset = 0;
  if (m) {
    bodyStart = m[0].length;
    bodyLineOffset = m[0].split('\n').length - 1;
    const fm = (parse(m[1]!) ?? {}) as Record<string, unknown>;
    const lines = m[1]!.split('\n');
    const lineOf = (value: string) => {
      const i = lines.findIndex((l) => l.includes(value.split('\n')[0]!.slice(0, 40)));
      return i >= 0 ? i + 2 : 1;
    };
    const walk = (value: unknown, where: string) => {
      if (typeof value === 'string') {
        for (const issue of findTerms(value, terms, where)) issues.push({ ...issue, line: lineOf(value) });
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${where}.${i}`));
      } else if (value && typeof value === 'object' && !(value instanceof Date)) {
        for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
      }
    };
    for (const [key, value] of Object.entries(fm)) if (!UNSCANNED_FIELDS.has(key)) walk(value, key);
  }
  issues.push(...findTerms(source.slice(bodyStart), terms, 'body', bodyLineOffset));
  return issues;
}
