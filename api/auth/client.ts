import type { BlockList } from 'node:net';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from '../lib/context.ts';

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; the throttle and the log want a.b.c.d. */
const plain = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

const trusted = (proxies: BlockList, address: string) => proxies.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The client's address, for the login throttle and the audit log: the socket's address, unless the
 * socket is one of the configured reverse proxies (TRUSTED_PROXIES). Then X-Forwarded-For is read
 * from the right, past any further trusted proxies, to the first address a proxy we trust saw
 * connect; what a client writes further left is its own to forge and is ignored.
 */
export function clientIp(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress;
  if (!socket) return 'unknown';
  let client = plain(socket);
  const proxies = c.get('config').trustedProxies;
  if (!trusted(proxies, client)) return client;
  const forwarded = c.req.header('x-forwarded-for')?.split(',') ?? [];
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = plain(forwarded[i]!.trim());
    if (isIP(hop) === 0) break; // a malformed hop: stop at the last address known to be real
    client = hop;
    if (!trusted(proxies, hop)) break;
  }
  return client;
}

export function userAgent(c: Context<AppEnv>): string | null {
  return c.req.header('user-agent')?.slice(0, 300) ?? null;
}
