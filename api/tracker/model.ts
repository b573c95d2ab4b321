// The tracker's rules over its vocabulary. The codes (statuses, classes, priorities) and their
// Estonian labels live in api/contracts/labels.ts, shared with the pages.
import type { Status } from '../contracts/labels.ts';

export { CLASSES, PRIORITIES, STATUSES, type MeasureClass, type Priority, type Status } from '../contracts/labels.ts';

/** Statuses that still need work ("next steps"). */
export const OPEN_STATUSES: readonly Status[] = ['not_assessed', 'partial', 'not_implemented'];

// The two rules below in JavaScript; tracked-sql.ts states them in SQL for lists and reports, and
// tests hold both to the same answers (full-scale.test.ts, write-answer.test.ts).

/** A shared service makes a measure count as implemented while the municipality has not assessed it. */
export const viaSharedService = (own: Status, hasSharedService: boolean): boolean => own === 'not_assessed' && hasSharedService;

/** What counts in progress: the own status, or 'implemented' when a shared service delivers the measure. */
export const effectiveStatus = (own: Status, hasSharedService: boolean): Status => (viaSharedService(own, hasSharedService) ? 'implemented' : own);

/** Due before today (ISO dates) while the effective status still needs work. */
export const isOverdue = (dueDate: string | null, effective: Status, today: string): boolean =>
  dueDate !== null && dueDate < today && OPEN_STATUSES.includes(effective);

