// Request and response schemas of the tracker API (OpenAPI via @hono/zod-openapi).
import { z } from '@hono/zod-openapi';
import { CLASSES, PRIORITIES, STATUSES } from './model.ts';

/** A real calendar date in ISO form (YYYY-MM-DD). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Kuupäev peab olema kujul AAAA-KK-PP.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Sellist kuupäeva ei ole.')
  .openapi({ example: '2026-12-31' });

const text = (max: number) => z.string().max(max, `Kuni ${max} märki.`).nullable().optional();

export const StatusEnum = z.enum(STATUSES).openapi({ description: 'not_assessed hindamata, implemented rakendatud, partial osaliselt rakendatud, not_implemented rakendamata, not_applicable pole asjakohane, risk_accepted aktsepteeritud risk' });

const fields = {
  status: StatusEnum,
  description: text(4000),
  justification: text(2000),
  responsible: text(200),
  dueDate: IsoDate.nullable().optional(),
  acceptedBy: text(200),
  acceptedAt: IsoDate.nullable().optional(),
};

export const StatusUpdateSchema = z
  .strictObject({ ...fields, version: z.number().int().min(0).openapi({ description: 'The version you read (0 when never assessed)' }) })
  .openapi('MeasureStatusUpdate');

export const BulkUpdateSchema = z
  .strictObject({ ...fields, measureIds: z.array(z.string().min(1).max(40)).min(1).max(2000) })
  .openapi('MeasureStatusBulkUpdate');

export const MeasureQuerySchema = z.object({
  module: z.string().max(40).optional(),
  group: z.string().max(10).optional(),
  class: z.enum(CLASSES).optional(),
  status: StatusEnum.optional(),
  priority: z.enum(PRIORITIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
});

const Person = z.object({ id: z.number(), name: z.string() }).nullable();

export const MeasureListItemSchema = z
  .object({
    measureId: z.string().openapi({ example: 'ISMS.1.M1' }),
    title: z.string(),
    module: z.string(),
    group: z.string(),
    class: z.enum(CLASSES),
    priority: z.enum(PRIORITIES).nullable(),
    status: StatusEnum,
    effectiveStatus: StatusEnum,
    version: z.number(),
    responsible: z.string().nullable(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    updatedAt: z.string().nullable(),
    sharedService: z.object({ provider: z.string() }).nullable(),
  })
  .openapi('MeasureListItem');

export const EvidenceSchema = z
  .object({
    id: z.number(),
    kind: z.enum(['url', 'file']),
    url: z.string().nullable(),
    fileName: z.string().nullable(),
    sha256: z.string().nullable(),
    size: z.number().nullable(),
    contentType: z.string().nullable(),
    addedBy: Person,
    addedAt: z.string(),
  })
  .openapi('Evidence');

export const MeasureRecordSchema = MeasureListItemSchema.extend({
  ehak: z.string(),
  edition: z.string(),
  moduleTitle: z.string(),
  responsibleRole: z.string(),
  link: z.string().nullable(),
  description: z.string().nullable(),
  justification: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedBy: Person,
  sharedService: z.object({ id: z.number(), provider: z.string(), note: z.string().nullable() }).nullable(),
  evidence: z.array(EvidenceSchema),
}).openapi('MeasureRecord');

export const HistoryEntrySchema = z
  .object({
    version: z.number(),
    changedAt: z.string(),
    changedBy: Person,
    old: z.record(z.string(), z.unknown()).nullable(),
    new: z.record(z.string(), z.unknown()),
  })
  .openapi('MeasureHistoryEntry');

export const KovMeasureParams = z.object({
  ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }),
  measureId: z.string().max(40).openapi({ param: { name: 'measureId', in: 'path' }, example: 'ISMS.1.M1' }),
});

export const KovParams = z.object({ ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }) });

const Cell = z.object({ total: z.number(), notApplicable: z.number(), implemented: z.number(), share: z.number().nullable() });

export const ProgressTotalsShape = {
  edition: z.string(),
  total: z.number(),
  applicable: z.number(),
  implemented: z.number(),
  implementedShare: z.number().nullable(),
  sharedServiceImplemented: z.number(),
  byStatus: z.record(StatusEnum, z.object({ count: z.number(), share: z.number().nullable() })),
  byClass: z.record(z.enum(CLASSES), Cell),
  byModule: z.array(Cell.extend({ module: z.string(), title: z.string(), group: z.string() })),
  byGroup: z.array(Cell.extend({ group: z.string(), title: z.string() })),
  byPriority: z.record(z.enum(PRIORITIES), Cell),
};

export const ProgressSchema = z
  .object({
    ehak: z.string(),
    name: z.string(),
    approach: z.enum(['basic', 'standard', 'core']),
    ...ProgressTotalsShape,
    nextSteps: z.array(
      z.object({
        measureId: z.string(),
        title: z.string(),
        module: z.string(),
        priority: z.enum(PRIORITIES).nullable(),
        class: z.enum(CLASSES),
        status: StatusEnum,
        dueDate: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
    trend: z.array(z.object({ period: z.string(), implementedShare: z.number().nullable() })),
  })
  .openapi('KovProgress');
