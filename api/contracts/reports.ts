// ELVL's reports: the overview of every municipality, a municipality's benchmark against its peers,
// and the frozen reporting-period snapshots.
import { z } from 'zod';
import { keyed, PersonSchema, Share } from './common.ts';
import { KOV_TYPES } from './kov.ts';
import { ProgressTotalsSchema } from './progress.ts';
import { ApproachSchema, CLASSES } from './tracker.ts';

/**
 * A reporting period such as "2026-H2", as an HTML `pattern` (the browser anchors it at both ends).
 * Written with [0-9], not \d: Astro drops the backslash of a literal attribute, and an HTML pattern
 * is compiled with the 'v' flag, where [0-9] is plain.
 */
export const PERIOD_PATTERN = '[0-9]{4}-H[12]';
export const PERIOD_RE = new RegExp(`^(?:${PERIOD_PATTERN})$`);

const byClass = keyed(CLASSES, Share);
const byGroup = z.record(z.string(), Share).meta({ description: 'Implemented share per top-level module group id' });

export const OverviewRowSchema = z
  .object({
    ehak: z.string(),
    name: z.string(),
    type: z.enum(KOV_TYPES),
    county: z.string(),
    edition: z.string(),
    total: z.number(),
    implemented: z.number(),
    implementedShare: Share,
    byClass,
    byGroup: byGroup.meta({ description: 'Share per top-level module group id (groups with measures in scope only)' }),
    lastActivity: z.string().nullable().meta({ description: 'Latest status change (ISO timestamp), null when none' }),
  })
  .meta({ id: 'OverviewRow' });
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

export const OverviewSchema = z
  .object({
    groups: z.array(z.object({ id: z.string(), title: z.string() })),
    rows: z.array(OverviewRowSchema),
    median: z.object({ implementedShare: Share, byClass, byGroup }).meta({ description: 'Median of each column over the municipalities (nulls ignored)' }),
  })
  .meta({ id: 'Overview' });
export type Overview = z.infer<typeof OverviewSchema>;

export const QuartilesSchema = z.object({ q1: Share, median: Share, q3: Share }).meta({ id: 'Quartiles' });
export type Quartiles = z.infer<typeof QuartilesSchema>;

export const PEER_GROUPS = ['linn', 'vald', 'all'] as const;

export const BenchmarkSchema = z
  .object({
    ehak: z.string(),
    name: z.string(),
    peerGroup: z.object({ key: z.enum(PEER_GROUPS), label: z.string(), count: z.number() }),
    kov: z.object({ implementedShare: Share, byClass, byGroup }),
    peers: z.object({
      implementedShare: QuartilesSchema,
      byClass: keyed(CLASSES, QuartilesSchema),
      byGroup: z.record(z.string(), QuartilesSchema).meta({ description: 'Quartiles per top-level module group id' }),
    }),
  })
  .meta({ id: 'Benchmark' });
export type Benchmark = z.infer<typeof BenchmarkSchema>;

export const PeriodBodySchema = z.strictObject({
  period: z.string().regex(PERIOD_RE, 'Periood on kujul AAAA-H1 või AAAA-H2.').meta({ example: '2026-H2' }),
});

export const SnapshotSummarySchema = z
  .object({
    id: z.number(),
    period: z.string(),
    createdAt: z.string(),
    createdBy: PersonSchema.nullable(),
    kovCount: z.number(),
    medianImplementedShare: Share,
  })
  .meta({ id: 'SnapshotSummary' });
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

/** What a snapshot keeps per municipality: the totals without the per-module breakdown. */
export const SnapshotDataSchema = ProgressTotalsSchema.omit({ byModule: true }).extend({ approach: ApproachSchema }).meta({ id: 'SnapshotData' });
export type SnapshotData = z.infer<typeof SnapshotDataSchema>;

export const SnapshotSchema = SnapshotSummarySchema.extend({
  rows: z.array(z.object({ ehak: z.string(), name: z.string(), data: SnapshotDataSchema })),
}).meta({ id: 'Snapshot' });
export type Snapshot = z.infer<typeof SnapshotSchema>;
