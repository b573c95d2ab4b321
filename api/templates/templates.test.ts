import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { listFiles, seedTestMeasures, templateForm, type FormInput } from './test-support.ts';

let ctx: TestContext;
let filesPath: string;

beforeEach(() => {
  filesPath = mkdtempSync(join(tmpdir(), 'turvarada-tpl-'));
  ctx = createTestContext({ filesPath });
  seedTestMeasures(ctx.db);
});

const submit = (as: string, input: FormInput = {}, path = '/api/templates') => ctx.request(path, { method: 'POST', as, body: templateForm(input) });
const vote = (as: string, decision: string, comment = '') => (id: number) => ctx.request(`/api/templates/${id}/reviews`, { method: 'POST', as, json: { decision, comment } });
const detail = async (as: string, id: number) => (await ctx.request(`/api/templates/${id}`, { as })).json();
const count = (table: string) => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const audit = (action: string) => ctx.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('template lifecycle', () => {
  it('goes submitted → in_review → approved with a quorum of two, then a new version supersedes', async () => {
    const author = signInAs(ctx.db, 'specialist', ['0784']);
    const r1 = signInAs(ctx.db, 'reviewer');
    const r2 = signInAs(ctx.db, 'reviewer');

    const res = await submit(author.token);
    expect(res.status).toBe(201);
    const { id, version, status } = await res.json();
    expect({ version, status }).toEqual({ version: 1, status: 'submitted' });
    expect(listFiles(filesPath)).toHaveLength(1);

    // The first reviewer action (a comment) starts the review.
    const c = await ctx.request(`/api/templates/${id}/comments`, { method: 'POST', as: r1.token, json: { body: 'Palun lisa kontaktisik.' } });
    expect(c.status).toBe(201);
    const reply = await ctx.request(`/api/templates/${id}/comments`, { method: 'POST', as: author.token, json: { body: 'Lisasin.', parentId: (await c.json()).id } });
    expect(reply.status).toBe(201);
    expect((await detail(author.token, id)).versions[0].status).toBe('in_review');

    const v1 = await vote(r1.token, 'approve')(id);
    expect(await v1.json()).toMatchObject({ status: 'in_review', approvals: 1, quorum: 2 });
    // Anonymous visitors do not see it yet.
    expect(await (await ctx.request('/api/templates?status=approved')).json()).toEqual([]);
    const v2 = await vote(r2.token, 'approve')(id);
    expect(await v2.json()).toMatchObject({ status: 'approved', approvals: 2 });

    const d = await detail(r1.token, id);
    expect(d.currentVersion).toBe(1);
    expect(d.versions[0]).toMatchObject({ status: 'approved', quorumMet: true, approvals: 2 });
    expect(d.versions[0].approvedAt).toBeTruthy();
    expect(d.comments.map((x: { parentId: number | null }) => x.parentId)).toEqual([null, d.comments[0].id]);
    expect(audit('template.submitted')).toBe(1);
    expect(audit('template.in_review')).toBe(1);
    expect(audit('template.approved')).toBe(1);

    // Public list and download, no sign-in.
    const pub = await (await ctx.request('/api/templates?status=approved')).json();
    expect(pub).toHaveLength(1);
    expect(pub[0]).toMatchObject({ id, version: 1, title: 'Infoturbepoliitika mall', measures: ['ISMS.1.M1', 'ORP.1.M1'] });
    const file = await ctx.request(pub[0].downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="poliitika.md"; filename*=UTF-8''poliitika.md`);
    expect(file.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect(await file.text()).toContain('# Infoturbepoliitika');

    // Adoption of v1, then v2 is submitted and approved: the municipality sees a newer version.
    const ad = await ctx.request('/api/kovs/0784/adoptions', { method: 'POST', as: author.token, json: { templateId: id, version: 1, adoptedOn: '2025-03-01' } });
    expect(ad.status).toBe(201);
    expect(await ad.json()).toMatchObject({ version: 1, newerVersionAvailable: false });

    const nv = await submit(author.token, { title: 'Infoturbepoliitika mall (2. trükk)', measures: 'ISMS.1.M1', file: { name: 'poliitika-v2.md', bytes: '# v2\n' } }, `/api/templates/${id}/versions`);
    expect(nv.status).toBe(201);
    expect(await nv.json()).toEqual({ id, version: 2, status: 'submitted' });
    expect((await (await ctx.request('/api/templates?status=approved')).json())[0].version).toBe(1);
    const d2 = await detail(r1.token, id);
    expect(d2.versions[1].changes.map((ch: { field: string }) => ch.field)).toEqual(['title', 'measures', 'fileName', 'sha256']);
    await vote(r1.token, 'approve')(id);
    expect((await (await vote(r2.token, 'approve')(id)).json()).status).toBe('approved');
    expect((await detail(r1.token, id)).currentVersion).toBe(2);
    expect((await ctx.request(`/api/templates/${id}/versions/1/file`)).status).toBe(200);
    const mine = await (await ctx.request('/api/kovs/0784/adoptions', { as: author.token })).json();
    expect(mine[0]).toMatchObject({ templateId: id, version: 1, currentVersion: 2, newerVersionAvailable: true });

    const analyst = signInAs(ctx.db, 'analyst');
    const across = await (await ctx.request(`/api/templates/${id}/adoptions`, { as: analyst.token })).json();
    expect(across.kovs).toHaveLength(79);
    expect(across).toMatchObject({ adopted: 1, onCurrent: 0, currentVersion: 2 });
    expect((await ctx.request(`/api/templates/${id}/adoptions`, { as: author.token })).status).toBe(403);
  });
});

describe('quorum and who may vote', () => {
  it('never counts the submitter: a reviewer cannot vote on their own submission', async () => {
    const authorReviewer = signInAs(ctx.db, 'reviewer');
    const other = signInAs(ctx.db, 'reviewer');
    const { id } = await (await submit(authorReviewer.token)).json();
    const own = await vote(authorReviewer.token, 'approve')(id);
    expect(own.status).toBe(403);
    expect(count('template_review')).toBe(0);
    // The submitter's own comment does not start the review either.
    await ctx.request(`/api/templates/${id}/comments`, { method: 'POST', as: authorReviewer.token, json: { body: 'Märkus' } });
    expect((await detail(other.token, id)).versions[0].status).toBe('submitted');
    expect(await (await vote(other.token, 'approve')(id)).json()).toMatchObject({ status: 'in_review', approvals: 1 });
    expect((await detail(authorReviewer.token, id)).viewer.canReview).toBe(false);
  });

  it('lets a reviewer change the vote until decided, one vote per reviewer', async () => {
    const author = signInAs(ctx.db, 'specialist');
    const r1 = signInAs(ctx.db, 'reviewer');
    const { id } = await (await submit(author.token)).json();
    await vote(r1.token, 'approve')(id);
    await vote(r1.token, 'approve')(id);
    expect(await (await vote(r1.token, 'approve')(id)).json()).toMatchObject({ approvals: 1, status: 'in_review' });
    expect(count('template_review')).toBe(1);
  });

  it('honours a configured quorum', async () => {
    ctx = createTestContext({ filesPath, templateQuorum: 1 });
    seedTestMeasures(ctx.db);
    const author = signInAs(ctx.db, 'specialist');
    const { id } = await (await submit(author.token)).json();
    expect(await (await vote(signInAs(ctx.db, 'reviewer').token, 'approve')(id)).json()).toMatchObject({ status: 'approved' });
  });

  it('refuses votes from non-reviewers (403) and anonymous users (401)', async () => {
    const author = signInAs(ctx.db, 'specialist');
    const { id } = await (await submit(author.token)).json();
    for (const role of ['admin', 'analyst', 'specialist', 'viewer', 'auditor'] as const) {
      expect((await vote(signInAs(ctx.db, role).token, 'approve')(id)).status).toBe(403);
    }
    expect((await ctx.request(`/api/templates/${id}/reviews`, { method: 'POST', json: { decision: 'approve' } })).status).toBe(401);
    expect(count('template_review')).toBe(0);
    expect((await detail(author.token, id)).versions[0].status).toBe('submitted');
  });
});

describe('visibility', () => {
  it('keeps unapproved templates and their files behind sign-in', async () => {
    const author = signInAs(ctx.db, 'specialist');
    const { id } = await (await submit(author.token)).json();
    expect((await ctx.request('/api/templates?status=submitted')).status).toBe(401);
    expect((await ctx.request('/api/templates')).status).toBe(401);
    expect((await ctx.request(`/api/templates/${id}/versions/1/file`)).status).toBe(401);
    expect((await ctx.request(`/api/templates/${id}/versions/1/file`, { as: author.token })).status).toBe(200);
    const list = await (await ctx.request('/api/templates?status=submitted&measure=ORP.1.M1&category=poliitika', { as: author.token })).json();
    expect(list.map((t: { id: number }) => t.id)).toEqual([id]);
    expect(await (await ctx.request('/api/templates?measure=ISMS.1.M2', { as: author.token })).json()).toEqual([]);
  });
});

describe('API description', () => {
  it('lists every template route in the OpenAPI document', async () => {
    const doc = await (await ctx.request('/api/openapi.json')).json();
    for (const p of ['/api/templates', '/api/templates/{id}', '/api/templates/{id}/versions', '/api/templates/{id}/comments', '/api/templates/{id}/reviews', '/api/templates/{id}/close','/api/templates/{id}/versions/{n}/file', '/api/kovs/{ehak}/adoptions', '/api/templates/{id}/adoptions']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/templates'].post.requestBody.content)).toEqual(['multipart/form-data']);
  });
});
