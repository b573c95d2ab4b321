// The server's own redirects (directory-style pages, API trailing slashes) never leave the site,
// whatever the request path smuggles in: every Location resolves to the server's own origin.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A GET with the request-target exactly as given (fetch would normalise it). */
function rawGet(target: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: target }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('server redirects stay on the site', () => {
  it.each([
    '//evil.example/index.html',
    '//evil.example/phish/index.html?x=1',
    '/%2Fevil.example/index.html',
    '/%5Cevil.example/index.html',
    '/%5C%5Cevil.example/index.html',
    '/%09/evil.example/index.html',
    '/%0A/evil.example/index.html',
    '/%0D/evil.example/index.html',
    '/.%2F/evil.example/index.html',
    '//juhendid',
    '//mallid?x=1',
  ])('%s', async (target) => {
    const res = await rawGet(target);
    if (res.status >= 300 && res.status < 400) {
      expect(res.location).toBeDefined();
      const resolved = new URL(res.location!, `${server.url}/some/page/`);
      expect(resolved.origin, res.location).toBe(server.url);
      expect(res.location).not.toMatch(/^[\\/]{2}|^[a-z]+:/i);
    } else {
      expect(res.status).toBe(404);
    }
  });

  it('still redirects its own pages and API paths', async () => {
    expect(await rawGet('/juhendid/index.html?x=1')).toEqual({ status: 301, location: '/juhendid/?x=1' });
    expect(await rawGet('/juhendid/%C3%B5/index.html')).toEqual({ status: 301, location: '/juhendid/%C3%B5/' });
    expect(await rawGet('/api/health/')).toEqual({ status: 301, location: '/api/health' });
  });
});
