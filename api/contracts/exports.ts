// The JSON downloads: a municipality's implementation plan and the public open-data aggregate.
import { z } from 'zod';
import { Share } from './common.ts';
import { KOV_TYPES } from './kov.ts';
import { ApproachSchema, ClassSchema, PrioritySchema, StatusSchema } from './tracker.ts';

export const PlanRowSchema = z
  .object({
    measureId: z.string(),
    object: z.string().meta({ description: 'The target object the row is kept for (the organisation object unless modelled elsewhere)' }),
    module: z.string(),
    title: z.string(),
    class: ClassSchema,
    classLabel: z.string(),
    priority: PrioritySchema.nullable(),
    status: StatusSchema.meta({ description: "The municipality's own status" }),
    effectiveStatus: StatusSchema.meta({ description: "What counts in progress (a shared service turns 'not_assessed' into 'implemented')" }),
    statusLabel: z.string().meta({ description: 'Estonian label as shown in the UI, e.g. "rakendatud" or "tagatud keskselt (ELVL)"' }),
    sharedServiceProvider: z.string().nullable(),
    responsible: z.string().nullable(),
    owner: z.string().nullable().meta({ description: "The name of the account that owns the measure (ownerUserId in the measure list)" }),
    dueDate: z.string().nullable().meta({ description: 'ISO date' }),
    description: z.string().nullable(),
    justification: z.string().nullable(),
    acceptedBy: z.string().nullable().meta({ description: 'Who accepted the risk (risk_accepted only)' }),
    acceptedAt: z.string().nullable().meta({ description: 'ISO date the risk was accepted' }),
    updatedAt: z.string().nullable().meta({ description: 'ISO timestamp (UTC)' }),
  })
  .meta({ id: 'PlanRow' });
export type PlanRow = z.infer<typeof PlanRowSchema>;

export const PlanSchema = z
  .object({
    kov: z.object({ ehak: z.string(), name: z.string() }),
    edition: z.string(),
    approach: ApproachSchema,
    generatedOn: z.string().meta({ description: 'ISO date (Tallinn) of the export' }),
    object: z.object({ id: z.number(), name: z.string() }).nullable().meta({ description: 'The one target object the plan was asked for (?object=), or null for every object' }),
    measures: z.array(PlanRowSchema),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof PlanSchema>;

export const OpenDataRowSchema = z
  .object({
    ehak: z.string().meta({ description: 'EHAK code of the municipality' }),
    name: z.string(),
    type: z.enum(KOV_TYPES),
    county: z.string(),
    measuresInScope: z.number().meta({ description: "Measures in the municipality's scope (profile + approach + extra modules)" }),
    implemented: z.number().meta({ description: 'Measures counted as implemented (own status, or delivered by a shared service)' }),
    implementedShare: Share.meta({ description: 'implemented / (measures in scope − not applicable), 0..1, 4 decimals; null when nothing applies' }),
    basicShare: Share.meta({ description: 'The same share over basic measures (põhimeetmed)' }),
    standardShare: Share.meta({ description: 'The same share over standard measures (standardmeetmed)' }),
  })
  .meta({ id: 'OpenDataRow' });
export type OpenDataRow = z.infer<typeof OpenDataRowSchema>;

export const OpenDataSchema = z
  .object({
    generatedOn: z.string().meta({ description: 'ISO date (Tallinn) the data was computed' }),
    municipalities: z.array(OpenDataRowSchema),
  })
  .meta({ id: 'OpenData' });
export type OpenData = z.infer<typeof OpenDataSchema>;
