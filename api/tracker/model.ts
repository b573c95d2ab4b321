// Vocabulary of the tracker: status codes (API) with their Estonian labels, classes, priorities.

export const STATUSES = ['not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable', 'risk_accepted'] as const;
export type Status = (typeof STATUSES)[number];

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

export const CLASSES = ['basic', 'standard', 'high'] as const;
export type MeasureClass = (typeof CLASSES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

