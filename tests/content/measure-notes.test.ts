/**
 * Measure notes (content/measure-notes/<measure id>.mdx) and the KOV P1 coverage goal: every P1 measure
 * of the KOV profile has practical guidance — a guide, solution or template listing it in `measures`,
 * or a measure note of its own. Reads the files directly (no build needed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogLookup, loadCatalogIndex } from '../../site/lib/catalog-index.ts';
import { measureLinkMap, noteUrl, type KbItem } from '../../site/lib/kb-items.ts';
import { checkMeasureNoteRules, measureNoteShape, noteIdFromFile, withNoteRules } from '../../site/lib/measure-note-schema.ts';

const CONTENT = join(process.cwd(), 'content');
const catalog = catalogLookup(loadCatalogIndex());

function readMdx(path: string): { data: Record<string, unknown>; body: string } {
  const text = readFileSync(path, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${path}: front matter puudub`);
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}
const mdxFiles = (dir: string) => readdirSync(join(CONTENT, dir)).filter((f) => /\.mdx?$/.test(f));

/**
 * Measures listed in the `measures` or `highMeasures` front matter of guides, solutions and templates
 * (both reach the tracker's measure page through /kb/measure-links.json).
 */
function citedMeasures(): Set<string> {
  const cited = new Set<string>();
  for (const dir of ['guides', 'solutions', 'templates']) {
    for (const f of mdxFiles(dir)) {
      const data = readMdx(join(CONTENT, dir, f)).data;
      for (const key of ['measures', 'highMeasures']) for (const id of (data[key] as string[] | undefined) ?? []) cited.add(id);
    }
  }
  return cited;
}

const notes = mdxFiles('measure-notes').map((file) => ({ file, ...readMdx(join(CONTENT, 'measure-notes', file)) }));
const noted = new Set(notes.map((n) => String(n.data['measure'])));
const p1 = Object.entries(catalog.kov).filter(([, p]) => p === 'P1').map(([id]) => id);

/** The KOV P1 measures without a guide, solution, template or note (empty = goal met). */
function uncovered(cited: Set<string>, withNotes: Set<string>): string[] {
  return p1.filter((id) => !cited.has(id) && !withNotes.has(id)).sort();
}

describe('KOV P1 coverage', () => {
  const cited = citedMeasures();

  it('every KOV P1 measure is covered by a guide, solution or template, or by a measure note', () => {
    expect(p1.length).toBe(183);
    expect(uncovered(cited, noted)).toEqual([]);
  });

  it('the check notices when a note is removed (for every note that is the only guidance of its measure)', () => {
    const sole = [...noted].filter((id) => catalog.kov[id] === 'P1' && !cited.has(id));
    expect(sole.length).toBeGreaterThan(0);
    for (const id of sole) {
      const without = new Set([...noted].filter((x) => x !== id));
      expect(uncovered(cited, without)).toEqual([...uncovered(cited, noted), id].sort());
    }
  });

  it('ORP.4.M10, SYS.3.1.M12 and SYS.3.1.M13 (basic in 2024, outside the 2023-based profile) have notes marked outsideProfile', () => {
    for (const id of ['ORP.4.M10', 'SYS.3.1.M12', 'SYS.3.1.M13']) {
      const note = notes.find((n) => n.data['measure'] === id);
      expect(note, id).toBeDefined();
      expect(note!.data['outsideProfile'], id).toBe(true);
      expect(note!.body, id).toMatch(/töörühm/);
    }
  });
});

