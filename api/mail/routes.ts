// GET /api/mail/outbox: the admin's "Saatmata kirjad", mail no SMTP server has accepted yet.
import { createRoute } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { OutboxSchema } from '../contracts/mail.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { unsentMail } from './store.ts';

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

const outbox = createRoute({
  method: 'get',
  path: '/mail/outbox',
  tags: ['mail'],
  summary: 'Unsent mail, newest first (at most 200); bodies only without SMTP outside production',
  middleware: [requirePermission('mail.outbox')] as const,
  responses: {
    200: { description: 'The outbox', content: { 'application/json': { schema: OutboxSchema } } },
    401: errorResponse('Not signed in'),
    403: errorResponse('Not an admin'),
  },
});

export function mailRoutes() {
  return createRouter().openapi(outbox, (c) => {
    const config = c.get('config');
    // Without SMTP a demo or test installation has no other way to hand a link over. In production the
    // bodies (set-password links are credentials) stay out of the browser: fix SMTP_URL instead.
    const showsBodies = !config.smtpUrl && !config.production;
    const mails = unsentMail(c.get('db')).map((m) => ({
      id: m.id,
      kind: m.kind,
      to: m.to_address,
      subject: m.subject,
      createdAt: iso(m.created_at),
      attempts: m.attempts,
      nextAttemptAt: iso(m.next_attempt_at),
      lastError: m.last_error,
      text: showsBodies ? m.text : null,
    }));
    return c.json({ smtpConfigured: config.smtpUrl !== null, showsBodies, mails }, 200);
  });
}
