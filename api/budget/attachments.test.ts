// Cost attachments go through the shared file store and the evidence type check.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { docxBomb } from '../../tests/helpers/zip-bomb.ts';
import { readStoredFile } from '../files/store.ts';
import { listFiles } from '../templates/test-support.ts';
import { seedPlan } from './test-plan.ts';

let t: TestContext;
let admin: string;
let planId: number;
let files: string;

beforeEach(async () => {
  files = mkdtempSync(join(tmpdir(), 'turvarada-budget-files-'));
  t = createTestContext({ filesPath: files });
  admin = signInAs(t.db, 'admin').token;
  planId = (await (await t.request('/api/budget/plans', { method: 'POST', json: seedPlan(), as: admin })).json()).id;
});
afterEach(() => rmSync(files, { recursive: true, force: true }));

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function post(name: string, bytes: Uint8Array, over: Record<string, string> = {}) {
  const form = new FormData();
  const fields = { initiative: 'KOGUKOND', date: '2024-03-15', account: '55', net: '1000,50', vat: '220,11', supplier: 'Seminarikeskus OÜ', documentNumber: 'A-17', ...over };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('attachment', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
  return t.request(`/api/budget/plans/${planId}/actuals`, { method: 'POST', body: form, as: admin });
}

const rows = () => t.db.prepare('SELECT count(*) FROM budget_actual').pluck().get() as number;

/** Asserts a refusal with the status and code, and that neither a row nor a file was written. */
async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(rows()).toBe(0);
  expect(listFiles(files)).toEqual([]);
}

describe('cost attachments', () => {
  it('are written atomically into the file store under a key, with nothing else left behind', async () => {
    const res = await post('arve A-17.pdf', PDF);
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const path = t.db.prepare('SELECT attachment_path FROM budget_actual WHERE id = ?').pluck().get(id) as string;
    expect(path).toMatch(/^budget\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(listFiles(files)).toEqual([join(files, path)]);
    expect(new Uint8Array(readStoredFile(files, path))).toEqual(PDF);
    const file = await t.request(`/api/budget/plans/${planId}/actuals/${id}/attachment`, { as: admin });
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
  });

  it('refuses content that is no accepted type, whatever its name, writing nothing', async () => {
    await expectRefused(await post('arve.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0xff, 0xfe])), 400, 'unsupported_file_type');
    await expectRefused(await post('arve.docx', docxBomb(256)), 400, 'unsupported_file_type');
  });

  it('refuses an attachment over 10 MB with 413, and a bad entry before writing its attachment', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    await expectRefused(await post('suur.pdf', big), 413, 'payload_too_large');
    await expectRefused(await post('arve.pdf', PDF, { account: '99' }), 400, 'invalid_actual');
  });

  it('answers a malformed form with 400, not a server error', async () => {
    const res = await t.request(`/api/budget/plans/${planId}/actuals`, { method: 'POST', as: admin, body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=piir' } });
    await expectRefused(res, 400, 'bad_request');
  });

  it('still serves an attachment recorded before the store by its absolute path, and no other path', async () => {
    const { id } = await (await post('arve.pdf', PDF)).json();
    mkdirSync(join(files, 'budget'), { recursive: true });
    const legacy = join(files, 'budget', '0b7e3c6a-3f0e-4c1e-9a55-6a1d2b3c4d5e');
    writeFileSync(legacy, 'vana manus');
    const setPath = (p: string) => t.db.prepare('UPDATE budget_actual SET attachment_path = ? WHERE id = ?').run(p, id);
    const download = () => t.request(`/api/budget/plans/${planId}/actuals/${id}/attachment`, { as: admin });
    setPath(legacy);
    expect(await (await download()).text()).toBe('vana manus');
    setPath('/etc/passwd');
    expect((await download()).status).toBe(404);
  });
});
