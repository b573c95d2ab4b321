// GET /api/audit: the append-only log, newest first, paged by id (`before`), for admin and analyst.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';

const EntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.number().int(), email: z.string(), name: z.string() }).nullable(),
    action: z.string().openapi({ example: 'login.success' }),
    entity: z.string(),
    entityId: z.string().nullable(),
    kov: z.string().nullable(),
    oldValue: z.unknown().nullable(),
    newValue: z.unknown().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

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
      content: { 'application/json': { schema: z.object({ items: z.array(EntrySchema), nextBefore: z.number().int().nullable() }) } },
    },
    400: errorResponse('Bad query'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Role may not read the audit log'),
  },
});

interface Row {
  id: number;
  at: string;
  actor_id: number | null;
  email: string | null;
  name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  kov: string | null;
  old_value: string | null;
  new_value: string | null;
  ip: string | null;
}

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

export function auditRoutes() {
  return createRouter().openapi(route, (c) => {
    const { kov, action, limit, before } = c.req.valid('query');
    const where: string[] = [];
    const params: unknown[] = [];
    if (kov) {
      where.push('a.kov = ?');
      params.push(kov);
    }
    if (action) {
      where.push("(a.action = ? OR a.action LIKE ? ESCAPE '\\')");
      params.push(action, action.replace(/[\\%_]/g, '\\$&') + '.%');
    }
    if (before) {
      where.push('a.id < ?');
      params.push(before);
    }
    const rows = c
      .get('db')
      .prepare(
        `SELECT a.*, u.email, u.name FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.id DESC LIMIT ?`,
      )
      .all(...params, limit + 1) as Row[];
    const page = rows.slice(0, limit);
    const items = page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_id !== null ? { id: r.actor_id, email: r.email ?? '', name: r.name ?? '' } : null,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      kov: r.kov,
      oldValue: parse(r.old_value),
      newValue: parse(r.new_value),
      ip: r.ip,
    }));
    return c.json({ items, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null }, 200);
  });
}
