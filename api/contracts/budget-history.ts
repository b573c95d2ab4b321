// The history of the actual costs: every creation, correction and cancellation with who, when and
// each changed field before → after. Plain zod, imported by the API and the budget page alike.
import { z } from 'zod';

export const ACTUAL_ACTIONS = ['create', 'correct', 'cancel'] as const;
const Value = z.union([z.string(), z.number(), z.null()]).meta({ description: 'amounts in euros, other fields as text; null = none' });

export const ActualFieldChangeSchema = z
  .object({
    field: z.enum(['initiative', 'date', 'account', 'net', 'vat', 'supplier', 'documentNumber', 'description', 'status']),
    old: Value,
    new: Value,
  })
  .meta({ id: 'BudgetActualFieldChange' });
export type ActualFieldChange = z.infer<typeof ActualFieldChangeSchema>;

export const ActualHistoryEntrySchema = z
  .object({
    actualId: z.number(),
    version: z.number().meta({ description: 'the cost entry’s version after this change' }),
    action: z.enum(ACTUAL_ACTIONS),
    changedAt: z.string().meta({ description: 'ISO timestamp' }),
    changedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
    reason: z.string().nullable().meta({ description: 'the cancellation reason' }),
    changes: z.array(ActualFieldChangeSchema),
  })
  .meta({ id: 'BudgetActualHistoryEntry' });
export type ActualHistoryEntry = z.infer<typeof ActualHistoryEntrySchema>;
export const ActualHistorySchema = z.array(ActualHistoryEntrySchema);
