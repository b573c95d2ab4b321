// Actual costs, business-panel dates and plan vs actual.
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { requirePermission } from '../auth/access.ts';
import type { AppEnv } from '../lib/context.ts';
import { BinaryFile } from '../contracts/common.ts';
import { ActualCostListSchema, ActualCreatedSchema, BusinessPanelSchema, ExecutionSchema } from '../contracts/budget.ts';
import { badRequest, notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { checkActual, insertActuals, listActuals, setBusinessPanel, type ActualInput } from './actuals.ts';
import { discardAttachment, readAttachment, saveAttachment, type SavedAttachment } from './attachments.ts';
import { buildExecution } from './execution.ts';
import { actualAttachment } from './stores/actuals.ts';
import { IdParam, parseRange, planOr404 } from './http.ts';

const json = (schema: ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not admin or analyst') };

export const ActualBody = z
  .object({
    initiative: z.string().min(1),
    date: z.string().openapi({ example: '2024-03-15' }),
    account: z.string().openapi({ example: '55' }),
    net: z.union([z.number(), z.string()]).openapi({ description: 'eurodes, kuni 2 komakohta' }),
    vat: z.union([z.number(), z.string()]),
    supplier: z.string(),
    documentNumber: z.string(),
    description: z.string().max(1000).optional(),
  })
  .openapi('BudgetActualInput');

const addActual = createRoute({
  method: 'post',
  path: '/budget/plans/{id}/actuals',
  tags: ['budget'],
  summary: 'Record an actual cost (JSON, or multipart/form-data with the same fields and an optional `attachment` file)',
  middleware: [requirePermission('budget.actuals.write')] as const,
  request: { params: IdParam },
  responses: {
    201: json(ActualCreatedSchema, 'Recorded; `warnings` names a VAT that does not match the rate in force on the date (saved anyway)'),
    400: errorResponse('Invalid entry, or an attachment that is not PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS or text'),
    409: errorResponse('Business panel not passed yet'),
    413: errorResponse('Attachment over 10 MB'),
    404: errorResponse('No such plan'),
    ...denied,
  },
});

const getActuals = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/actuals',
  tags: ['budget'],
  summary: 'Actual costs of the plan family, optionally within from/to dates',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam, query: z.object({ from: z.string().optional(), to: z.string().optional() }) },
  responses: { 200: json(ActualCostListSchema, 'Entries, euros'), 404: errorResponse('No such plan'), ...denied },
});

const attachment = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/actuals/{actualId}/attachment',
  tags: ['budget'],
  summary: 'Download the attachment of an actual cost',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam.extend({ actualId: z.string().regex(/^\d{1,12}$/) }) },
  responses: { 200: { description: 'File', content: { 'application/octet-stream': { schema: BinaryFile } } }, 404: errorResponse('No attachment'), ...denied },
});

const execution = createRoute({
  method: 'get',
  path: '/budget/plans/{id}/execution',
  tags: ['budget'],
  summary: 'Plan vs actual by initiative, account and year with utilisation %',
  middleware: [requirePermission('budget.read')] as const,
  request: { params: IdParam },
  responses: { 200: json(ExecutionSchema, 'Execution'), 404: errorResponse('No such plan'), ...denied },
});

const panel = createRoute({
  method: 'put',
  path: '/budget/plans/{id}/initiatives/{code}/business-panel',
  tags: ['budget'],
  summary: 'Record the date the initiative passed the business panel (äripaneel)',
  middleware: [requirePermission('budget.actuals.write')] as const,
  request: {
    params: IdParam.extend({ code: z.string().min(1).max(40) }),
    body: { content: { 'application/json': { schema: z.object({ date: z.string().openapi({ example: '2023-09-01' }) }) } }, required: true },
  },
  responses: { 200: json(BusinessPanelSchema, 'Recorded'), 400: errorResponse('Bad date'), 404: errorResponse('No such plan or initiative'), ...denied },
});

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function readActualRequest(c: Parameters<Parameters<OpenAPIHono<AppEnv>['openapi']>[1]>[0]): Promise<{ input: ActualInput; file?: File }> {
  const type = c.req.header('content-type') ?? '';
  let raw: unknown;
  let file: File | undefined;
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => {
      throw badRequest('Päringut ei saanud lugeda (vigane JSON või vormiandmed).');
    });
    const f = form['attachment'];
    if (f instanceof File && f.size > 0) file = f;
    raw = { ...Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'attachment').map(([k, v]) => [k, str(v)])) };
  } else raw = await c.req.json().catch(() => {
    throw badRequest('Päringu keha peab olema JSON.');
  });
  const parsed = ActualBody.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw badRequest(`Kulu andmed on vigased: ${details.map((d) => `${d.path} – ${d.message}`).join('; ')}`, details);
  }
  const b = parsed.data;
  const euros = (v: number | string) => (typeof v === 'string' ? Number(v.replace(',', '.')) : v);
  const n = typeof b.net === 'string' && !/^-?\d+([.,]\d+)?$/.test(b.net.trim()) ? NaN : euros(b.net);
  const v = typeof b.vat === 'string' && !/^-?\d+([.,]\d+)?$/.test(b.vat.trim()) ? NaN : euros(b.vat);
  return { input: { ...b, net: n, vat: v }, ...(file ? { file } : {}) };
}

export function budgetActualRoutes() {
  const r = createRouter();
  r.openapi(addActual, async (c) => {
    const db = c.get('db');
    const plan = planOr404(db, c.req.valid('param').id);
    const { input, file } = await readActualRequest(c);
    const filesPath = c.get('config').filesPath;
    // A bad entry is refused before its attachment is written; insertActuals checks again in its transaction.
    if (file) checkActual(db, plan, input);
    const saved: SavedAttachment | undefined = file ? await saveAttachment(filesPath, file) : undefined;
    try {
      const [created] = insertActuals(db, plan, [input], c.get('user')!.id, saved);
      return c.json({ id: created!.id, version: 1, warnings: created!.warnings }, 201);
    } catch (err) {
      if (saved) discardAttachment(filesPath, saved);
      throw err;
    }
  });
  r.openapi(getActuals, (c) => {
    const plan = planOr404(c.get('db'), c.req.valid('param').id);
    const q = c.req.valid('query');
    return c.json(listActuals(c.get('db'), plan.familyId, parseRange(q.from, q.to)), 200);
  });
  r.openapi(attachment, (c) => {
    const { id, actualId } = c.req.valid('param');
    const plan = planOr404(c.get('db'), id);
    const row = actualAttachment(c.get('db'), plan.familyId, Number(actualId));
    if (!row?.path || !row.name) throw notFound('Kulul ei ole manust.');
    return c.body(new Uint8Array(readAttachment(c.get('config').filesPath, row.path)), 200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`,
      'x-content-type-options': 'nosniff',
    });
  });
  r.openapi(execution, (c) => c.json(buildExecution(c.get('db'), planOr404(c.get('db'), c.req.valid('param').id)), 200));
  r.openapi(panel, (c) => {
    const { id, code } = c.req.valid('param');
    const { date } = c.req.valid('json');
    setBusinessPanel(c.get('db'), planOr404(c.get('db'), id), code, date, c.get('user')!.id);
    return c.json({ code, date }, 200);
  });
  return r;
}
