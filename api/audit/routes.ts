// GET /api/audit: the append-only log, newest first, paged by id (`before`), for admin and analyst.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { AuditPageSchema } from '../contracts/audit.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { auditPage } from './store.ts';

const route = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Audit log, newest first',
  middleware: [requirePermission('audit.read')] as const,
  request: {
    query: z.object({
      kov: z.string().regex(/^\d{4}$/).optional().openapi({ description: 'Only entries about this municipality (EHAK)' }),
      action: z.string().max(60).optional().openapi({ description: 'Only this action, or actions starting with it plus "."' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().positive().optional().openapi({ description: 'Entries with id below this (paging)' }),
    }),
  },
  responses: {
    200: {
      description: 'Entries; nextBefore pages further, null at the end',
      content: { 'application/json': { schema: AuditPageSchema } },
    },
    400: errorResponse('Bad query'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Role may not read the audit log'),
  },
});

export function auditRoutes() {
  return createRouter().openapi(route, (c) => c.json(auditPage(c.get('db'), c.req.valid('query')), 200));
}
