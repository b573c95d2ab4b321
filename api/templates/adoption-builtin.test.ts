// Adoption of any template (issue 17 item 4): a built-in template of the knowledge base is recorded by
// its slug, checked against data/builtin-templates.json; its current version is stored.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { builtinTemplate } from './builtin.ts';
import { seedTestMeasures, templateForm } from './test-support.ts';

let ctx: TestContext;

beforeEach(() => {
  ctx = createTestContext({ filesPath: mkdtempSync(join(tmpdir(), 'turvarada-adopt-')), templateQuorum: 1 });
  seedTestMeasures(ctx.db);
});

const adopt = (as: string, ehak: string, json: unknown) => ctx.request(`/api/kovs/${ehak}/adoptions`, { method: 'POST', as, json });
const rows = () => ctx.db.prepare('SELECT ehak, slug, version, adopted_on, recorded_by FROM builtin_template_adoption ORDER BY ehak, slug').all();

describe('adopting a built-in template', () => {
  it('records the slug and its current version, lists it with the working-group adoptions, audits it', async () => {
    const spec = signInAs(ctx.db, 'specialist', ['0784']);
    const t = builtinTemplate('varundusplaan')!;
    const res = await adopt(spec.token, '0784', { slug: 'varundusplaan', adoptedOn: '2025-04-01' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ehak: '0784', source: 'builtin', slug: 'varundusplaan', templateId: null, title: t.title, builtinVersion: t.version, version: null, adoptedOn: '2025-04-01', newerVersionAvailable: false });
    expect(rows()).toEqual([{ ehak: '0784', slug: 'varundusplaan', version: t.version, adopted_on: '2025-04-01', recorded_by: spec.userId }]);
    const audit = ctx.db.prepare("SELECT entity, entity_id, kov FROM audit_log WHERE action = 'template_adoption.record'").all();
    expect(audit).toEqual([{ entity: 'builtin_template_adoption', entity_id: 'varundusplaan', kov: '0784' }]);

    // A working-group template adopted too: one list, by title.
    const { id } = await (await ctx.request('/api/templates', { method: 'POST', as: spec.token, body: templateForm({ title: 'Aruandluse mall' }) })).json();
    await ctx.request(`/api/templates/${id}/reviews`, { method: 'POST', as: signInAs(ctx.db, 'reviewer').token, json: { decision: 'approve' } });
    expect((await adopt(spec.token, '0784', { templateId: id, version: 1, adoptedOn: '2025-05-01' })).status).toBe(201);
    const list = await (await ctx.request('/api/kovs/0784/adoptions', { as: spec.token })).json();
    expect(list.map((a: { source: string; title: string }) => [a.source, a.title])).toEqual([['working_group', 'Aruandluse mall'], ['builtin', t.title]]);

    // A newer built-in version (the content moved on) shows as such.
    ctx.db.prepare("UPDATE builtin_template_adoption SET version = '0.1'").run();
    const again = await (await ctx.request('/api/kovs/0784/adoptions', { as: spec.token })).json();
    expect(again[1]).toMatchObject({ builtinVersion: '0.1', newerVersionAvailable: true });

    // ELVL sees the built-in template's adoption across the 79; others may not.
    const analyst = signInAs(ctx.db, 'analyst');
    const across = await (await ctx.request('/api/builtin-templates/varundusplaan/adoptions', { as: analyst.token })).json();
    expect(across).toMatchObject({ slug: 'varundusplaan', title: t.title, currentVersion: t.version, adopted: 1, onCurrent: 0 });
    expect(across.kovs).toHaveLength(79);
    expect(across.kovs.find((k: { ehak: string }) => k.ehak === '0784')).toMatchObject({ version: '0.1', adoptedOn: '2025-04-01', newerVersionAvailable: true });
    expect((await ctx.request('/api/builtin-templates/varundusplaan/adoptions', { as: spec.token })).status).toBe(403);
    expect((await ctx.request('/api/builtin-templates/pole-olemas/adoptions', { as: analyst.token })).status).toBe(404);
  });

  it('refuses an unknown slug (404), a mixed body (400), and another municipality (404) — nothing stored', async () => {
    const spec = signInAs(ctx.db, 'specialist', ['0784']);
    expect((await adopt(spec.token, '0784', { slug: 'pole-olemas', adoptedOn: '2025-04-01' })).status).toBe(404);
    expect((await adopt(spec.token, '0784', { slug: 'varundusplaan', templateId: 1, version: 1, adoptedOn: '2025-04-01' })).status).toBe(400);
    expect((await adopt(spec.token, '0784', { slug: '../x', adoptedOn: '2025-04-01' })).status).toBe(400);
    expect((await adopt(spec.token, '0296', { slug: 'varundusplaan', adoptedOn: '2025-04-01' })).status).toBe(404);
    expect((await adopt(spec.token, '0784', { slug: 'varundusplaan', adoptedOn: '2999-01-01' })).status).toBe(400);
    expect(rows()).toEqual([]);
  });
});
