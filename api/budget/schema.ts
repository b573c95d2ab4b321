// The plan format (see the budget section of README). Syntax is checked here; meaning (known
// funding source, VAT period, exact cents) in compute.ts, so every message can name its line.
import { z } from '@hono/zod-openapi';
import { PERIOD_PATTERN } from './periods.ts';
import { VAT_TREATMENTS } from '../contracts/budget.ts';

export const ACCOUNTS = ['15', '50', '55'] as const;
export type Account = (typeof ACCOUNTS)[number];

const Code = z.string().regex(/^[A-Z0-9_-]{1,40}$/, 'kood: suurtähed, numbrid, _ või -, kuni 40 märki');
const Euros = z.number().openapi({ description: 'eurodes, kuni 2 komakohta', example: 13042 });
const PeriodKey = z.string().regex(new RegExp(PERIOD_PATTERN), 'periood peab olema YYYY, YYYY-H1|H2, YYYY-Qn või YYYY-MM');
const AccountKey = z.enum(ACCOUNTS, { message: 'EA konto peab olema 15, 50 või 55' });

const Figure = z.object({ net: Euros.optional(), gross: Euros.optional() });
const Declared = z.object({
  net: Euros.optional(),
  gross: Euros.optional(),
  byAccount: z.record(z.string(), Figure).optional(),
  byPeriod: z.record(z.string(), Figure).optional(),
});

export const LineSchema = z.object({
  period: PeriodKey,
  account: AccountKey,
  net: Euros,
  vatable: z.boolean().optional().openapi({ description: 'käibemaksustatavuse erand (vaikimisi 15 ja 55 jah, 50 ei)' }),
});

export const InitiativeSchema = z.object({
  code: Code,
  name: z.string().min(1).max(500),
  partner: z.string().max(200).nullable().optional(),
  businessPanelRequired: z.boolean().default(false),
  fundingSource: Code,
  measureActivity: z.string().max(40).nullable().optional(),
  lines: z.array(LineSchema).min(1, 'algatusel peab olema vähemalt üks rida'),
  declared: Declared.optional(),
});

export const FundingSourceSchema = z.object({
  code: Code,
  name: z.string().min(1).max(200),
  vatTreatment: z.enum(VAT_TREATMENTS),
});

export const PlanSchema = z
  .object({
    name: z.string().min(1).max(300),
    implementer: z.string().max(300).optional(),
    currency: z.literal('EUR').default('EUR'),
    fundingSources: z.array(FundingSourceSchema).min(1),
    initiatives: z.array(InitiativeSchema).min(1),
    declared: z
      .object({
        total: Declared.optional(),
        bySource: z.record(z.string(), z.object({ net: Euros.optional(), gross: Euros.optional(), byPeriod: z.record(z.string(), Figure).optional() })).optional(),
      })
      .optional(),
  })
  .openapi('BudgetPlan');

export type Plan = z.infer<typeof PlanSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type DeclaredFigures = z.infer<typeof Declared>;
export type Figure = z.infer<typeof Figure>;
