// Evidence with a description, and its soft removal: the answer, the stored rows, the history, the
// audit log, the file no longer served, and who may do it (viewer 403, another municipality 404).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const BASE = `/api/kovs/${KOV}/measures/ISMS.1.M1/evidence`;
let t: TestContext;
let token: string;
let userId: number;
let files: string;

beforeEach(() => {
  files = mkdtempSync(join(tmpdir(), 'turvarada-evidence-'));
  t = createTestContext({ filesPath: files });
  insertTestCatalog(t.db);
  ({ token, userId } = signInAs(t.db, 'specialist', [KOV]));
});
afterEach(() => rmSync(files, { recursive: true, force: true }));

const row = (id: number) => t.db.prepare('SELECT description, removed_at, removed_by FROM measure_evidence WHERE id = ?').get(id) as Record<string, unknown>;
const addLink = async (json: object, as = token) => t.request(BASE, { method: 'POST', json, as });
const upload = (description: string) => {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode('Varukoopiate testimise logi\n')], 'logi.txt'));
  form.append('description', description);
  return t.request(BASE, { method: 'POST', body: form, as: token });
};

describe('evidence description', () => {
  it('is stored with a link and with a file, trimmed; blank is none', async () => {
    const link = await (await addLink({ url: 'https://dok.anija.ee/kord/1', description: '  Infoturbe poliitika, kinnitatud 2026  ' })).json();
    expect(link).toMatchObject({ description: 'Infoturbe poliitika, kinnitatud 2026' });
    expect(row(link.id).description).toBe('Infoturbe poliitika, kinnitatud 2026');
    const file = await upload('Testimise logi jaanuarist');
    expect(file.status).toBe(201);
    expect(row((await file.json()).id).description).toBe('Testimise logi jaanuarist');
    const blank = await (await addLink({ url: 'https://dok.anija.ee/kord/2', description: '   ' })).json();
    expect(row(blank.id).description).toBeNull();
  });

  it('refuses a description over 1000 characters with a field error, storing nothing', async () => {
    const res = await addLink({ url: 'https://dok.anija.ee/kord/1', description: 'x'.repeat(1001) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'description' })] });
    expect((await upload('y'.repeat(1001))).status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM measure_evidence').pluck().get()).toBe(0);
  });
});

describe('removing evidence', () => {
  it('keeps the row with who and when, drops it from the list, stops the download, and writes history and audit', async () => {
    const file = await (await upload('Logi')).json();
    const link = await (await addLink({ url: 'https://dok.anija.ee/kord/1' })).json();
    const res = await t.request(`${BASE}/${file.id}`, { method: 'DELETE', as: token });
    expect(res.status).toBe(204);
    expect(row(file.id)).toMatchObject({ description: 'Logi', removed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), removed_by: userId });
    const list = await (await t.request(BASE, { as: token })).json();
    expect(list.map((e: { id: number }) => e.id)).toEqual([link.id]);
    const record = await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1`, { as: token })).json();
    expect(record.evidence.map((e: { id: number }) => e.id)).toEqual([link.id]);
    expect((await t.request(`${BASE}/${file.id}/file`, { as: token })).status).toBe(404);
    // Removing twice finds nothing.
    expect((await t.request(`${BASE}/${file.id}`, { method: 'DELETE', as: token })).status).toBe(404);

    const history = await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1/history`, { as: token })).json();
    const events = history.map((h: { kind: string; action?: string; evidence?: { label: string } }) => [h.action, h.evidence?.label]);
    expect(events).toHaveLength(3);
    expect(events).toContainEqual(['added', 'logi.txt']);
    expect(events).toContainEqual(['added', 'https://dok.anija.ee/kord/1']);
    expect(history[0]).toMatchObject({ kind: 'evidence', action: 'removed', changedBy: { id: userId }, evidence: { id: file.id, kind: 'file', label: 'logi.txt', description: 'Logi' } });
    const audit = t.db.prepare(`SELECT action, actor_id, kov FROM audit_log WHERE entity = 'measure_evidence' ORDER BY id`).all();
    expect(audit).toEqual([
      { action: 'measure_evidence.add', actor_id: userId, kov: KOV },
      { action: 'measure_evidence.add', actor_id: userId, kov: KOV },
      { action: 'measure_evidence.remove', actor_id: userId, kov: KOV },
    ]);
  });

  it('is refused to a viewer (403) and hidden from another municipality (404), changing nothing', async () => {
    const link = await (await addLink({ url: 'https://dok.anija.ee/kord/1' })).json();
    const viewer = signInAs(t.db, 'viewer', [KOV]).token;
    expect((await t.request(`${BASE}/${link.id}`, { method: 'DELETE', as: viewer })).status).toBe(403);
    const other = signInAs(t.db, 'specialist', ['0198']).token;
    expect((await t.request(`${BASE}/${link.id}`, { method: 'DELETE', as: other })).status).toBe(404);
    // The id of another measure's evidence, through this measure's path: not found.
    expect((await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M2/evidence/${link.id}`, { method: 'DELETE', as: token })).status).toBe(404);
    expect((await t.request(`${BASE}/abc`, { method: 'DELETE', as: token })).status).toBe(400);
    expect(row(link.id).removed_at).toBeNull();
    expect(t.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'measure_evidence.remove'`).pluck().get()).toBe(0);
  });
});
