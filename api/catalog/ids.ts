/** Identifier rules and value mappings of the E-ITS catalogue, shared by importers and queries. */

import type { MeasureClass } from '../contracts/labels.ts';

export { CLASSES, PRIORITIES, type MeasureClass, type Priority } from '../contracts/labels.ts';
export type GroupKind = 'process' | 'system';

export const RIA_ORIGIN = 'https://eits.ria.ee';

/**
 * The ten module groups. Their ids, kinds and titles are fixed by the standard; a flat measure
 * list (which carries no group titles) still yields a complete group tree from this table.
 */
export const TOP_GROUPS: ReadonlyArray<{ id: string; title: string; kind: GroupKind }> = [
  { id: 'ISMS', title: 'Turbehaldus', kind: 'process' },
  { id: 'ORP', title: 'Organisatsioon ja personal', kind: 'process' },
  { id: 'CON', title: 'Kontseptsioonid ja metoodikad', kind: 'process' },
  { id: 'OPS', title: 'Käidutööd', kind: 'process' },
  { id: 'DER', title: 'Avastamine ja reageerimine', kind: 'process' },
  { id: 'INF', title: 'Taristu', kind: 'system' },
  { id: 'NET', title: 'Võrgud ja side', kind: 'system' },
  { id: 'SYS', title: 'IT-süsteemid', kind: 'system' },
  { id: 'APP', title: 'Rakendused', kind: 'system' },
  { id: 'IND', title: 'Tööstuse IT', kind: 'system' },
];
const TOP_GROUP_IDS = new Set(TOP_GROUPS.map((g) => g.id));

/** 'OPS.1.1.5', 'SYS.EE.1' */
export const MODULE_ID_RE = /^(ISMS|ORP|CON|OPS|DER|INF|NET|SYS|APP|IND)(\.(\d{1,2}|EE))+$/;
/** 'ISMS.1.M17', 'OPS.1.1.5.ME1' */
export const MEASURE_ID_RE = /^(ISMS|ORP|CON|OPS|DER|INF|NET|SYS|APP|IND)(\.(\d{1,2}|EE))+\.ME?\d{1,3}$/;
export const THREAT_ID_RE = /^G \d+\.\d+$/;

export const isTopGroup = (id: string) => TOP_GROUP_IDS.has(id);
export const topGroupOf = (id: string) => id.split('.')[0]!;
export const kindOfGroup = (id: string): GroupKind => TOP_GROUPS.find((g) => g.id === topGroupOf(id))?.kind ?? 'system';
export const moduleOfMeasure = (measureId: string) => measureId.replace(/\.ME?\d+$/, '');

/**
 * Sortable key in catalogue order: groups in the standard's order (ISMS … IND), numbers
 * zero-padded so OPS.1.1.10 follows OPS.1.1.9 and M10 follows M9.
 */
export function sortKey(id: string): string {
  const rank = TOP_GROUPS.findIndex((g) => g.id === topGroupOf(id));
  return String(rank < 0 ? 99 : rank).padStart(2, '0') + ':' + id
    .split(/([0-9]+)/)
    .map((part) => (/^\d+$/.test(part) ? part.padStart(4, '0') : part))
    .join('');
}

const LEVEL_TO_CLASS: Record<string, MeasureClass> = {
  Põhimeede: 'basic',
  Standardmeede: 'standard',
  Kõrgmeede: 'high',
  P: 'basic',
  S: 'standard',
  K: 'high',
};

/** 'Põhimeede' / 'P' → 'basic' etc.; undefined for anything else. */
export const classFromLevel = (level: string): MeasureClass | undefined => LEVEL_TO_CLASS[level.trim()];

/** 'C; I; A' or 'CIA' → 'CIA'; undefined when other letters appear. */
export function normalizeCia(raw: string): string | undefined {
  const letters = raw.replace(/[\s;,-]/g, '').toUpperCase();
  if (!/^[CIA]*$/.test(letters)) return undefined;
  return ['C', 'I', 'A'].filter((l) => letters.includes(l)).join('');
}

/** 'Haldusosakond; IT-talitus' → ['Haldusosakond', 'IT-talitus']. */
export const splitList = (raw: string, sep = /[;,]/) =>
  raw
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** RIA's API gives site-relative links; store absolute https URLs. */
export function absoluteLink(link: string): string | undefined {
  const trimmed = link.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('https://')) return trimmed;
  if (trimmed.startsWith('/')) return RIA_ORIGIN + trimmed;
  return undefined;
}
