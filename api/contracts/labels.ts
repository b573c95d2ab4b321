// The tracker's vocabulary: API codes and the Estonian words people read for them. One set for the
// pages (bundled into the browser) and the exports (CSV, XLSX), so a label is changed in one place.
// The codes themselves are defined once, in tracker.ts (browser-safe: zod only).
import type { Approach, MeasureClass, Priority, Status } from './tracker.ts';
import type { NeedDimension, NeedLevel, ObjectType } from './objects.ts';
import type { RiskAnalysisSummary, RiskAssessmentKind } from './risks.ts';

export { APPROACHES, CLASSES, PRIORITIES, STATUSES, type Approach, type MeasureClass, type Priority, type Status } from './tracker.ts';

export const STATUS_LABELS: Record<Status, string> = {
  not_assessed: 'hindamata',
  implemented: 'rakendatud',
  partial: 'osaliselt rakendatud',
  not_implemented: 'rakendamata',
  not_applicable: 'pole asjakohane',
  risk_accepted: 'aktsepteeritud risk',
};

export const CLASS_LABELS: Record<MeasureClass, string> = { basic: 'Põhimeede', standard: 'Standardmeede', high: 'Kõrgmeede' };
export const CLASS_PLURAL: Record<MeasureClass, string> = { basic: 'Põhimeetmed', standard: 'Standardmeetmed', high: 'Kõrgmeetmed' };

/** KOV profile priorities. */
export const PRIORITY_LABELS: Record<Priority, string> = { P1: 'P1', P2: 'P2', P3: 'P3' };
/**
 * A measure in scope without a profile priority: one the profile has not classified yet (new in the
 * edition or of another class before) or one of an extra module the profile does not cover.
 */
export const NO_PRIORITY = 'määramata';

export const APPROACH_LABELS: Record<Approach, string> = { basic: 'põhiturve', standard: 'standardturve', core: 'tuumikuturve' };

/**
 * The label a municipality sees for a measure's status: a shared service that delivers a measure
 * the municipality has not assessed itself shows as "tagatud keskselt (provider)".
 */
export function statusLabel(own: Status | string, sharedProvider?: string | null): string {
  if (own === 'not_assessed' && sharedProvider) return `tagatud keskselt (${sharedProvider})`;
  return STATUS_LABELS[own as Status] ?? own;
}

export function classLabel(c: MeasureClass | string): string {
  return CLASS_LABELS[c as MeasureClass] ?? c;
}

export function priorityLabel(p: Priority | string | null | undefined): string {
  return p ? (PRIORITY_LABELS[p as Priority] ?? p) : NO_PRIORITY;
}

/** Target object types and protection need levels (the structure analysis, issue 18). */
export const OBJECT_TYPE_LABELS: Record<ObjectType, string> = {
  organisation: 'organisatsioon',
  process: 'protsess',
  application: 'rakendus',
  it_system: 'IT-süsteem',
  network: 'võrk',
  room: 'ruum',
  service: 'väline teenus',
};
export const NEED_LABELS: Record<NeedLevel, string> = { normal: 'tavaline', high: 'suur', very_high: 'väga suur' };
export const NEED_DIMENSION_LABELS: Record<NeedDimension, string> = { confidentiality: 'konfidentsiaalsus', integrity: 'terviklus', availability: 'käideldavus' };
/** The letters E-ITS uses for the three dimensions (C, I, A). */
export const NEED_DIMENSION_LETTERS: Record<NeedDimension, string> = { confidentiality: 'C', integrity: 'I', availability: 'A' };

/** Risk analysis (E-ITS etalonturbe väline riskianalüüs): the decision on one elementary threat. */
export const RISK_ASSESSMENT_LABELS: Record<RiskAssessmentKind, string> = {
  covered: 'kaetud modelleeritud meetmetega',
  additional_measure: 'vaja lisameedet',
  accepted: 'risk aktsepteeritud',
  transferred: 'risk antud edasi',
};
export const RISK_STATE_LABELS: Record<RiskAnalysisSummary['state'], string> = {
  not_required: 'pole nõutud',
  missing: 'tegemata',
  incomplete: 'pooleli',
  complete: 'tehtud',
};