describe('measure note files', () => {
  const strict = withNoteRules({ CI: '1' });
  const guides = new Set(mdxFiles('guides').map((f) => f.replace(/\.mdx?$/, '')));

  it('are named after their measure and pass the schema with the strict catalogue rules', () => {
    const problems: string[] = [];
    for (const n of notes) {
      try {
        noteIdFromFile(n.file, n.data);
      } catch (err) {
        problems.push((err as Error).message);
      }
      const r = strict.safeParse(n.data);
      if (!r.success) problems.push(`${n.file}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('have the two sections, 120–300 words of body and only existing related guides', () => {
    const problems: string[] = [];
    for (const n of notes) {
      const headings = [...n.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      if (headings.join('|') !== 'Mida see väikesele omavalitsusele tähendab|Kuidas teha') problems.push(`${n.file}: pealkirjad ${headings.join(', ')}`);
      const words = n.body.replace(/^#+ .*$/gm, '').split(/\s+/).filter(Boolean).length;
      if (words < 120 || words > 300) problems.push(`${n.file}: ${words} sõna`);
      for (const slug of (n.data['related'] as string[] | undefined) ?? []) if (!guides.has(slug)) problems.push(`${n.file}: tundmatu juhend ${slug}`);
    }
    expect(problems).toEqual([]);
  });

  it('use the agreed terms', () => {
    const banned = [/paikehaldus/i, /ligipääs/i, /pilveteenus/i, /\bklikki?/i, /kõrge kaitsetar/i];
    const problems = notes.flatMap((n) => {
      const text = [n.data['summary'], ...((n.data['evidence'] as string[]) ?? []), n.body].join(' ');
      return banned.filter((re) => re.test(text)).map((re) => `${n.file}: ${re.source}`);
    });
    expect(problems).toEqual([]);
  });
});

describe('measure note rules', () => {
  const TODAY = new Date('2026-12-01T00:00:00Z');
  const m = catalog.measures.get('OPS.1.1.7.M3')!;
  const base = { measure: m.id, owner: 'ELVL infoturbe töörühm', lastReviewed: TODAY, sources: [{ title: 't', url: m.link }] };

  it('accept a P1 measure with its official page first', () => {
    expect(checkMeasureNoteRules(base, catalog, TODAY)).toEqual([]);
  });
  it('refuse an unknown id, a measure outside the profile, a stale outsideProfile and a wrong first source', () => {
    expect(checkMeasureNoteRules({ ...base, measure: 'OPS.1.1.7.M99' }, catalog, TODAY).map((i) => i.path.join('.'))).toEqual(['measure']);
    const m10 = catalog.measures.get('ORP.4.M10')!;
    expect(checkMeasureNoteRules({ ...base, measure: m10.id, sources: [{ title: 't', url: m10.link }] }, catalog, TODAY).map((i) => i.path.join('.'))).toEqual(['measure']);
    expect(checkMeasureNoteRules({ ...base, measure: m10.id, outsideProfile: true, sources: [{ title: 't', url: m10.link }] }, catalog, TODAY)).toEqual([]);
    expect(checkMeasureNoteRules({ ...base, outsideProfile: true }, catalog, TODAY).map((i) => i.path.join('.'))).toEqual(['outsideProfile']);
    expect(checkMeasureNoteRules({ ...base, sources: [{ title: 't', url: 'https://example.org/' }] }, catalog, TODAY).map((i) => i.path.join('.'))).toEqual(['sources.0.url']);
  });
  it('limit evidence to 2–6 items and the summary to 300 characters', () => {
    const data = { measure: m.id, summary: 's', evidence: ['a', 'b'], sources: [{ title: 't', url: m.link }], published: '2026-12-01', lastReviewed: '2026-12-01' };
    expect(measureNoteShape.safeParse(data).success).toBe(true);
    expect(measureNoteShape.safeParse({ ...data, evidence: ['a'] }).success).toBe(false);
    expect(measureNoteShape.safeParse({ ...data, evidence: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }).success).toBe(false);
    expect(measureNoteShape.safeParse({ ...data, summary: 'x'.repeat(301) }).success).toBe(false);
    expect(measureNoteShape.safeParse({ ...data, sources: [] }).success).toBe(false);
  });
  it('file names must be the measure id', () => {
    expect(noteIdFromFile('OPS.1.1.5.ME1.mdx', { measure: 'OPS.1.1.5.ME1' })).toBe('OPS.1.1.5.ME1');
    expect(() => noteIdFromFile('ops-1-1-5-me1.mdx', { measure: 'OPS.1.1.5.ME1' })).toThrow();
    expect(() => noteIdFromFile('OPS.1.1.5.M1.mdx', { measure: 'OPS.1.1.5.M2' })).toThrow();
  });
});

describe('measure → content map with notes', () => {
  const guide: KbItem = { kind: 'guide', slug: 'logimine', url: '/juhendid/logimine/', title: 'Logimine', summary: '', measures: ['OPS.1.1.5.M1'], modules: [], topics: [], keywords: [], body: '' };
  it('puts the note first with the label "Meetme selgitus" and keeps url, title and type', () => {
    const map = measureLinkMap([guide], [{ measure: 'OPS.1.1.5.M1', url: noteUrl('OPS.1.1.5.M1'), title: 'Logimise eeskiri' }, { measure: 'OPS.1.1.5.M11', url: noteUrl('OPS.1.1.5.M11'), title: 'x' }]);
    expect(map['OPS.1.1.5.M1']).toEqual([
      { url: '/e-its/meede/OPS.1.1.5.M1/', title: 'Logimise eeskiri', type: 'note', typeLabel: 'Meetme selgitus' },
      { url: '/juhendid/logimine/', title: 'Logimine', type: 'guide', typeLabel: 'Juhend' },
    ]);
    expect(Object.keys(map)).toEqual(['OPS.1.1.5.M1', 'OPS.1.1.5.M11']);
  });
});
