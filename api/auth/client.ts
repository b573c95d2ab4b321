import type { Context } from 'hono';
import type { AppEnv } from '../lib/context.ts';

/**
 * The client's address as the socket sees it (the Node adapter passes the request as env.incoming).
 * Forwarded headers are not trusted: anyone could rotate them to dodge the per-address throttle.
 */
export function clientIp(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export function userAgent(c: Context<AppEnv>): string | null {
  return c.req.header('user-agent')?.slice(0, 300) ?? null;
}
