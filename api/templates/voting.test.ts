// The voting rule (issue 17): approved when the approvals reach the quorum and no reviewer's "reject"
// stands; "request changes" and "reject" are votes with a reason that do not close the vote for the
// others; a new version supersedes; an admin may close an open version as rejected (audited).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedTestMeasures, templateForm } from './test-support.ts';

let ctx: TestContext;

beforeEach(() => {
  ctx = createTestContext({ filesPath: mkdtempSync(join(tmpdir(), 'turvarada-vote-')) });
  seedTestMeasures(ctx.db);
});

const submit = async (as: string, path = '/api/templates') => (await ctx.request(path, { method: 'POST', as, body: templateForm() })).json();
const vote = (as: string, id: number, decision: string, comment = '') => ctx.request(`/api/templates/${id}/reviews`, { method: 'POST', as, json: { decision, comment } });
const row = (id: number, n: number) =>
  ctx.db.prepare('SELECT v.status, v.decided_at, v.approved_at, t.current_version FROM template_version v JOIN template t ON t.id = v.template_id WHERE v.template_id = ? AND v.n = ?').get(id, n) as {
    status: string; decided_at: string | null; approved_at: string | null; current_version: number | null;
  };
const votes = (id: number, n: number) => ctx.db.prepare('SELECT decision, comment FROM template_review WHERE template_id = ? AND n = ? ORDER BY created_at, reviewer_id').all(id, n);
const audits = (action: string) => ctx.db.prepare('SELECT entity_id, new_value FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ entity_id: string; new_value: string }>;

describe('one "request changes" does not end the vote', () => {
  it('keeps the version open with the reason shown, and approves when the quorum of approvals is reached', async () => {
    const author = signInAs(ctx.db, 'specialist', ['0784']);
    const [r1, r2, r3] = [signInAs(ctx.db, 'reviewer'), signInAs(ctx.db, 'reviewer'), signInAs(ctx.db, 'reviewer')];
    const { id } = await submit(author.token);
    expect((await vote(r1.token, id, 'request_changes')).status).toBe(400); // a reason is required
    const rc = await vote(r1.token, id, 'request_changes', 'Lisa vastutajad.');
    expect(await rc.json()).toMatchObject({ status: 'in_review', approvals: 0, rejections: 0 });
    expect(row(id, 1)).toMatchObject({ status: 'in_review', decided_at: null, current_version: null });

    expect(await (await vote(r2.token, id, 'approve')).json()).toMatchObject({ status: 'in_review', approvals: 1 });
    expect(await (await vote(r3.token, id, 'approve')).json()).toMatchObject({ status: 'approved', approvals: 2 });
    expect(row(id, 1)).toMatchObject({ status: 'approved', current_version: 1 });
    expect(row(id, 1).approved_at).toBeTruthy();
    expect(votes(id, 1)).toEqual([
      { decision: 'request_changes', comment: 'Lisa vastutajad.' },
      { decision: 'approve', comment: '' },
      { decision: 'approve', comment: '' },
    ]);
    expect(audits('template.changes_requested')).toEqual([]);
    const d = await (await ctx.request(`/api/templates/${id}`, { as: author.token })).json();
    expect(d.versions[0].votes.map((v: { decision: string; comment: string }) => [v.decision, v.comment])[0]).toEqual(['request_changes', 'Lisa vastutajad.']);
  });
});

describe('a standing "reject"', () => {
  it('holds the approval back until its reviewer changes the vote', async () => {
    const author = signInAs(ctx.db, 'viewer');
    const [r1, r2, r3] = [signInAs(ctx.db, 'reviewer'), signInAs(ctx.db, 'reviewer'), signInAs(ctx.db, 'reviewer')];
    const { id } = await submit(author.token);
    expect(await (await vote(r1.token, id, 'reject', 'Dubleerib olemasolevat malli.')).json()).toMatchObject({ status: 'in_review', rejections: 1 });
    await vote(r2.token, id, 'approve');
    expect(await (await vote(r3.token, id, 'approve')).json()).toMatchObject({ status: 'in_review', approvals: 2, rejections: 1 });
    expect(row(id, 1)).toMatchObject({ status: 'in_review', current_version: null });
    expect(await (await vote(r1.token, id, 'approve')).json()).toMatchObject({ status: 'approved', approvals: 3, rejections: 0 });
    expect(row(id, 1).current_version).toBe(1);
    expect((await vote(r2.token, id, 'reject', 'Hilja')).status).toBe(409);
  });

  it('is answered with a new version, which supersedes the open one and starts a fresh vote', async () => {
    const author = signInAs(ctx.db, 'viewer');
    const r1 = signInAs(ctx.db, 'reviewer');
    const { id } = await submit(author.token);
    await vote(r1.token, id, 'reject', 'Dubleerib olemasolevat malli.');
    expect((await submit(author.token, `/api/templates/${id}/versions`)).version).toBe(2);
    expect(row(id, 1).status).toBe('superseded');
    expect(row(id, 2).status).toBe('submitted');
    expect(votes(id, 2)).toEqual([]);
    expect(votes(id, 1)).toHaveLength(1);
  });
});

describe('an admin closes a version as rejected', () => {
  const close = (as: string, id: number, reason: string) => ctx.request(`/api/templates/${id}/close`, { method: 'POST', as, json: { reason } });

  it('only an admin, only with a reason, only while open; audited with the reason', async () => {
    const author = signInAs(ctx.db, 'specialist');
    const r1 = signInAs(ctx.db, 'reviewer');
    const admin = signInAs(ctx.db, 'admin');
    const { id } = await submit(author.token);
    await vote(r1.token, id, 'request_changes', 'Lisa vastutajad.');
    expect((await close(r1.token, id, 'Ei sobi')).status).toBe(403);
    expect((await close(author.token, id, 'Ei sobi')).status).toBe(403);
    expect((await close(admin.token, id, '  ')).status).toBe(400);
    expect(row(id, 1).status).toBe('in_review');

    const res = await close(admin.token, id, 'Esitaja ei vasta enam.');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, version: 1, status: 'rejected' });
    expect(row(id, 1)).toMatchObject({ status: 'rejected', approved_at: null, current_version: null });
    expect(row(id, 1).decided_at).toBeTruthy();
    const [a] = audits('template.rejected');
    expect(a!.entity_id).toBe(`${id}/1`);
    expect(JSON.parse(a!.new_value)).toEqual({ status: 'rejected', reason: 'Esitaja ei vasta enam.' });
    expect((await vote(r1.token, id, 'approve')).status).toBe(409);
    expect((await close(admin.token, id, 'Uuesti')).status).toBe(409);
    expect((await ctx.request(`/api/templates/${id}`, { as: admin.token }).then((r) => r.json())).viewer).toMatchObject({ canClose: false, canReview: false });
  });
});

describe("the reviewer's queue: awaiting=me", () => {
  it('lists open versions the reviewer has no vote on and did not submit; a new version asks again', async () => {
    const author = signInAs(ctx.db, 'specialist');
    const r1 = signInAs(ctx.db, 'reviewer');
    const r2 = signInAs(ctx.db, 'reviewer');
    const a = (await submit(author.token)).id;
    const b = (await submit(author.token)).id;
    const own = (await submit(r1.token)).id;
    const queue = async (as: string) => ((await (await ctx.request('/api/templates?awaiting=me', { as })).json()) as Array<{ id: number }>).map((t) => t.id).sort();
    expect(await queue(r1.token)).toEqual([a, b]);
    await vote(r1.token, a, 'request_changes', 'Lisa vastutajad.');
    expect(await queue(r1.token)).toEqual([b]);
    expect(await queue(r2.token)).toEqual([a, b, own]);
    await submit(author.token, `/api/templates/${a}/versions`);
    expect(await queue(r1.token)).toEqual([a, b]);
    expect((await ctx.request('/api/templates?awaiting=me')).status).toBe(401);
  });
});
