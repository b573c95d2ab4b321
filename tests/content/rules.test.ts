import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogLookup, loadCatalogIndex } from '../../site/lib/catalog-index.ts';
import { checkContentRules, isStrict, reviewCutoff, ruleToday, SLUG_PATTERN } from '../../site/lib/content-rules.ts';
import { guideShape, solutionShape, templateShape, withRules } from '../../site/lib/content-schemas.ts';

const TODAY = new Date('2026-11-22T00:00:00Z');
const guide = {
  title: 'Mitmikautentimine kõigile kontodele',
  summary: 'Miks ja kuidas lülitada sisse mitmikautentimine.',
  audience: ['kov-it'],
  topics: ['kontod', 'paroolid'],
  modules: ['ORP.4'],
  measures: ['ORP.4.M7'],
  owner: 'ELVL infoturbe töörühm',
  published: '2026-10-01',
  lastReviewed: '2026-11-15',
  keywords: ['mfa'],
  checklist: ['üks', 'kaks', 'kolm', 'neli'],
  sources: [{ title: 'E-ITS 2024: ORP.4 Identiteedi- ja õiguste haldus', url: 'https://eits.ria.ee/', publisher: 'RIA' }],
};

describe('editorial rules against the shipped catalogue index', () => {
  const catalog = catalogLookup(loadCatalogIndex());
  const ok = { title: 't', owner: 'x', modules: ['ORP.4'], measures: ['ORP.4.M7', 'OPS.1.1.5.M1'], lastReviewed: new Date('2026-11-01') };

  it('accepts real ids, an owner and a recent review', () => {
    expect(checkContentRules(ok, catalog, TODAY)).toEqual([]);
  });
  it('reports unknown module and measure ids, a missing owner and an old review', () => {
    const issues = checkContentRules({ ...ok, owner: ' ', modules: ['ORP.99'], measures: ['ORP.4.M999'], lastReviewed: new Date('2025-11-21') }, catalog, TODAY);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['owner', 'modules.0', 'measures.0', 'lastReviewed']);
  });
  it('measures take basic and standard measures only; a high one is an error that names highMeasures', () => {
    const issues = checkContentRules({ ...ok, measures: ['ORP.4.M8', 'ORP.4.M21'] }, catalog, TODAY);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['measures.1']);
    expect(issues[0]!.message).toContain('highMeasures');
    expect(issues[0]!.message).toContain('ORP.4.M21');
  });
  it('highMeasures take high measures only, and known ids', () => {
    expect(checkContentRules({ ...ok, highMeasures: ['ORP.4.M21', 'DER.4.M6'] }, catalog, TODAY)).toEqual([]);
    const issues = checkContentRules({ ...ok, highMeasures: ['ORP.4.M10', 'ORP.4.M999'] }, catalog, TODAY);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['highMeasures.0', 'highMeasures.1']);
    expect(issues[0]!.message).toContain('põhimeede');
  });
  it('the review limit is exactly 12 months', () => {
    expect(reviewCutoff(TODAY).toISOString().slice(0, 10)).toBe('2025-11-22');
    expect(checkContentRules({ ...ok, lastReviewed: new Date('2025-11-22') }, catalog, TODAY)).toEqual([]);
  });
  it('strict mode means CI or production', () => {
    expect(isStrict({ CI: 'true' })).toBe(true);
    expect(isStrict({ CI: '1' })).toBe(true);
    expect(isStrict({ NODE_ENV: 'production' })).toBe(true);
    expect(isStrict({ CI: 'false' })).toBe(false);
    expect(isStrict({})).toBe(false);
    expect(ruleToday({ TURVARADA_TODAY: '2026-01-31' }).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
  it('file names must be lowercase ASCII slugs', () => {
    expect(SLUG_PATTERN.test('mitmikautentimine-ja-paroolid')).toBe(true);
    for (const bad of ['Mitmik', 'õigused', 'a--b', 'a_b', '-a']) expect(SLUG_PATTERN.test(bad)).toBe(false);
  });
});

describe('schemas with rules', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  beforeAll(() => warn.mockClear());
  afterAll(() => warn.mockRestore());
  const strict = withRules(guideShape, { CI: '1', TURVARADA_TODAY: '2026-11-22' });
  const dev = withRules(guideShape, { TURVARADA_TODAY: '2026-11-22' });

  it('parses a valid guide (dates coerced, keywords defaulted)', () => {
    const { keywords: _k, ...noKeywords } = guide;
    const data = strict.parse(noKeywords);
    expect(data.published).toBeInstanceOf(Date);
    expect(data.keywords).toEqual([]);
  });
  it('fails in strict mode and only warns in dev for rule violations', () => {
    const bad = { ...guide, measures: ['ORP.4.M999'], lastReviewed: '2025-01-01', published: '2025-01-01', owner: undefined };
    const res = strict.safeParse(bad);
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['lastReviewed', 'measures.0', 'owner']);
    warn.mockClear();
    expect(dev.safeParse(bad).success).toBe(true);
    expect(warn).toHaveBeenCalledTimes(3);
  });
  it('a high measure in measures fails a strict build; in highMeasures it passes and defaults to []', () => {
    const res = strict.safeParse({ ...guide, measures: ['ORP.4.M8', 'ORP.4.M21'] });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => [i.path.join('.'), i.message.includes('highMeasures')])).toEqual([['measures.1', true]]);
    expect(strict.parse({ ...guide, measures: ['ORP.4.M8'], highMeasures: ['ORP.4.M21'] }).highMeasures).toEqual(['ORP.4.M21']);
    expect(strict.parse(guide).highMeasures).toEqual([]);
  });
  it('a page without sources or lastReviewed fails in every mode', () => {
    const { sources: _s, ...noSources } = guide;
    const { lastReviewed: _l, ...noReview } = guide;
    for (const schema of [strict, dev]) {
      expect(schema.safeParse(noSources).error?.issues.map((i) => i.path.join('.'))).toContain('sources');
      expect(schema.safeParse({ ...guide, sources: [] }).error?.issues.map((i) => i.path.join('.'))).toContain('sources');
      expect(schema.safeParse(noReview).error?.issues.map((i) => i.path.join('.'))).toContain('lastReviewed');
    }
  });
  it('a source needs a title and an https URL; publisher is optional', () => {
    const bad = [
      { title: '', url: 'https://www.riigiteataja.ee/' },
      { title: 'Riigi Teataja', url: 'http://www.riigiteataja.ee/' },
      { title: 'Riigi Teataja', url: 'riigiteataja.ee' },
      { title: 'x'.repeat(201), url: 'https://www.riigiteataja.ee/' },
    ];
    for (const source of bad) expect(dev.safeParse({ ...guide, sources: [source] }).success, JSON.stringify(source).slice(0, 60)).toBe(false);
    expect(dev.safeParse({ ...guide, sources: [{ title: 'Riigi Teataja', url: 'https://www.riigiteataja.ee/' }] }).success).toBe(true);
  });
  it('rejects structural errors in every mode', () => {
    for (const broken of [
      { ...guide, topics: ['krüpto'] },
      { ...guide, audience: [] },
      { ...guide, checklist: ['üks'] },
      { ...guide, title: 'x'.repeat(91) },
      { ...guide, measures: ['ei ole id'] },
      { ...guide, published: '2026-11-20', lastReviewed: '2026-11-01' },
    ]) {
      expect(dev.safeParse(broken).success, JSON.stringify(broken).slice(0, 80)).toBe(false);
    }
  });
  it('solutions need contract clauses and supplier questions; templates a quoted version', () => {
    const base = { ...guide, audience: undefined, topics: undefined, checklist: ['1', '2', '3', '4', '5', '6'] };
    const solution = { ...base, category: 'dokumendihaldus', supplier: 'Tarnija', hosting: 'SaaS', contractClauses: ['a', 'b', 'c', 'd', 'e'].map((x) => ({ clause: `Tingimus ${x}: [24] tundi`, evidence: 'Tõend' })), supplierQuestions: ['a', 'b', 'c', 'd', 'e'] };
    expect(withRules(solutionShape, {}).safeParse(solution).success).toBe(true);
    expect(withRules(solutionShape, {}).safeParse({ ...solution, contractClauses: solution.contractClauses.slice(0, 1) }).success).toBe(false);
    // A clause without the evidence that shows the supplier meets it is not accepted.
    expect(withRules(solutionShape, {}).safeParse({ ...solution, contractClauses: solution.contractClauses.map((c) => ({ clause: c.clause })) }).success).toBe(false);
    expect(withRules(solutionShape, {}).safeParse({ ...solution, contractClauses: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
    const template = { ...base, checklist: undefined, category: 'poliitika', version: '1.0' };
    expect(withRules(templateShape, {}).safeParse(template).success).toBe(true);
    expect(withRules(templateShape, {}).safeParse({ ...template, version: 1 }).success).toBe(false);
  });
});
