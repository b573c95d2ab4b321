// Adoption of the built-in templates (content/templates, known from data/builtin-templates.json via
// builtin.ts): recording one for a municipality (called by the adoptions route) and, for ELVL, one
// built-in template's adoption across the 79 municipalities.
import { createRoute, z } from '@hono/zod-openapi';
import { recordAudit } from '../audit/record.ts';
import { requirePermission } from '../auth/access.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { BuiltinAdoptionAcrossSchema, type Adoption } from '../contracts/templates.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { allKovs } from '../kov/store.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { builtinTemplate } from './builtin.ts';
import { builtinAdoptionRow, builtinAdoptionsOf, upsertBuiltinAdoption, type BuiltinAdoptionRow } from './stores/adoptions.ts';

/** A built-in adoption; a template no longer shipped keeps its slug as the title. */
export function builtinJson(r: BuiltinAdoptionRow): Adoption {
  const t = builtinTemplate(r.slug);
  return {
    ehak: r.ehak, source: 'builtin', templateId: null, slug: r.slug, title: t?.title ?? r.slug, version: null, builtinVersion: r.version,
    adoptedOn: r.adopted_on, recordedAt: r.recorded_at, currentVersion: null, newerVersionAvailable: !!t && t.version !== r.version,
  };
}

/** Records the built-in template's current version as adopted (audited); 404 for an unknown slug. */
export function recordBuiltin(db: Db, user: SessionUser, ehak: string, slug: string, adoptedOn: string): Adoption {
  const t = builtinTemplate(slug);
  if (!t) throw notFound('Malli ei leitud.');
  return inTransaction(db, () => {
    const old = builtinAdoptionRow(db, ehak, slug);
    upsertBuiltinAdoption(db, { ehak, slug, version: t.version, adopted_on: adoptedOn, recorded_by: user.id });
    recordAudit(db, {
      actorId: user.id, action: 'template_adoption.record', entity: 'builtin_template_adoption', entityId: slug, kov: ehak,
      oldValue: old ? { version: old.version, adoptedOn: old.adopted_on } : null, newValue: { version: t.version, adoptedOn },
    });
    return builtinJson(builtinAdoptionRow(db, ehak, slug)!);
  });
}

const across = createRoute({
  method: 'get',
  path: '/builtin-templates/{slug}/adoptions',
  tags: ['templates'],
  summary: 'Adoption of one built-in template across the 79 municipalities (ELVL)',
  middleware: [requirePermission('reports.read')] as const,
  request: { params: z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).openapi({ param: { name: 'slug', in: 'path' }, example: 'varundusplaan' }) }) },
  responses: {
    200: { description: 'Every municipality with its adopted version or null', content: { 'application/json': { schema: BuiltinAdoptionAcrossSchema } } },
    401: errorResponse('Not signed in'),
    403: errorResponse('No reports.read permission'),
    404: errorResponse('No such built-in template'),
  },
});

export function builtinAdoptionRoutes() {
  return createRouter().openapi(across, (c) => {
    const { slug } = c.req.valid('param');
    const t = builtinTemplate(slug);
    if (!t) throw notFound('Malli ei leitud.');
    const adopted = new Map(builtinAdoptionsOf(c.get('db'), slug).map((a) => [a.ehak, a]));
    const kovs = allKovs(c.get('db')).map((k) => {
      const a = adopted.get(k.ehak);
      return { ehak: k.ehak, name: k.name, version: a?.version ?? null, adoptedOn: a?.adopted_on ?? null, newerVersionAvailable: !!a && a.version !== t.version };
    });
    const onCurrent = kovs.filter((k) => k.version === t.version).length;
    return c.json({ slug, title: t.title, currentVersion: t.version, adopted: adopted.size, onCurrent, kovs }, 200);
  });
}
