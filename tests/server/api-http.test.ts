// The API as the real server answers it over HTTP: request bodies (buffered before Hono sees
// them, see api/request-body.ts) and response compression (api/compression.ts).
import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_BODY_BYTES } from '../../api/body-limits.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { signInAs } from '../helpers/app.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
const MEASURE = 'ISMS.1.M1';
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = `${SESSION_COOKIE}=${signInAs(server.db, 'specialist', [EHAK]).token}`;
});
afterAll(() => server.close());

const statusRows = () => server.db.prepare('SELECT count(*) FROM measure_status_history').pluck().get();

/** A PUT whose body is sent in chunks without Content-Length (chunked transfer encoding). */
function chunkedPut(path: string, chunks: Buffer[]): Promise<{ status: number; body: string; requestId: string | undefined }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port, method: 'PUT', path, headers: { cookie, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, requestId: res.headers['x-request-id'] as string | undefined }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('request bodies over HTTP', () => {
  it('takes a JSON status change and answers with the new record', async () => {
    const res = await fetch(`${server.url}/api/kovs/${EHAK}/measures/${MEASURE}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'partial', description: 'Õigused üle vaadatud', version: 0 }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ measureId: MEASURE, status: 'partial', description: 'Õigused üle vaadatud', version: 1 });
  });

  it("records the socket's address in the audit log, not a forwarded header the client made up", async () => {
    const res = await fetch(`${server.url}/api/kovs/${EHAK}/measures/ISMS.1.M2`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
      body: JSON.stringify({ status: 'partial', version: 0 }),
    });
    expect(res.status).toBe(200);
    const ip = server.db.prepare("SELECT ip FROM audit_log WHERE entity_id = '2024/ISMS.1.M2' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(ip).toBe('127.0.0.1');
  });

  it('answers malformed JSON with 400 in the one error shape, writing nothing', async () => {
    const before = statusRows();
    const res = await fetch(`${server.url}/api/kovs/${EHAK}/measures/${MEASURE}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"status": "partial",',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    expect(statusRows()).toBe(before);
  });

  it('refuses a body over the limit with 413, whether or not it declared its length', async () => {
    const before = statusRows();
    const big = Buffer.alloc(JSON_BODY_BYTES + 1, 0x20);
    const declared = await fetch(`${server.url}/api/kovs/${EHAK}/measures/${MEASURE}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('payload_too_large');
    const chunked = await chunkedPut(`/api/kovs/${EHAK}/measures/${MEASURE}`, [big.subarray(0, 1 << 20), big.subarray(1 << 20)]);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large');
    expect(chunked.requestId).toBeTruthy();
    expect(statusRows()).toBe(before);
  });
});

/** A GET that asks for gzip, read raw (fetch would decompress and hide the encoding). */
function gzipGet(path: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    request({ host: '127.0.0.1', port, path, headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('API response compression', () => {
  it('gzips JSON for a client that accepts it, and marks every answer as varying by encoding', async () => {
    const path = `/api/kovs/${EHAK}/measures`;
    const zipped = await gzipGet(path);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toMatch(/accept-encoding/i);
    expect(zipped.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    const list = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as unknown[];
    expect(list.length).toBeGreaterThan(500);

    const plain = await fetch(`${server.url}${path}`, { headers: { cookie, 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(plain.headers.get('x-request-id')).toBeTruthy();
    expect(((await plain.json()) as unknown[]).length).toBe(list.length);
  });

  it('keeps every header of a compressed download, its request id included', async () => {
    const csv = await gzipGet(`/api/kovs/${EHAK}/exports/plan.csv`);
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
    expect(csv.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(gunzipSync(csv.body).toString('utf8')).toContain(MEASURE);
  });
});

describe('request log', () => {
  it('writes one JSON line per request with its id, method, path without the query, status and time', async () => {
    const lines: string[] = [];
    const logged = await startTestServer({ log: (line) => lines.push(line) });
    try {
      const res = await fetch(`${logged.url}/api/kovs/${EHAK}/measures?status=partial&q=%C3%B5`, { headers: { 'x-request-id': 'trace-42' } });
      expect(res.status).toBe(401);
      await fetch(`${logged.url}/e-its/?otsing=x`);
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(entries[0]).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), requestId: 'trace-42', method: 'GET', path: `/api/kovs/${EHAK}/measures`, status: 401, ms: expect.any(Number) });
      expect(entries[1]).toMatchObject({ method: 'GET', path: '/e-its/', status: 200 });
    } finally {
      await logged.close();
    }
  });
});
