// Zip bombs posted to the real server: an ODT or DOCX whose marker entry claims 100 bytes but
// expands a thousandfold used to keep the event loop busy (1 GB: 16 s wall and 4 s of CPU on this
// machine, 5 GB: over ten minutes). It must be refused at once while /api/health keeps answering.
// The server runs in this process, so its CPU time is measured: unlike wall time it does not grow
// when other engineers load the shared 2-core machine (wall was 4-5× CPU at load 20-25, and a 1 MB
// upload once took 1.09 s of wall time). So the answer must cost under 1 s of CPU and arrive within
// a generous 5 s, and /api/health must never wait 5 s. What remains of an upload's cost is multipart
// parsing: ~30-90 ms of CPU for 1 MB, ~230 ms for 5 MB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { listFiles, templateForm } from '../../api/templates/test-support.ts';
import { signInAs } from '../helpers/app.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { docxBomb, odtBomb } from '../helpers/zip-bomb.ts';

const EHAK = '0141';
const EVIDENCE = `/api/kovs/${EHAK}/measures/ISMS.1.M1/evidence`;
const MB = 1024 * 1024;
let server: TestServer;
let cookie: string;

const fileForm = (field: string, name: string, bytes: Uint8Array) => {
  const form = new FormData();
  form.set(field, new File([bytes as Uint8Array<ArrayBuffer>], name));
  return form;
};

beforeAll(async () => {
  server = await startTestServer();
  cookie = `${SESSION_COOKIE}=${signInAs(server.db, 'specialist', [EHAK]).token}`;
  // Warm up both routes with a benign upload of the same size (module loading, first compilation,
  // first large buffers), so the timings below are the bomb's.
  const text = 'Varukoopiate logi\n'.repeat(MB / 18);
  for (const [path, form] of [['/api/templates', templateForm({ measures: 'ISMS.1.M1', file: { name: 'a.md', bytes: text } })], [EVIDENCE, fileForm('file', 'a.txt', new TextEncoder().encode(text))]] as const) {
    await (await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie }, body: form })).arrayBuffer();
  }
});
afterAll(() => server.close());

/** Posts the form while another client asks /api/health again and again; times both (wall and CPU). */
async function postWhileProbingHealth(path: string, form: FormData) {
  // Serialised beforehand: the test's own multipart encoding is not the server's time.
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const headers = { cookie, 'content-type': encoded.headers.get('content-type')! };
  let uploading = true;
  const health: number[] = [];
  const probe = (async () => {
    while (uploading) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      health.push(performance.now() - started);
    }
  })();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body });
  const answer = (await res.json()) as { error?: { code: string } };
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  uploading = false;
  await probe;
  return { status: res.status, code: answer.error?.code, ms, cpuMs, slowestHealth: Math.max(...health), healthAnswers: health.length };
}

const stored = () => ({
  templates: server.db.prepare('SELECT count(*) FROM template_version').pluck().get(),
  evidence: server.db.prepare('SELECT count(*) FROM measure_evidence').pluck().get(),
  files: listFiles(server.config.filesPath),
});

describe('zip bombs over HTTP', () => {
  const template = (name: string, bytes: Uint8Array) => templateForm({ measures: 'ISMS.1.M1', file: { name, bytes } });
  const cases: Array<[string, string, () => FormData, string]> = [
    ['1 GB ODT bomb as a template', '/api/templates', () => template('mall.odt', odtBomb(1024)), 'unrecognised_content'],
    ['1 GB DOCX bomb as a template', '/api/templates', () => template('mall.docx', docxBomb(1024)), 'unrecognised_content'],
    ['1 GB ODT bomb as evidence', EVIDENCE, () => fileForm('file', 'tõend.odt', odtBomb(1024)), 'unsupported_file_type'],
    ['1 GB DOCX bomb as evidence', EVIDENCE, () => fileForm('file', 'tõend.docx', docxBomb(1024)), 'unsupported_file_type'],
    // The shape: a template just under 5 MB that expands to ~5 GB.
    ['5 GB ODT bomb as a template', '/api/templates', () => template('mall.odt', odtBomb(4800)), 'unrecognised_content'],
  ];

  it.each(cases)('refuses the %s at once, while /api/health keeps answering, and stores nothing', async (_name, path, form, code) => {
    const before = stored();
    const res = await postWhileProbingHealth(path, form());
    expect(res.status).toBe(400);
    expect(res.code).toBe(code);
    expect(res.cpuMs).toBeLessThan(1000);
    expect(res.ms).toBeLessThan(5000);
    expect(res.healthAnswers).toBeGreaterThan(0);
    expect(res.slowestHealth).toBeLessThan(5000);
    expect(stored()).toEqual(before);
  });
});
