// The risk analysis' shapes (issue 19): per target object with a high or very high protection need,
// a decision for each elementary threat (alusoht G 0.1 … G 0.47) its measures counter.
import { z } from 'zod';
import { IsoDate, PersonSchema } from './common.ts';

export const RISK_ASSESSMENTS = ['covered', 'additional_measure', 'accepted', 'transferred'] as const;
export const RiskAssessmentKindSchema = z.enum(RISK_ASSESSMENTS).meta({
  description:
    'covered: the modelled measures cover the threat (kaetud meetmetega); additional_measure: an additional measure is needed (lisameede); accepted: the risk is accepted (aktsepteeritud); transferred: the risk is transferred, e.g. to a supplier or insurer (edasi antud)',
});
export type RiskAssessmentKind = z.infer<typeof RiskAssessmentKindSchema>;

export const ThreatAssessmentSchema = z
  .object({
    code: z.string().meta({ example: 'G 0.18' }),
    title: z.string(),
    measures: z.array(z.string()).meta({ description: "The object's in-scope measures that counter the threat (the catalogue's threat links)" }),
    implemented: z.number().meta({ description: 'Of those, implemented on this object' }),
    assessment: RiskAssessmentKindSchema.nullable().meta({ description: 'null: not assessed yet' }),
    additionalMeasure: z.string().nullable(),
    justification: z.string().nullable(),
    decidedBy: z.string().nullable().meta({ description: 'Who decided (an accepted or transferred risk needs it)' }),
    decidedAt: IsoDate.nullable(),
    version: z.number().meta({ description: '0 before the first assessment' }),
    updatedBy: PersonSchema.nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ThreatAssessment' });
export type ThreatAssessment = z.infer<typeof ThreatAssessmentSchema>;

export const RiskAnalysisSchema = z
  .object({
    objectId: z.number(),
    required: z.boolean().meta({ description: "True when the object's effective need is high or very high in any dimension" }),
    assessed: z.number(),
    threats: z.array(ThreatAssessmentSchema),
  })
  .meta({ id: 'RiskAnalysis' });
export type RiskAnalysis = z.infer<typeof RiskAnalysisSchema>;

/** One object's state in the municipality's list: missing (nothing assessed), incomplete, complete. */
export const RiskAnalysisSummarySchema = z
  .object({
    objectId: z.number(),
    name: z.string(),
    required: z.boolean(),
    threats: z.number(),
    assessed: z.number(),
    state: z.enum(['not_required', 'missing', 'incomplete', 'complete']),
  })
  .meta({ id: 'RiskAnalysisSummary' });
export type RiskAnalysisSummary = z.infer<typeof RiskAnalysisSummarySchema>;

const Text = (max: number, what: string) => z.string().trim().max(max, `${what} on liiga pikk (kuni ${max} märki).`);

export const ThreatAssessmentWriteSchema = z
  .object({
    assessment: RiskAssessmentKindSchema,
    additionalMeasure: Text(2000, 'Lisameetme kirjeldus').nullable().optional(),
    justification: Text(2000, 'Põhjendus').nullable().optional(),
    decidedBy: Text(200, 'Otsustaja nimi').nullable().optional(),
    decidedAt: IsoDate.nullable().optional(),
    version: z.number().int().min(0).meta({ description: 'The version read (0 for a first assessment); another one answers 409' }),
  })
  .strict()
  .meta({ id: 'ThreatAssessmentWrite' });
export type ThreatAssessmentWrite = z.infer<typeof ThreatAssessmentWriteSchema>;
