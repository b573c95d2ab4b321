// A municipality's progress (GET /api/kovs/{ehak}/progress): totals and shares by status, class,
// module, module group and priority, the next steps and the trend. Snapshots keep the same totals.
import { z } from 'zod';
import { keyed, Share } from './common.ts';
import { ApproachSchema, CLASSES, ClassSchema, PRIORITIES, PrioritySchema, STATUSES, StatusSchema } from './tracker.ts';

/** implemented / (total − not applicable); an accepted risk stays in the denominator. */
export const ShareCellSchema = z
  .object({ total: z.number(), notApplicable: z.number(), implemented: z.number(), share: Share })
  .meta({ id: 'ShareCell', description: 'share = implemented / (total − notApplicable); null when nothing applies' });
export type ShareCell = z.infer<typeof ShareCellSchema>;

export const ModuleCellSchema = ShareCellSchema.extend({ module: z.string(), title: z.string(), group: z.string() }).meta({ id: 'ModuleShareCell' });
export const GroupCellSchema = ShareCellSchema.extend({ group: z.string(), title: z.string() }).meta({ id: 'GroupShareCell' });
export type ModuleCell = z.infer<typeof ModuleCellSchema>;
export type GroupCell = z.infer<typeof GroupCellSchema>;

export const progressTotalsShape = {
  edition: z.string(),
  total: z.number().meta({ description: 'Measures in scope' }),
  applicable: z.number().meta({ description: 'Measures in scope − not applicable' }),
  implemented: z.number().meta({ description: 'Effectively implemented (own status, or delivered by a shared service)' }),
  implementedShare: Share,
  sharedServiceImplemented: z.number().meta({ description: 'Counted as implemented only because a solution model’s provider delivers them' }),
  byStatus: keyed(STATUSES, z.object({ count: z.number(), share: Share.meta({ description: 'count / total' }) })),
  byClass: keyed(CLASSES, ShareCellSchema),
  byModule: z.array(ModuleCellSchema),
  byGroup: z.array(GroupCellSchema),
  byPriority: keyed(PRIORITIES, ShareCellSchema),
};

export const ProgressTotalsSchema = z.object(progressTotalsShape).meta({ id: 'ProgressTotals' });
export type ProgressTotals = z.infer<typeof ProgressTotalsSchema>;

export const NextStepSchema = z
  .object({
    objectId: z.number().meta({ description: 'The target object the measure is open on' }),
    measureId: z.string(),
    title: z.string(),
    module: z.string(),
    priority: PrioritySchema.nullable(),
    class: ClassSchema,
    status: StatusSchema.meta({ description: 'The effective status (one that still needs work)' }),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'NextStep' });
export type NextStep = z.infer<typeof NextStepSchema>;

export const TrendPointSchema = z.object({ period: z.string(), implementedShare: Share }).meta({ id: 'TrendPoint' });
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const ObjectCellSchema = ShareCellSchema.extend({ objectId: z.number(), name: z.string(), type: z.string() }).meta({ id: 'ObjectShareCell' });
export type ObjectCell = z.infer<typeof ObjectCellSchema>;

export const KovProgressSchema = z
  .object({
    ehak: z.string(),
    name: z.string(),
    approach: ApproachSchema,
    ...progressTotalsShape,
    byObject: z.array(ObjectCellSchema).meta({ description: 'Per target object in play, the organisation object first; the totals are their sum' }),
    nextSteps: z.array(NextStepSchema).meta({ description: 'Up to 10 open measures: P1 (and basic measures without a profile priority), then P2, P3, none; within each overdue first, then class, due date' }),
    trend: z.array(TrendPointSchema).meta({ description: 'Implemented share frozen in every closed reporting period (snapshots included) and every period its head confirmed, oldest first' }),
  })
  .meta({ id: 'KovProgress' });
export type KovProgress = z.infer<typeof KovProgressSchema>;
