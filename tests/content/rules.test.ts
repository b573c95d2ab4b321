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
    const solution = { ...base, category: 'dokumendihaldus', supplier: 'Tarnija', hosting: 'SaaS', contractClauses: ['a', 'b', 'c', 'd', 'e'], supplierQuestions: ['a', 'b', 'c', 'd', 'e'] };
    expect(withRules(solutionShape, {}).safeParse(solution).success).toBe(true);
    expect(withRules(solutionShape, {}).safeParse({ ...solution, contractClauses: ['a'] }).success).toBe(false);
    const template = { ...base, checklist: undefined, category: 'poliitika', version: '1.0' };
    expect(withRules(templateShape, {}).safeParse(template).success).toBe(true);
    expect(withRules(templateShape, {}).safeParse({ ...template, version: 1 }).success).toBe(false);
  });
});
