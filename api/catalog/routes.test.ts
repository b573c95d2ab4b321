import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedCatalogIndex } from './seed.ts';

describe('catalogue API', () => {
  let t: TestContext;
  let token: string;
  beforeAll(() => {
    t = createTestContext();
    seedCatalogIndex(t.db);
    token = signInAs(t.db, 'viewer').token;
  });
  const get = async (path: string, as: string | undefined = token) => {
    const res = await t.request(path, as ? { as } : {});
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json', '')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/catalog'))).toEqual([
      '/api/catalog', '/api/catalog/{edition}/modules', '/api/catalog/{edition}/measures', '/api/catalog/{edition}/measures/{id}',
    ]);
  });

  it('answers 401 when signed out', async () => {
    for (const path of ['/api/catalog', '/api/catalog/2024/modules', '/api/catalog/2024/measures', '/api/catalog/2024/measures/ISMS.1.M1']) {
      const r = await get(path, '');
      expect(r.status, path).toBe(401);
      expect(r.body).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('lists editions with counts and profiles', async () => {
    const r = await get('/api/catalog');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([{ edition: '2024', title: 'E-ITS 2024', moduleCount: 109, measureCount: 1802, profiles: ['KOV'] }]);
  });

  it('lists modules with measure counts by class', async () => {
    const r = await get('/api/catalog/2024/modules');
    const modules = r.body as Array<{ id: string; measureCount: number; byClass: Record<string, number> }>;
    expect(modules).toHaveLength(109);
    expect(modules[0]).toMatchObject({ id: 'ISMS.1', title: 'Turbehaldus', group: 'ISMS' });
    const total = modules.reduce((s, m) => ({ basic: s.basic + m.byClass['basic']!, standard: s.standard + m.byClass['standard']!, high: s.high + m.byClass['high']! }), { basic: 0, standard: 0, high: 0 });
    expect(total).toEqual({ basic: 618, standard: 781, high: 403 });
  });

  it('filters measures by module, class, profile and priority', async () => {
    const all = (await get('/api/catalog/2024/measures')).body as Array<{ priority: string | null }>;
    expect(all).toHaveLength(1802);
    expect(all.every((m) => m.priority === null)).toBe(true);
    const kov = (await get('/api/catalog/2024/measures?profile=KOV')).body as Array<{ priority: string | null }>;
    expect(kov.filter((m) => m.priority !== null)).toHaveLength(986);
    const p1 = (await get('/api/catalog/2024/measures?profile=KOV&priority=P1')).body as unknown[];
    expect(p1).toHaveLength(183);
    const mod = (await get('/api/catalog/2024/measures?module=ISMS.1&class=basic&profile=KOV')).body as Array<Record<string, unknown>>;
    expect(mod.length).toBeGreaterThan(0);
    expect(mod.every((m) => m['module'] === 'ISMS.1' && m['class'] === 'basic')).toBe(true);
    expect(mod[0]).toEqual({
      id: 'ISMS.1.M1', module: 'ISMS.1', title: 'Infoturbe üldvastutuse võtmine juhtkonnatasemel', class: 'basic', responsible: 'Infoturbejuht',
      lifecycle: 'Kavandamine', cia: '', threats: ['G 0.18', 'G 0.27'], priority: 'P1',
    });
  });

  it('returns one measure with roles, link and a null description until RIA text is imported', async () => {
    const r = await get('/api/catalog/2024/measures/ISMS.1.M1');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: 'ISMS.1.M1', edition: '2024', moduleTitle: 'Turbehaldus', coResponsible: ['Organisatsiooni juhtkond'], description: null, profiles: { KOV: 'P1' },
      link: expect.stringMatching(/^https:\/\/eits\.ria\.ee\//),
    });
  });

  it('answers 404 for an unknown edition, measure, module or profile', async () => {
    for (const path of ['/api/catalog/2019/modules', '/api/catalog/2019/measures', '/api/catalog/2024/measures/ISMS.1.M99', '/api/catalog/2024/measures?module=XYZ.1', '/api/catalog/2024/measures?profile=KOOL']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('answers 400 for a bad class, priority or edition', async () => {
    for (const path of ['/api/catalog/2024/measures?class=Põhimeede', '/api/catalog/2024/measures?profile=KOV&priority=P4', '/api/catalog/2024/measures?priority=P1', '/api/catalog/abcd/modules']) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect((r.body as { error: { code: string } }).error.code).toMatch(/validation_failed|bad_request/);
    }
  });
});
