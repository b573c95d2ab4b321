// ELVL's reporting periods (issue 21): a period with a deadline, and per municipality its state,
// lateness and the progress figures frozen at submission. State and lateness are fields of their
// own; the figures are numbers only.
import { z } from 'zod';
import { IsoDate, keyed, PersonSchema, Share } from './common.ts';
import { ProgressTotalsSchema } from './progress.ts';
import { CLASSES } from './tracker.ts';

export const PERIOD_STATES = ['not_started', 'in_progress', 'submitted', 'confirmed', 'audited'] as const;
export const PeriodStateSchema = z.enum(PERIOD_STATES).meta({
  description:
    'not_started: no status change since the period opened; in_progress: status changes since then, or reopened; submitted: figures frozen; confirmed: by the head; audited: the auditor recorded a conclusion',
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

export const CONCLUSIONS = ['accurate', 'accurate_with_remarks', 'inaccurate'] as const;
export const ConclusionSchema = z.enum(CONCLUSIONS);
export type Conclusion = z.infer<typeof ConclusionSchema>;

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  not_started: 'Alustamata',
  in_progress: 'Töös',
  submitted: 'Esitatud',
  confirmed: 'Kinnitatud',
  audited: 'Auditeeritud',
};

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  accurate: 'Andmed vastavad tegelikkusele',
  accurate_with_remarks: 'Vastavad märkustega',
  inaccurate: 'Ei vasta tegelikkusele',
};

/** The progress figures frozen at submission: the totals without the per-module and per-group breakdown. */
export const PeriodFiguresSchema = ProgressTotalsSchema.pick({
  total: true,
  applicable: true,
  implemented: true,
  implementedShare: true,
  sharedServiceImplemented: true,
  byStatus: true,
  byClass: true,
  byPriority: true,
}).meta({ id: 'PeriodFigures' });
export type PeriodFigures = z.infer<typeof PeriodFiguresSchema>;

export const PeriodKovSchema = z
  .object({
    ehak: z.string(),
    name: z.string(),
    state: PeriodStateSchema,
    late: z.boolean().meta({ description: 'The deadline (Tallinn date) has passed and the municipality had not submitted by it' }),
    submittedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    auditedAt: z.string().nullable(),
    conclusion: ConclusionSchema.nullable(),
    remarks: z.string().nullable(),
    figures: PeriodFiguresSchema.nullable().meta({ description: 'Frozen at submission; null until submitted (and after a reopen)' }),
  })
  .meta({ id: 'PeriodKov' });
export type PeriodKov = z.infer<typeof PeriodKovSchema>;

export const PeriodSummarySchema = z
  .object({
    id: z.number(),
    name: z.string(),
    deadline: z.string(),
    openedAt: z.string(),
    openedBy: PersonSchema.nullable(),
    closedAt: z.string().nullable().meta({ description: 'Set when the period takes no more submissions (periods migrated from snapshots)' }),
    counts: z.object(Object.fromEntries(PERIOD_STATES.map((s) => [s, z.number()])) as Record<PeriodState, z.ZodNumber>),
    late: z.number().meta({ description: 'Municipalities late' }),
  })
  .meta({ id: 'PeriodSummary' });
export type PeriodSummary = z.infer<typeof PeriodSummarySchema>;

export const PeriodSchema = PeriodSummarySchema.extend({ kovs: z.array(PeriodKovSchema) }).meta({ id: 'ReportingPeriod' });
export type Period = z.infer<typeof PeriodSchema>;

export const PeriodHistoryEntrySchema = z
  .object({ from: z.string(), to: z.string(), reason: z.string().nullable(), by: PersonSchema.nullable(), at: z.string() })
  .meta({ id: 'PeriodHistoryEntry' });

/** A municipality's view of the newest open period: its row, its history and what the caller may do. */
export const KovPeriodSchema = z
  .object({
    period: PeriodSummarySchema.omit({ counts: true, late: true }).nullable(),
    kov: PeriodKovSchema.nullable(),
    history: z.array(PeriodHistoryEntrySchema),
    can: z.object({ submit: z.boolean(), confirm: z.boolean(), conclude: z.boolean(), reopen: z.boolean() }),
    confirmWith: z.enum(['password', 'tara']).meta({ description: 'How the head confirms: a fresh TARA login when TARA is configured, else the password' }),
  })
  .meta({ id: 'KovPeriod' });
