// The tracker pages' words and colours. Labels come from api/contracts/labels.ts, the same module the
// exports print, so the page and the spreadsheet always say the same thing.
import { APPROACH_LABELS, CLASS_LABELS, CLASSES, PRIORITIES, STATUSES, STATUS_LABELS, classLabel, priorityLabel, statusLabel, type Status } from '../../../api/contracts/labels.ts';

export { APPROACH_LABELS, CLASS_LABELS, CLASSES, PRIORITIES, STATUSES, STATUS_LABELS, classLabel, priorityLabel, statusLabel, type Status };

/** Chart colours: distinguishable and ≥ 3:1 against white; every chart also labels its values in text. */
export const STATUS_COLOR: Record<Status, string> = {
  implemented: '#00703c',
  partial: '#1d70b8',
  not_implemented: '#d4351c',
  risk_accepted: '#912b88',
  not_applicable: '#505a5f',
  not_assessed: '#949494',
};

/** Reads ?ehak= (4 digits) from the page URL, or null. */
export function ehakFromUrl(): string | null {
  const ehak = new URLSearchParams(window.location.search).get('ehak');
  return ehak && /^\d{4}$/.test(ehak) ? ehak : null;
}

/** Reads ?object= (a target object's id) from the page URL, or null (the organisation object). */
export function objectFromUrl(): string | null {
  const object = new URLSearchParams(window.location.search).get('object');
  return object && /^[1-9]\d{0,9}$/.test(object) ? object : null;
}

/** A measure's API address on a target object (null: the organisation object), with a tail such as '/history'. */
export const measureApi = (ehak: string, measureId: string, object: string | number | null, tail = ''): string =>
  `/api/kovs/${ehak}/measures/${encodeURIComponent(measureId)}${tail}${object ? `?${new URLSearchParams({ object: String(object) })}` : ''}`;

/** Links inside one municipality's tracker; a measure's page is per target object (?object=). */
export const trackerUrl = {
  dashboard: (ehak: string) => `/jalgimine/kov/?ehak=${ehak}`,
  measures: (ehak: string, filters: Record<string, string> = {}) => `/jalgimine/meetmed/?${new URLSearchParams({ ehak, ...filters })}`,
  measure: (ehak: string, id: string, object?: string | number | null) =>
    `/jalgimine/meede/?${new URLSearchParams({ ehak, id, ...(object ? { object: String(object) } : {}) })}`,
  /** The one-page summary of a reporting period for the municipality's council. */
  council: (ehak: string, periodId: number) => `/jalgimine/volikogu/?${new URLSearchParams({ ehak, periood: String(periodId) })}`,
  /** The implementation plan (rakendusplaan) download, of one target object when given. */
  plan: (ehak: string, format: 'xlsx' | 'csv' | 'json', objectId?: number) =>
    `/api/kovs/${ehak}/exports/plan.${format}${objectId ? `?${new URLSearchParams({ object: String(objectId) })}` : ''}`,
  riskAnalysis: (ehak: string, objectId?: number) => `/jalgimine/riskianaluus/?${new URLSearchParams({ ehak, ...(objectId ? { object: String(objectId) } : {}) })}`,
};

export const NOT_FOUND_KOV = 'Seda omavalitsust ei leitud või sul pole sellele ligipääsu.';
