// The auditor's view of a municipality's modelling (issue 19): objects with needs and where they come
// from, modules per object as a modules × objects matrix with suggestions, gaps and risk analyses.
import { z } from 'zod';
import { NeedLevelSchema, ObjectTypeSchema, ProtectionNeedSchema } from './objects.ts';
import { RiskAnalysisSummarySchema } from './risks.ts';
import { ApproachSchema } from './tracker.ts';

const NeedSourceSchema = z
  .object({
    level: NeedLevelSchema,
    from: z.string().nullable().meta({ description: 'The object this need is inherited from (maximum principle); null for its own' }),
    distributed: z.boolean(),
  })
  .meta({ id: 'NeedSource' });

export const ModellingObjectSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    type: ObjectTypeSchema,
    count: z.number(),
    critical: z.boolean(),
    protectionNeed: ProtectionNeedSchema,
    need: z.object({ confidentiality: NeedSourceSchema, integrity: NeedSourceSchema, availability: NeedSourceSchema }),
    justification: z.string().nullable(),
    dependsOn: z.array(z.string()).meta({ description: 'Names of the objects it depends on' }),
    modules: z.array(z.string()),
    measureCount: z.number(),
    needMeasureCount: z.number(),
  })
  .meta({ id: 'ModellingObject' });
export type ModellingObject = z.infer<typeof ModellingObjectSchema>;

export const MatrixModuleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    modelledOn: z.array(z.number()).meta({ description: 'Objects that model the module' }),
    suggestedFor: z.array(z.number()).meta({ description: 'When no object but the organisation models the module: the objects whose type it fits' }),
    gap: z.boolean().meta({ description: 'A system module (INF, NET, SYS, APP, IND) of the scope modelled on no object but the organisation as a whole' }),
  })
  .meta({ id: 'MatrixModule' });
export type MatrixModule = z.infer<typeof MatrixModuleSchema>;

export const ModellingReportSchema = z
  .object({
    kov: z.object({ ehak: z.string(), name: z.string() }),
    approach: ApproachSchema,
    generatedOn: z.string(),
    objects: z.array(ModellingObjectSchema),
    modules: z.array(MatrixModuleSchema).meta({ description: 'The scope’s modules and any other modelled module, in catalogue order' }),
    riskAnalyses: z.array(RiskAnalysisSummarySchema),
  })
  .meta({ id: 'ModellingReport' });
export type ModellingReport = z.infer<typeof ModellingReportSchema>;
