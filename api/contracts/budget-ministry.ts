// The budget report as the ministry reads it: plan vs actual by funding source × EA account × year,
// each with and without VAT, spent and remaining. Plain zod; the page, the API and the exports share it.
import { z } from 'zod';
import { MoneySchema, VatTreatmentSchema } from './budget.ts';

export const MinistryFiguresSchema = z
  .object({
    planned: MoneySchema,
    actual: MoneySchema.meta({ description: 'active (not cancelled) costs dated in the year' }),
    remaining: MoneySchema.meta({ description: 'planned − actual, field by field; negative = overspent' }),
    overspent: z.boolean().meta({ description: 'remaining net or gross below zero' }),
  })
  .meta({ id: 'BudgetMinistryFigures' });
export type MinistryFigures = z.infer<typeof MinistryFiguresSchema>;

export const MinistryRowSchema = z
  .object({
    account: z.string().meta({ example: '55' }),
    year: z.string().meta({ example: '2024' }),
    ...MinistryFiguresSchema.shape,
  })
  .meta({ id: 'BudgetMinistryRow' });
export type MinistryRow = z.infer<typeof MinistryRowSchema>;

export const MinistrySourceSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    vatTreatment: VatTreatmentSchema,
    grantBasis: z.enum(['gross', 'net']).meta({
      description: 'which figure is the grant amount the ministry reads: gross when the grant includes VAT (SF), net when VAT is paid on top or by the implementer',
    }),
    rows: z.array(MinistryRowSchema),
    total: MinistryFiguresSchema,
  })
  .meta({ id: 'BudgetMinistrySource' });
export type MinistrySource = z.infer<typeof MinistrySourceSchema>;

export const MinistryReportSchema = z
  .object({
    plan: z.object({ id: z.number(), name: z.string(), version: z.number() }),
    sources: z.array(MinistrySourceSchema),
    total: MinistryFiguresSchema,
  })
  .meta({ id: 'BudgetMinistryReport' });
export type MinistryReport = z.infer<typeof MinistryReportSchema>;
