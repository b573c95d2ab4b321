import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, testConfig } from '../config.ts';
import type { AppEnv } from '../lib/context.ts';
import { clientIp } from './client.ts';

/** clientIp as a request from `socket` with the given X-Forwarded-For sees it. */
async function ipOf(socket: string, forwarded: string | null, trustedProxies = '') {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('config', testConfig({ trustedProxies: parseTrustedProxies(trustedProxies) }));
    await next();
  });
  app.get('/', (c) => c.text(clientIp(c)));
  const headers: Record<string, string> = forwarded === null ? {} : { 'x-forwarded-for': forwarded };
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress: socket } } });
  return res.text();
}

describe('clientIp', () => {
  it('takes the socket address and ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    expect(await ipOf('198.51.100.7', '203.0.113.1')).toBe('198.51.100.7');
    expect(await ipOf('::ffff:198.51.100.7', null)).toBe('198.51.100.7');
    expect(await ipOf('198.51.100.7', '203.0.113.1', '10.0.0.0/8')).toBe('198.51.100.7');
  });

  it('behind trusted proxies takes the address the nearest proxy saw connect, not what the client wrote', async () => {
    // The client wrote "1.2.3.4" itself; nginx (10.0.0.5) appended the real peer 203.0.113.9.
    expect(await ipOf('10.0.0.5', '1.2.3.4, 203.0.113.9', '10.0.0.0/8')).toBe('203.0.113.9');
    // Two proxies in a row: a load balancer 10.0.0.2 in front of nginx.
    expect(await ipOf('10.0.0.5', '1.2.3.4, 203.0.113.9, 10.0.0.2', '10.0.0.0/8')).toBe('203.0.113.9');
    expect(await ipOf('::1', '2001:db8::7', '::1')).toBe('2001:db8::7');
  });

  it('falls back to the last address known to be real when the header is missing or malformed', async () => {
    expect(await ipOf('10.0.0.5', null, '10.0.0.0/8')).toBe('10.0.0.5');
    expect(await ipOf('10.0.0.5', 'garbage', '10.0.0.0/8')).toBe('10.0.0.5');
    expect(await ipOf('10.0.0.5', '203.0.113.9, <script>, 10.0.0.2', '10.0.0.0/8')).toBe('10.0.0.2');
  });
});
