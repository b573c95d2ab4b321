// The structure analysis' shapes (issue 18): target objects (sihtobjektid) with their protection
// needs (kaitsetarve), dependencies and modelled modules. Types come from the schemas (z.infer).
import { z } from 'zod';
import { keyed, PersonSchema } from './common.ts';

export const OBJECT_TYPES = ['organisation', 'process', 'application', 'it_system', 'network', 'room', 'service'] as const;
export const NEED_LEVELS = ['normal', 'high', 'very_high'] as const;
export const NEED_DIMENSIONS = ['confidentiality', 'integrity', 'availability'] as const;

export const ObjectTypeSchema = z.enum(OBJECT_TYPES).meta({
  description:
    'organisation organisatsioon tervikuna (one per municipality), process protsess, application rakendus, it_system IT-süsteem, network võrk, room ruum, service väline teenus (outsourced or cloud)',
});
export const NeedLevelSchema = z.enum(NEED_LEVELS).meta({ description: 'normal tavaline, high suur, very_high väga suur' });
export type ObjectType = z.infer<typeof ObjectTypeSchema>;
export type NeedLevel = z.infer<typeof NeedLevelSchema>;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];

export const ProtectionNeedSchema = keyed(NEED_DIMENSIONS, NeedLevelSchema).meta({ id: 'ProtectionNeed' });
export type ProtectionNeed = z.infer<typeof ProtectionNeedSchema>;

/** Per dimension: the object whose need this one inherits (maximum principle), or null for its own. */
export const NeedOriginSchema = keyed(NEED_DIMENSIONS, z.number().nullable()).meta({ id: 'NeedOrigin' });
/** Per dimension: true when the object keeps its own lower need by the distribution effect. */
export const DistributionSchema = keyed(NEED_DIMENSIONS, z.boolean()).meta({ id: 'NeedDistribution' });
export type Distribution = z.infer<typeof DistributionSchema>;

export const TargetObjectSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    type: ObjectTypeSchema,
    description: z.string().nullable(),
    count: z.number().int().meta({ description: 'How many alike items the object stands for' }),
    critical: z.boolean().meta({ description: 'Critical for the core approach (tuumikuturve)' }),
    protectionNeed: ProtectionNeedSchema,
    effectiveNeed: ProtectionNeedSchema.meta({ description: 'The need after the maximum principle: at least that of every object depending on it, unless distributed' }),
    needOrigin: NeedOriginSchema,
    distribution: DistributionSchema,
    justification: z.string().nullable(),
    dependsOn: z.array(z.number()),
    modules: z.array(z.string()).meta({ description: 'Modules modelled on the object; the organisation object models its scope’s modules' }),
    solutionModel: z.number().nullable().meta({ description: 'The standard-solution model the object adopts (GET /api/solution-models/{id}); null for its own' }),
    measureCount: z.number().meta({ description: 'Measures that apply to the object under the scope rules (0 when the approach leaves it out)' }),
    needMeasureCount: z.number().meta({ description: 'Of those, high measures its protection need brings in' }),
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: PersonSchema.nullable(),
  })
  .meta({ id: 'TargetObject' });
export type TargetObject = z.infer<typeof TargetObjectSchema>;

const Name = z.string().trim().min(1, 'Nimi on kohustuslik.').max(200, 'Nimi on liiga pikk (kuni 200 märki).');
const LongText = z.string().trim().max(2000, 'Tekst on liiga pikk (kuni 2000 märki).');
const Ids = z.array(z.number().int().positive()).max(200, 'Liiga palju sõltuvusi (kuni 200).');
const ModuleIds = z.array(z.string().max(40)).max(200, 'Liiga palju mooduleid (kuni 200).');

export const TargetObjectCreateSchema = z
  .object({
    name: Name,
    type: ObjectTypeSchema.exclude(['organisation']),
    description: LongText.nullable().optional(),
    count: z.number().int().min(1).max(100_000).optional(),
    critical: z.boolean().optional(),
    protectionNeed: ProtectionNeedSchema.partial().optional(),
    distribution: DistributionSchema.partial().optional(),
    justification: LongText.nullable().optional(),
    dependsOn: Ids.optional(),
    modules: ModuleIds.optional(),
  })
  .strict()
  .meta({ id: 'TargetObjectCreate' });
export type TargetObjectCreate = z.infer<typeof TargetObjectCreateSchema>;

export const TargetObjectPatchSchema = TargetObjectCreateSchema.omit({ type: true })
  .partial()
  .extend({ version: z.number().int().min(1).meta({ description: 'The version read; a stale one answers 409' }) })
  .strict()
  .meta({ id: 'TargetObjectPatch' });
export type TargetObjectPatch = z.infer<typeof TargetObjectPatchSchema>;

export const ObjectMeasureSchema = z
  .object({
    measureId: z.string(),
    title: z.string(),
    module: z.string(),
    class: z.enum(['basic', 'standard', 'high']),
    priority: z.enum(['P1', 'P2', 'P3']).nullable().meta({ description: "The KOV profile's priority; null when the profile has not classified the measure or does not cover its module" }),
    cia: z.string().meta({ description: "The protection needs a high measure answers ('C', 'CI', … 'CIA'; '' for others)" }),
    reason: z.enum(['baseline', 'need']).meta({ description: 'baseline: by class and approach; need: a high measure the protection need brings in' }),
  })
  .meta({ id: 'ObjectMeasure' });
export type ObjectMeasureItem = z.infer<typeof ObjectMeasureSchema>;
