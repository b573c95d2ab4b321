// Who may write on an existing template. A new version supersedes the version under review and drops
// its votes, so only the template's submitter or an admin may submit one; everyone else gets 403 and
// nothing changes: no row, no audit entry, no stored file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { canActOnTemplate } from '../auth/rules.ts';
import type { Role } from '../auth/session-user.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { listFiles, seedTestMeasures, templateForm } from './test-support.ts';

let ctx: TestContext;
let filesPath: string;
let submitter: { token: string; userId: number };
let id: number;

const TABLES = ['template', 'template_version', 'template_review', 'template_comment', 'audit_log'];
const snapshot = () => ({
  rows: TABLES.map((table) => JSON.stringify(ctx.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all())),
  files: listFiles(filesPath).sort(),
});
const newVersion = (token: string, templateId = id) =>
  ctx.request(`/api/templates/${templateId}/versions`, { method: 'POST', as: token, body: templateForm({ title: 'Üle kirjutatud', file: { name: 'uus.md', bytes: '# uus\n' } }) });

beforeEach(async () => {
  filesPath = mkdtempSync(join(tmpdir(), 'turvarada-tpl-auth-'));
  ctx = createTestContext({ filesPath });
  seedTestMeasures(ctx.db);
  submitter = signInAs(ctx.db, 'specialist', ['0141']);
  id = (await (await ctx.request('/api/templates', { method: 'POST', as: submitter.token, body: templateForm() })).json()).id;
  // Under review with one approval: what a wrongful new version would throw away.
  const reviewer = signInAs(ctx.db, 'reviewer');
  const vote = await ctx.request(`/api/templates/${id}/reviews`, { method: 'POST', as: reviewer.token, json: { decision: 'approve', comment: '' } });
  expect(await vote.json()).toMatchObject({ status: 'in_review', approvals: 1 });
});

describe('POST /api/templates/{id}/versions', () => {
  it.each<[string, Role, string[]]>([
    ['another specialist', 'specialist', ['0141']],
    ['the read-only auditor', 'auditor', ['0141']],
    ['a viewer', 'viewer', ['0141']],
    ['a reviewer', 'reviewer', []],
    ['an analyst', 'analyst', []],
  ])('refuses %s with 403 and changes nothing', async (_who, role, kovs) => {
    const other = signInAs(ctx.db, role, kovs, role === 'auditor' ? { accessExpiresOn: '2099-12-31' } : {});
    const before = snapshot();
    const res = await newVersion(other.token);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('Uut versiooni saab esitada ainult malli esitaja või administraator.');
    expect(snapshot()).toEqual(before);
    const detail = await (await ctx.request(`/api/templates/${id}`, { as: other.token })).json();
    expect(detail.versions.map((v: { status: string }) => v.status)).toEqual(['in_review']);
    expect(detail.versions[0].approvals).toBe(1);
    expect(detail.viewer.canSubmitVersion).toBe(false);
  });

  it('lets the submitter (201) and an admin (201) submit new versions', async () => {
    expect((await (await ctx.request(`/api/templates/${id}`, { as: submitter.token })).json()).viewer.canSubmitVersion).toBe(true);
    const own = await newVersion(submitter.token);
    expect(own.status).toBe(201);
    expect(await own.json()).toEqual({ id, version: 2, status: 'submitted' });
    const admin = signInAs(ctx.db, 'admin');
    const byAdmin = await newVersion(admin.token);
    expect(byAdmin.status).toBe(201);
    expect(await byAdmin.json()).toEqual({ id, version: 3, status: 'submitted' });
    // The template stays the submitter's: after the admin's version they may still add one.
    expect((await newVersion(submitter.token)).status).toBe(201);
    const statuses = ctx.db.prepare('SELECT status FROM template_version WHERE template_id = ? ORDER BY n').pluck().all(id);
    expect(statuses).toEqual(['superseded', 'superseded', 'superseded', 'submitted']);
  });

  it('answers 401 signed out and 404 for no such template, storing nothing', async () => {
    const before = snapshot();
    const anon = await ctx.request(`/api/templates/${id}/versions`, { method: 'POST', body: templateForm() });
    expect(anon.status).toBe(401);
    expect((await newVersion(submitter.token, 9999)).status).toBe(404);
    expect(snapshot()).toEqual(before);
  });
});

describe('canActOnTemplate (the rule the API and the pages share)', () => {
  const facts = { createdBy: 1, latestSubmittedBy: 2 };
  const user = (id: number, role: Role) => ({ id, role, kovs: [] });
  it('new versions: the submitter and admins only', () => {
    expect(canActOnTemplate(user(1, 'viewer'), facts, 'version')).toBe(true);
    expect(canActOnTemplate(user(9, 'admin'), facts, 'version')).toBe(true);
    // Submitting the latest version (as an admin did for them) does not make someone the template's submitter.
    for (const role of ['analyst', 'specialist', 'viewer', 'reviewer', 'auditor'] as const) expect(canActOnTemplate(user(2, role), facts, 'version')).toBe(false);
    expect(canActOnTemplate(null, facts, 'version')).toBe(false);
  });
  it('votes: reviewers, never on the latest version they submitted', () => {
    expect(canActOnTemplate(user(1, 'reviewer'), facts, 'review')).toBe(true);
    expect(canActOnTemplate(user(2, 'reviewer'), facts, 'review')).toBe(false);
    expect(canActOnTemplate(user(3, 'admin'), facts, 'review')).toBe(false);
  });
  it('comments: anyone signed in who may submit templates', () => {
    for (const role of ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'] as const) expect(canActOnTemplate(user(5, role), facts, 'comment')).toBe(true);
    expect(canActOnTemplate(null, facts, 'comment')).toBe(false);
  });
});
