import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogLookup } from '../../site/lib/catalog-index.ts';
import { FIRST_STEPS, START_GUIDE, rankByImportance, startingPoints } from '../../site/lib/kb-importance.ts';
import { shortName, solutionChooser } from '../../site/lib/kb-solutions.ts';
import { siteContact, telHref } from '../../site/lib/kb-contact.ts';
import { itemKey, readTicks, storageKey, writeTicks } from '../../site/scripts/kb/checklist-store.ts';

/** Frontmatter of every file of a content collection. */
function collection(dir: string): Array<Record<string, unknown> & { slug: string }> {
  return readdirSync(resolve('content', dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ ...(parseYaml(readFileSync(resolve('content', dir, f), 'utf8').split(/^---\s*$/m)[1]!) as Record<string, unknown>), slug: f.replace(/\.mdx$/, '') }));
}

describe('importance order of guides', () => {
  const profile = { 'A.M1': 'P1', 'A.M2': 'P1', 'A.M3': 'P2', 'B.M1': 'P1' } as const;
  const g = (slug: string, title: string, measures: string[]) => ({ slug, title, measures });

  it('puts the starting guide and the first steps first, then ranks by P1, P2 and title', () => {
    const items = [
      g('z', 'Zeta', ['A.M3']), g('many', 'Mitu', ['A.M1', 'A.M2', 'A.M1']), g(FIRST_STEPS[1]!.slug, 'Varundus', []), g('one', 'Üks', ['B.M1']),
      g(START_GUIDE, 'Alustamine', []), g('a', 'Aa', []), g(FIRST_STEPS[0]!.slug, 'MFA', []), g('one-b', 'Õun', ['B.M1', 'A.M3']),
    ];
    const ranked = rankByImportance(items, profile);
    expect(ranked.map((r) => r.item.slug)).toEqual([START_GUIDE, FIRST_STEPS[0]!.slug, FIRST_STEPS[1]!.slug, 'many', 'one-b', 'one', 'z', 'a']);
    expect(ranked.find((r) => r.item.slug === 'many')).toMatchObject({ p1: 2, p2: 0, pinned: null });
    expect(ranked[0]!.pinned).toBe('start');
  });

  it('on the real guides: the starting guide, the three first steps, then P1 counts never rise', () => {
    const guides = collection('guides').map((d) => ({ slug: d.slug, title: String(d['title']), measures: d['measures'] as string[] }));
    const ranked = rankByImportance(guides, catalogLookup().kov);
    expect(ranked).toHaveLength(guides.length);
    expect(ranked.slice(0, 4).map((r) => r.item.slug)).toEqual([START_GUIDE, ...FIRST_STEPS.map((s) => s.slug)]);
    const rest = ranked.slice(4).map((r) => r.p1);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(startingPoints(guides).steps.map((s) => s.item.slug)).toEqual(FIRST_STEPS.map((s) => s.slug));
  });

  it('a missing starting guide stops the build with the file it expected', () => {
    expect(() => startingPoints([{ slug: 'other' }])).toThrow(`content/guides/${START_GUIDE}.mdx`);
  });
});

describe('solution chooser', () => {
  it('groups the real solutions by category with short names and links to the contract clauses', () => {
    const solutions = collection('solutions').map((d) => ({ slug: d.slug, title: String(d['title']), category: d['category'] as 'dokumendihaldus' }));
    const groups = solutionChooser(solutions);
    const dms = groups.find((gr) => gr.category === 'dokumendihaldus')!;
    expect(dms.label).toBe('Dokumendihaldus');
    expect(dms.solutions.map((s) => s.name)).toEqual(['Amphora', 'Delta', 'WebDesktop']);
    expect(dms.solutions[1]!.clausesUrl).toBe('/standardlahendused/delta/#lepingu-turvatingimused');
    expect(groups.flatMap((gr) => gr.solutions)).toHaveLength(solutions.length);
    expect(shortName('Microsoft 365 turvaline baasseadistus omavalitsusele', 'kontoritarkvara')).toBe('Microsoft 365');
    expect(shortName('VOLIS – istungite infosüsteem', 'volikogu')).toBe('VOLIS');
  });
});

describe('accessibility contact', () => {
  it('comes from the environment, is checked, and is never made up', () => {
    expect(siteContact({})).toEqual({ unit: 'ELVL-i IKT kompetentsikeskus', email: null, phone: null });
    expect(siteContact({ TURVARADA_CONTACT_EMAIL: ' a@b.ee ', TURVARADA_CONTACT_PHONE: '+372 600 0000' })).toMatchObject({ email: 'a@b.ee', phone: '+372 600 0000' });
    expect(() => siteContact({ TURVARADA_CONTACT_EMAIL: 'not-an-address' })).toThrow(/TURVARADA_CONTACT_EMAIL/);
    expect(() => siteContact({ TURVARADA_CONTACT_PHONE: 'helista' })).toThrow(/TURVARADA_CONTACT_PHONE/);
    expect(telHref('+372 600 0000')).toBe('tel:+3726000000');
  });
});

describe('checklist storage', () => {
  it('keys items by a hash of their text, so rewording or inserting an item does not move ticks', () => {
    expect(itemKey('Varukoopia  on\ntehtud. ')).toBe(itemKey('Varukoopia on tehtud.'));
    expect(itemKey('Varukoopia on tehtud.')).not.toBe(itemKey('Varukoopia on testitud.'));
    expect(itemKey('ä')).toMatch(/^[0-9a-f]{8}$/);
    expect(storageKey('/juhendid/x/', 'kontrollnimekiri')).toBe('turvarada:kontrollnimekiri:v1:/juhendid/x/#kontrollnimekiri');
  });

  it('reads only known keys, survives bad data, and clears the entry when nothing is ticked', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    expect(writeTicks(storage, 'k', new Set(['b', 'a']))).toBe(true);
    expect(store.get('k')).toBe('["a","b"]');
    expect([...readTicks(storage, 'k', ['a', 'c'])]).toEqual(['a']);
    store.set('k', '{broken');
    expect(readTicks(storage, 'k', ['a']).size).toBe(0);
    writeTicks(storage, 'k', new Set());
    expect(store.has('k')).toBe(false);
    expect(writeTicks(null, 'k', new Set(['a']))).toBe(false);
    const full = { ...storage, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(writeTicks(full, 'k', new Set(['a']))).toBe(false);
  });
});
