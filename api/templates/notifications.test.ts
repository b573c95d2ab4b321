// The working group's mail (issue 20): a submitted version asks each active reviewer for a decision;
// a decided one (approved, or closed as rejected) tells its submitter. Queued in the same transaction.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedTestMeasures, templateForm } from './test-support.ts';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext({ filesPath: mkdtempSync(join(tmpdir(), 'turvarada-notify-')), publicOrigin: 'https://turvarada.example', templateQuorum: 1 });
  seedTestMeasures(ctx.db);
});

const emailOf = (id: number) => ctx.db.prepare('SELECT email FROM app_user WHERE id = ?').pluck().get(id) as string;
const mails = () => ctx.db.prepare('SELECT kind, to_address, subject, text FROM mail_outbox ORDER BY id').all() as Array<{ kind: string; to_address: string; subject: string; text: string }>;
const submit = async (as: string, path = '/api/templates') => {
  const res = await ctx.request(path, { method: 'POST', as, body: templateForm({ title: 'Varunduskord' }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; version: number };
};

describe('template review mail', () => {
  it('a submitted version mails every active reviewer but no closed account and not the submitter', async () => {
    const author = signInAs(ctx.db, 'specialist', ['0784']);
    const [r1, r2, closed] = [signInAs(ctx.db, 'reviewer'), signInAs(ctx.db, 'reviewer'), signInAs(ctx.db, 'reviewer')];
    ctx.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(closed.userId);
    const { id } = await submit(author.token);
    const sent = mails();
    expect(sent.map((m) => [m.kind, m.to_address])).toEqual([
      ['template_review', emailOf(r1.userId)],
      ['template_review', emailOf(r2.userId)],
    ]);
    expect(sent[0]!.subject).toBe('Turvarada: mall „Varunduskord“ ootab sinu otsust');
    expect(sent[0]!.text).toContain(`https://turvarada.example/mallid/ulevaatus/?id=${id}`);
    expect(sent[0]!.text).toContain('versiooni 1');
    // A reviewer's own submission (a new version by an admin counts the same) is not sent to them.
    const own = await submit(r1.token);
    expect(mails().slice(2).map((m) => m.to_address)).toEqual([emailOf(r2.userId)]);
    expect(own.version).toBe(1);
  });

  it('approval and closing as rejected mail the submitter; a failed vote mails nothing', async () => {
    const author = signInAs(ctx.db, 'specialist', ['0784']);
    const reviewer = signInAs(ctx.db, 'reviewer');
    const admin = signInAs(ctx.db, 'admin');
    const first = await submit(author.token);
    const second = await submit(author.token);
    const before = mails().length;
    expect((await ctx.request(`/api/templates/${first.id}/reviews`, { method: 'POST', as: reviewer.token, json: { decision: 'approve', comment: '' } })).status).toBe(200);
    const approved = mails().slice(before);
    expect(approved.map((m) => [m.kind, m.to_address, m.subject])).toEqual([
      ['template_decision', emailOf(author.userId), 'Turvarada: malli „Varunduskord“ versioon 1 kinnitati'],
    ]);
    // Deciding an already decided version fails and queues nothing.
    expect((await ctx.request(`/api/templates/${first.id}/reviews`, { method: 'POST', as: reviewer.token, json: { decision: 'approve', comment: '' } })).status).toBe(409);
    expect(mails()).toHaveLength(before + 1);
    const closed = await ctx.request(`/api/templates/${second.id}/close`, { method: 'POST', as: admin.token, json: { reason: 'Dubleerib olemasolevat malli.' } });
    expect(closed.status).toBe(200);
    const rejected = mails().at(-1)!;
    expect(rejected).toMatchObject({ kind: 'template_decision', to_address: emailOf(author.userId), subject: 'Turvarada: malli „Varunduskord“ versioon 1 lükati tagasi' });
    expect(rejected.text).toContain('Põhjus: Dubleerib olemasolevat malli.');
    expect(rejected.text).toContain(`https://turvarada.example/mallid/ulevaatus/?id=${second.id}`);
  });
});
