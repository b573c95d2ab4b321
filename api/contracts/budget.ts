// What the budget API answers with: plans, the plan report and its inconsistencies, lines,
// version comparison, actual costs and plan vs actual. Plain zod only, so the site imports the
// same definitions (types via z.infer) and /api/openapi.json describes every field.
import { z } from 'zod';

export const VAT_TREATMENTS = ['vat_from_state_budget', 'grant_includes_vat', 'vat_added_to_grant', 'implementer_applies_vat'] as const;
export const VatTreatmentSchema = z.enum(VAT_TREATMENTS);
export type VatTreatment = z.infer<typeof VatTreatmentSchema>;

const Euros = z.number().meta({ description: 'eurodes, kuni 2 komakohta', example: 13042.5 });

/** Euros as numbers with at most two decimals, computed from integer cents. */
export const MoneySchema = z.object({ net: Euros, vat: Euros, gross: Euros }).meta({ id: 'BudgetMoney' });
export type Money = z.infer<typeof MoneySchema>;
const MoneyBy = z.record(z.string(), MoneySchema);

/** A figure the plan document declared that differs from the one computed from its lines. */
export const InconsistencySchema = z
  .object({
    scope: z.enum(['initiative', 'plan']),
    code: z.string().nullable(),
    key: z.string().meta({ example: 'account:50' }),
    field: z.enum(['net', 'gross']),
    declared: z.number(),
    computed: z.number(),
  })
  .meta({ id: 'BudgetInconsistency' });
export type Inconsistency = z.infer<typeof InconsistencySchema>;

export const PlanCreatedSchema = z
  .object({ id: z.number(), version: z.number(), inconsistencies: z.array(InconsistencySchema) })
  .meta({ id: 'BudgetPlanCreated' });

/** One stored plan version in the plan list. */
export const PlanSummarySchema = z
  .object({
    id: z.number(),
    familyId: z.number(),
    version: z.number(),
    name: z.string(),
    createdAt: z.string(),
    inconsistencyCount: z.number(),
    latest: z.boolean(),
  })
  .meta({ id: 'BudgetPlanSummary' });
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export const PlanListSchema = z.array(PlanSummarySchema);

const PlanRef = z.object({ id: z.number(), name: z.string() });

export const PlanReportSchema = z
  .object({
    plan: PlanRef,
    totals: MoneySchema,
    byPeriod: MoneyBy,
    byAccount: MoneyBy,
    bySource: z.record(z.string(), z.object({ name: z.string(), vatTreatment: VatTreatmentSchema, ...MoneySchema.shape, byPeriod: MoneyBy })),
    initiatives: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        fundingSource: z.string(),
        businessPanelRequired: z.boolean(),
        measureActivity: z.string().nullable(),
        ...MoneySchema.shape,
        byPeriod: MoneyBy,
        byAccount: MoneyBy,
      }),
    ),
    inconsistencies: z.array(InconsistencySchema),
  })
  .meta({ id: 'BudgetPlanReport' });
export type PlanReport = z.infer<typeof PlanReportSchema>;

/** One plan line with its VAT rate, VAT and gross. */
export const PlanLineSchema = z
  .object({
    initiative: z.string(),
    period: z.string().meta({ example: '2024-H1' }),
    year: z.string().meta({ example: '2024' }),
    account: z.string(),
    vatable: z.boolean(),
    vatPercent: z.number(),
    ...MoneySchema.shape,
  })
  .meta({ id: 'BudgetPlanLine' });
export type PlanLine = z.infer<typeof PlanLineSchema>;
export const PlanLinesSchema = z.array(PlanLineSchema);

const VersionRef = z.object({ id: z.number(), version: z.number(), name: z.string() });
export const LineChangeSchema = z
  .object({
    initiative: z.string(),
    period: z.string(),
    account: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    before: z.number().nullable(),
    after: z.number().nullable(),
    delta: z.number().meta({ description: 'after − before, euros' }),
  })
  .meta({ id: 'BudgetLineChange' });
export type LineChange = z.infer<typeof LineChangeSchema>;
export const PlanComparisonSchema = z
  .object({
    from: VersionRef,
    to: VersionRef,
    changes: z.array(LineChangeSchema),
    totals: z.object({ before: z.number(), after: z.number(), delta: z.number() }),
  })
  .meta({ id: 'BudgetPlanComparison' });
export type PlanComparison = z.infer<typeof PlanComparisonSchema>;

export const ActualCostSchema = z
  .object({
    id: z.number(),
    initiative: z.string(),
    date: z.string(),
    account: z.string(),
    ...MoneySchema.shape,
    supplier: z.string(),
    documentNumber: z.string(),
    description: z.string(),
    attachmentName: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().meta({ description: 'send it back with a correction or cancellation; a stale one answers 409' }),
    status: z.enum(['active', 'cancelled']).meta({ description: 'cancelled costs stay listed but count in no sum' }),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'BudgetActualCost' });
export type ActualCost = z.infer<typeof ActualCostSchema>;
export const ActualCostListSchema = z.array(ActualCostSchema);

/**
 * A warning about an entry that was saved anyway: its VAT differs from net × the rate in force on
 * its date (api/budget/vat-check.ts). Invoices may legitimately differ (exempt supplies, reverse
 * charge, a foreign supplier), so the API warns and never refuses on it.
 */
export const ActualWarningSchema = z
  .object({
    code: z.literal('vat_rate_mismatch'),
    message: z.string(),
    expectedVat: z.number().meta({ description: 'net × the rate in force on the date (0 for account 50), euros' }),
    expectedPercent: z.number().meta({ description: 'the rate applied for expectedVat, percent (0 for account 50)' }),
  })
  .meta({ id: 'BudgetActualWarning' });
export type ActualWarning = z.infer<typeof ActualWarningSchema>;
const Warnings = z.array(ActualWarningSchema);

export const ActualCreatedSchema = z.object({ id: z.number(), version: z.number(), warnings: Warnings }).meta({ id: 'BudgetActualCreated' });
export const ActualChangedSchema = z.object({ actual: ActualCostSchema, warnings: Warnings }).meta({ id: 'BudgetActualChanged' });
export type ActualChanged = z.infer<typeof ActualChangedSchema>;
export const BusinessPanelSchema = z.object({ code: z.string(), date: z.string() }).meta({ id: 'BudgetBusinessPanel' });

export const ExecutionRowSchema = z
  .object({
    planned: MoneySchema,
    actual: MoneySchema,
    utilisation: z.number().nullable().meta({ description: 'actual net ÷ planned net in percent, one decimal; null when nothing is planned' }),
  })
  .meta({ id: 'BudgetExecutionRow' });
export type ExecutionRow = z.infer<typeof ExecutionRowSchema>;

export const ExecutionSchema = z
  .object({
    plan: PlanRef,
    totals: ExecutionRowSchema,
    byInitiative: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        fundingSource: z.string(),
        businessPanelRequired: z.boolean(),
        businessPanelDate: z.string().nullable(),
        ...ExecutionRowSchema.shape,
      }),
    ),
    byAccount: z.record(z.string(), ExecutionRowSchema),
    byPeriod: z.record(z.string(), ExecutionRowSchema),
  })
  .meta({ id: 'BudgetExecution' });
export type Execution = z.infer<typeof ExecutionSchema>;
