// The tracker's rules over its vocabulary, pure so the pages can use them too. The codes
// (statuses, classes, priorities) are defined in api/contracts/tracker.ts and their Estonian labels
// in api/contracts/labels.ts; the progress engine (engine.ts) counts with these rules.
import type { Status } from '../contracts/tracker.ts';

export { CLASSES, PRIORITIES, STATUSES, type MeasureClass, type Priority, type Status } from '../contracts/tracker.ts';
export { STATUS_LABELS } from '../contracts/labels.ts';

/** Statuses that still need work (next steps, overdue). */
export const OPEN_STATUSES: readonly Status[] = ['not_assessed', 'partial', 'not_implemented'];

/** A shared service makes a measure count as implemented while the municipality has not assessed it. */
export const viaSharedService = (own: Status, hasSharedService: boolean): boolean => own === 'not_assessed' && hasSharedService;

/** What counts in progress: the own status, or 'implemented' when a shared service delivers the measure. */
export const effectiveStatus = (own: Status, hasSharedService: boolean): Status => (viaSharedService(own, hasSharedService) ? 'implemented' : own);

/** Due before today (ISO dates, Tallinn) while the effective status still needs work. */
export const isOverdue = (dueDate: string | null, effective: Status, today: string): boolean =>
  dueDate !== null && dueDate < today && OPEN_STATUSES.includes(effective);