export type KovPeriod = z.infer<typeof KovPeriodSchema>;

export const CreatePeriodBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Anna perioodile nimi.').max(100, 'Nimi on liiga pikk (kuni 100 märki).').meta({ example: '2026 II poolaasta' }),
  deadline: IsoDate,
});
export const CreatedSchema = z.object({ id: z.number() }).meta({ id: 'CreatedPeriod' });
export const TaraConfirmStartSchema = z.object({ url: z.string().meta({ description: "TARA's authorization URL (prompt=login, max_age=0); the browser goes there" }) }).meta({ id: 'TaraConfirmStart' });

export const ConfirmBodySchema = z.strictObject({ password: z.string().min(1, 'Sisesta oma parool.').max(1024) });
export const ConclusionBodySchema = z
  .strictObject({ conclusion: ConclusionSchema, remarks: z.string().trim().max(4000, 'Märkused on liiga pikad (kuni 4000 märki).').nullable().optional() })
  .refine((b) => b.conclusion === 'accurate' || !!b.remarks, { path: ['remarks'], message: 'Märkustega või mittevastava järelduse korral kirjuta märkused.' });
export const ReopenBodySchema = z.strictObject({ reason: z.string().trim().min(1, 'Kirjuta taasavamise põhjus.').max(1000) });

/** The figures two moments are compared on: counts and shares only (state and lateness are fields of the row). */
export const CompareFiguresSchema = z
  .object({
    total: z.number(),
    applicable: z.number(),
    implemented: z.number(),
    implementedShare: Share,
    sharedServiceImplemented: z.number(),
    classShare: keyed(CLASSES, Share).meta({ description: 'Implemented share per measure class' }),
  })
  .meta({ id: 'PeriodCompareFigures' });
export type CompareFigures = z.infer<typeof CompareFiguresSchema>;

export const PeriodCompareRowSchema = z
  .object({
    ehak: z.string(),
    name: z.string(),
    state: PeriodStateSchema,
    late: z.boolean(),
    otherState: PeriodStateSchema.nullable().meta({ description: 'The state in the other period; null when compared with now' }),
    otherLate: z.boolean().nullable(),
    figures: CompareFiguresSchema.nullable().meta({ description: "This period's frozen figures; null when not submitted" }),
    other: CompareFiguresSchema.nullable().meta({ description: "The other period's frozen figures, or today's from the progress engine" }),
    difference: CompareFiguresSchema.nullable().meta({ description: 'figures − other, each number; null unless both are there (a share difference is null when either share is)' }),
  })
  .meta({ id: 'PeriodCompareRow' });
export type PeriodCompareRow = z.infer<typeof PeriodCompareRowSchema>;

const MeanPair = z.object({ period: Share, other: Share }).meta({ description: 'Mean over the municipalities that have figures on both sides; null when none' });

export const PeriodCompareSchema = z
  .object({
    period: z.object({ id: z.number(), name: z.string() }),
    with: z.object({ kind: z.enum(['period', 'now']), id: z.number().nullable(), name: z.string().meta({ description: 'The other period\'s name, or the Tallinn date for now' }) }),
    kovs: z.array(PeriodCompareRowSchema),
    summary: z.object({
      compared: z.number().meta({ description: 'Municipalities with figures on both sides' }),
      improved: z.number(),
      declined: z.number(),
      unchanged: z.number(),
      implementedShare: MeanPair,
      classShare: keyed(CLASSES, MeanPair),
    }),
  })
  .meta({ id: 'PeriodCompare' });
export type PeriodCompare = z.infer<typeof PeriodCompareSchema>;

/** The period report as JSON: the same one row per municipality as the XLSX and CSV. */
export const PeriodReportSchema = z
  .object({
    generatedOn: z.string(),
    period: PeriodSummarySchema.omit({ counts: true, late: true, openedBy: true }),
    kovs: z.array(PeriodKovSchema),
  })
  .meta({ id: 'PeriodReport' });
export type PeriodReport = z.infer<typeof PeriodReportSchema>;
