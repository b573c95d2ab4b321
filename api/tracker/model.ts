// Vocabulary of the tracker: status codes (API) with their Estonian labels, classes, priorities.
// The codes are defined once, in the tracker's contract; this module adds what the pages show.
import type { Status } from '../contracts/tracker.ts';

export { CLASSES, PRIORITIES, STATUSES, type MeasureClass, type Priority, type Status } from '../contracts/tracker.ts';

export const STATUS_LABELS: Record<Status, string> = {
  not_assessed: 'hindamata',
  implemented: 'rakendatud',
  partial: 'osaliselt rakendatud',
  not_implemented: 'rakendamata',
  not_applicable: 'pole asjakohane',
  risk_accepted: 'aktsepteeritud risk',
};

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

