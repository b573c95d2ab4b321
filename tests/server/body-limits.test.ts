// Request-body limits over real sockets: refusals come before the body is read (a declared length
// over the route's limit, an anonymous upload), a chunked body is cut off at the limit without
// waiting for its end, and the bytes held in memory across requests are capped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_BODY_BYTES, JSON_BODY_BYTES, MAX_BUFFERED_BYTES, MULTIPART_OVERHEAD_BYTES } from '../../api/body-limits.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { MAX_IMPORT_BYTES } from '../../api/imports/read-file.ts';
import { MAX_TEMPLATE_FILE_BYTES } from '../../api/templates/schemas.ts';
import { MAX_EVIDENCE_BYTES } from '../../api/tracker/evidence-type.ts';
import { signInAs } from '../helpers/app.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
const MEASURE_PATH = `/api/kovs/${EHAK}/measures/ISMS.1.M1`;
const MULTIPART = 'Content-Type: multipart/form-data; boundary=piir';
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = `Cookie: ${SESSION_COOKIE}=${signInAs(server.db, 'specialist', [EHAK]).token}`;
});
afterAll(() => server.close());

const head = (method: string, path: string, ...headers: string[]) => [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...headers].join('\r\n');
const history = () => server.db.prepare('SELECT count(*) FROM measure_status_history').pluck().get();

/** Sends the head and a few bytes of a body declared `length` long; answers the first response. */
async function declared(method: string, path: string, length: number, ...headers: string[]) {
  const { socket, response } = rawRequest(server.url, head(method, path, ...headers, `Content-Length: ${length}`), '--piir\r\n{"a":');
  try {
    const res = await response;
    return { ...res, json: JSON.parse(res.body) as { error: { code: string; message: string } } };
  } finally {
    socket.destroy();
  }
}

describe('request bodies refused before they are read', () => {
  it('answers 413 to a declared length over the JSON limit (1 MB) at once, with only a few bytes sent', async () => {
    const before = history();
    for (const length of [JSON_BODY_BYTES + 1, 50 * 1024 * 1024]) {
      const res = await declared('PUT', MEASURE_PATH, length, cookie, 'Content-Type: application/json');
      expect(res.status).toBe(413);
      expect(res.json).toEqual({ error: { code: 'payload_too_large', message: 'Päringu keha on liiga suur (lubatud kuni 1 MB).' } });
    }
    expect(history()).toBe(before);
  });

  it('gives requests without a session the smallest limit (64 KB)', async () => {
    const login = await declared('POST', '/api/auth/login', ANONYMOUS_BODY_BYTES + 1, 'Content-Type: application/json');
    expect(login.status).toBe(413);
    expect(login.json.error.message).toContain('64 KB');
    expect((await declared('PUT', MEASURE_PATH, ANONYMOUS_BODY_BYTES + 1, 'Content-Type: application/json')).status).toBe(413);
  });

  it('refuses an upload without a session with 401, whatever length it declares', async () => {
    for (const path of ['/api/templates', `${MEASURE_PATH}/evidence`, '/api/budget/plans/1/actuals', `/api/kovs/${EHAK}/imports`]) {
      const res = await declared('POST', path, 4 * 1024 * 1024, MULTIPART);
      expect(res.status, path).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
  });

  it("allows an upload its route's file size plus the form, and refuses a declared length beyond it", async () => {
    const template = await declared('POST', '/api/templates', MAX_TEMPLATE_FILE_BYTES + MULTIPART_OVERHEAD_BYTES + 1, cookie, MULTIPART);
    expect(template.status).toBe(413);
    expect(template.json.error.message).toContain('5 MB');
    const evidence = await declared('POST', `${MEASURE_PATH}/evidence`, MAX_EVIDENCE_BYTES + MULTIPART_OVERHEAD_BYTES + 1, cookie, MULTIPART);
    expect(evidence.status).toBe(413);
    // A status sheet to import: 5 MB; a 50 MB one is refused at its head, before a byte is parsed.
    const sheet = await declared('POST', `/api/kovs/${EHAK}/imports`, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES + 1, cookie, MULTIPART);
    expect(sheet.status).toBe(413);
    expect(sheet.json.error.message).toContain('5 MB');
    const started = performance.now();
    expect((await declared('POST', `/api/kovs/${EHAK}/imports`, 50 * 1024 * 1024, cookie, MULTIPART)).status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1000);
    // A JSON body on an upload route still gets the JSON limit.
    expect((await declared('POST', `${MEASURE_PATH}/evidence`, JSON_BODY_BYTES + 1, cookie, 'Content-Type: application/json')).status).toBe(413);
  });

  it('cuts a chunked body off at the limit and answers 413 while the client is still sending', async () => {
    const before = history();
    const { socket, response } = rawRequest(server.url, head('PUT', MEASURE_PATH, cookie, 'Content-Type: application/json', 'Transfer-Encoding: chunked'));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let sent = 0; sent <= JSON_BODY_BYTES; sent += chunk.length) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`);
    // The body never ends: the answer can only come from the limit.
    const res = await response;
    socket.destroy();
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large');
    expect(history()).toBe(before);
  });
});

describe('multipart bodies', () => {
  it('refuses a form of 100 000 tiny parts before the form parser sees it', async () => {
    const part = '--piir\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n';
    const res = await fetch(`${server.url}${MEASURE_PATH}/evidence`, {
      method: 'POST',
      headers: { cookie: cookie.slice('Cookie: '.length), 'content-type': 'multipart/form-data; boundary=piir' },
      body: part.repeat(100_000) + '--piir--\r\n',
    });
    expect(res.status).toBe(400);
    // The code says the delimiter count refused it: undici's parser was never asked (it needs seconds for this).
    expect(await res.json()).toEqual({ error: { code: 'too_many_parts', message: 'Vormis on liiga palju välju (lubatud kuni 50).' } });
  });
});

describe('bytes buffered across requests', () => {
  /** Declares an evidence upload of `length` bytes and sends 8: its status, or 'reading' when the server waits for the rest. */
  async function probe(length: number): Promise<number | 'reading'> {
    const { socket, response } = rawRequest(server.url, head('POST', `${MEASURE_PATH}/evidence`, cookie, MULTIPART, `Content-Length: ${length}`), '--piir\r\n', 1000);
    try {
      return (await response).status;
    } catch {
      return 'reading';
    } finally {
      socket.destroy();
    }
  }

  it('refuses with 503 a body the shared budget cannot hold, and frees the budget when requests end', async () => {
    const length = MAX_EVIDENCE_BYTES; // within the evidence route's limit
    const fit = Math.floor(MAX_BUFFERED_BYTES / length);
    const held = Array.from({ length: fit }, () => rawRequest(server.url, head('POST', `${MEASURE_PATH}/evidence`, cookie, MULTIPART, `Content-Length: ${length}`), '--piir\r\n', 60_000));
    // Once every held request has reached the server and reserved its length, one more is refused unread.
    let status: number | 'reading' = 'reading';
    for (let i = 0; i < 20 && status === 'reading'; i++) status = await probe(length);
    expect(status).toBe(503);
    const over = await declared('POST', `${MEASURE_PATH}/evidence`, length, cookie, MULTIPART);
    expect(over.json).toEqual({ error: { code: 'server_busy', message: expect.stringContaining('Proovi mõne hetke pärast uuesti') } });
    // Once the server has seen those connections close, the same request is read again.
    for (const h of held) h.socket.destroy();
    for (let i = 0; i < 20 && status === 503; i++) status = await probe(length);
    expect(status).toBe('reading');
  });
});
