// Solution models (issue 19): a standard solution that many municipalities use, modelled once by ELVL —
// object type, modules, default protection need and, per measure, who implements it.
import { z } from 'zod';
import { PersonSchema } from './common.ts';
import { ObjectTypeSchema, ProtectionNeedSchema } from './objects.ts';

export const RESPONSIBILITIES = ['provider', 'shared', 'kov'] as const;
export const ResponsibilitySchema = z.enum(RESPONSIBILITIES).meta({
  description: 'provider: the supplier or ELVL implements the measure (teenusepakkuja); shared: both (jagatud); kov: the municipality must (omavalitsus)',
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export const PROVIDER_STATUSES = ['not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable'] as const;

export const StatementSchema = z
  .object({
    measureId: z.string().max(40).meta({ example: 'APP.3.1.M1' }),
    responsibility: ResponsibilitySchema,
    status: z.enum(PROVIDER_STATUSES).default('not_assessed').meta({ description: "The provider's status of its part" }),
    note: z.string().trim().max(2000, 'Märkus on liiga pikk (kuni 2000 märki).').nullable().default(null),
    evidenceUrl: z.url({ protocol: /^https?$/, error: 'Tõendi aadress peab algama https:// või http://.' }).max(2000).nullable().default(null),
  })
  .strict()
  .meta({ id: 'SolutionStatement' });
export type Statement = z.infer<typeof StatementSchema>;

const KovRefSchema = z.object({ ehak: z.string(), name: z.string() });

export const SolutionModelSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    type: ObjectTypeSchema,
    provider: z.string(),
    description: z.string().nullable(),
    kbSlug: z.string().nullable().meta({ description: "The knowledge base's standard-solution page, /standardlahendused/<slug>/" }),
    edition: z.string(),
    modules: z.array(z.string()),
    protectionNeed: ProtectionNeedSchema,
    statements: z.array(StatementSchema),
    draft: z.boolean().meta({ description: "True until the working group has reviewed it; it can be adopted all the same" }),
    adoptedBy: z.number().meta({ description: 'How many objects of municipalities adopt the model' }),
    kovs: z.array(KovRefSchema).meta({
      description: 'Municipalities whose organisation as a whole receives the provider-implemented measures (a central service, e.g. by ELVL), without an object of its own',
    }),
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: PersonSchema.nullable(),
  })
  .meta({ id: 'SolutionModel' });
export type SolutionModel = z.infer<typeof SolutionModelSchema>;

const Name = z.string().trim().min(1, 'Nimi on kohustuslik.').max(200, 'Nimi on liiga pikk (kuni 200 märki).');

export const SolutionModelCreateSchema = z
  .object({
    name: Name,
    type: ObjectTypeSchema.exclude(['organisation']),
    provider: Name,
    description: z.string().trim().max(2000, 'Kirjeldus on liiga pikk (kuni 2000 märki).').nullable().optional(),
    kbSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'Lehe tunnus on väiketähtedest, numbritest ja sidekriipsudest.').nullable().optional(),
    modules: z.array(z.string().max(40)).max(200, 'Liiga palju mooduleid (kuni 200).').default([]),
    protectionNeed: ProtectionNeedSchema.partial().optional(),
    statements: z.array(StatementSchema).max(2000, 'Liiga palju meetmeid (kuni 2000).').default([]),
    draft: z.boolean().optional(),
    kovs: z.array(z.string().regex(/^\d{4}$/, 'EHAK-kood on neli numbrit.')).max(79).optional()
      .meta({ description: 'EHAK codes of the municipalities the model is delivered to as a whole; omitted: unchanged' }),
  })
  .strict()
  .meta({ id: 'SolutionModelCreate' });
export type SolutionModelCreate = z.infer<typeof SolutionModelCreateSchema>;

export const SolutionModelPatchSchema = SolutionModelCreateSchema.omit({ type: true })
  .partial()
  .extend({
    version: z.number().int().min(1).meta({ description: 'The version read; a stale one answers 409' }),
    summary: z.string().trim().min(1).max(2000).optional().meta({ description: 'What changed, for the adopting municipalities’ history' }),
  })
  .strict()
  .meta({ id: 'SolutionModelPatch' });
export type SolutionModelPatch = z.infer<typeof SolutionModelPatchSchema>;

export const SolutionModelChangeSchema = z
  .object({ version: z.number(), summary: z.string(), changedAt: z.string(), changedBy: PersonSchema.nullable() })
  .meta({ id: 'SolutionModelChange' });
export type SolutionModelChange = z.infer<typeof SolutionModelChangeSchema>;

/** Adopting a model: the new object takes the model's type, modules and need; the name may differ. */
export const AdoptSolutionSchema = z
  .object({ solutionModel: z.number().int().positive(), name: Name.optional() })
  .strict()
  .meta({ id: 'AdoptSolution' });
export type AdoptSolution = z.infer<typeof AdoptSolutionSchema>;
