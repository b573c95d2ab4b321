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
