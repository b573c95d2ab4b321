// Which fields a status needs and which it keeps: one rule for the API's writes (status-write.ts)
// and the pages (the bulk bar offers exactly these fields). Browser-safe: imports only the vocabulary.
import type { Status } from './model.ts';

/** Fields whose presence depends on the status. */
export const STATUS_FIELDS = ['justification', 'acceptedBy', 'acceptedAt'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

/** What a status requires, with the message when the field is blank (in the order a form shows them). */
export const REQUIRED_FIELDS: Record<Status, ReadonlyArray<{ field: StatusField; message: string }>> = {
  not_assessed: [],
  implemented: [],
  partial: [],
  not_implemented: [],
  not_applicable: [{ field: 'justification', message: 'Staatus „pole asjakohane” vajab põhjendust.' }],
  risk_accepted: [
    { field: 'justification', message: 'Aktsepteeritud risk vajab põhjendust.' },
    { field: 'acceptedBy', message: 'Märgi, kes riski aktsepteeris.' },
    { field: 'acceptedAt', message: 'Märgi riski aktsepteerimise kuupäev.' },
  ],
};

/** Fields that live only with one status; a change to any other status clears them. */
const ONLY_WITH: Partial<Record<StatusField, Status>> = { acceptedBy: 'risk_accepted', acceptedAt: 'risk_accepted' };

/** Whether a status keeps the field at all (the acceptance fields only live with 'risk_accepted'). */
export const keepsField = (status: Status, field: StatusField): boolean => (ONLY_WITH[field] ?? status) === status;

/** The review date lives only with an accepted risk (it is optional there, so it is not a StatusField). */
export const keepsReviewDate = (status: Status): boolean => status === 'risk_accepted';

export const requiresField = (status: Status, field: StatusField): boolean => REQUIRED_FIELDS[status].some((r) => r.field === field);

const blank = (v: string | null | undefined) => v == null || v.trim() === '';

/** Required fields left blank, in the API's details shape (`path` = prefix + field name). */
export function missingFields(
  status: Status,
  values: Partial<Record<StatusField, string | null>>,
  pathPrefix = '',
): Array<{ path: string; message: string }> {
  return REQUIRED_FIELDS[status].filter((r) => blank(values[r.field])).map((r) => ({ path: pathPrefix + r.field, message: r.message }));
}
