import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../tests/helpers/app.ts';

describe('GET /api/health', () => {
  it('reports ok with the version and a working database', async () => {
    const t = createTestContext();
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: 'ok' });
  });

  it('reports the database as failing with 503 when it is closed', async () => {
    const t = createTestContext();
    t.db.close();
    const res = await t.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', database: 'error' });
  });
});

describe('API errors', () => {
  it('answers an unknown API path with a JSON 404 in the one error shape', async () => {
    const t = createTestContext();
    const res = await t.request('/api/puudub');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('refuses a mutating request from a foreign origin with 403', async () => {
    const t = createTestContext();
    const res = await t.request('/api/kovs', { method: 'POST', headers: { origin: 'https://evil.example' }, json: {} });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf_origin');
  });

  it('refuses a simple form post (urlencoded) with 415', async () => {
    const t = createTestContext();
    const res = await t.request('/api/kovs', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(res.status).toBe(415);
  });

  it('publishes an OpenAPI document', async () => {
    const t = createTestContext();
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.paths['/api/health']).toBeDefined();
  });
});
