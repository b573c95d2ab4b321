// The tracker's words: API codes → Estonian labels, in one place for every page.

import { ApiRequestError } from '../lib/api.ts';
// One vocabulary with the API and its exports (api/contracts/labels.ts, bundled into the page script).
import { APPROACH_LABELS, CLASS_LABELS, STATUSES, STATUS_LABELS, statusLabel as sharedStatusLabel, type Status } from '../../../api/contracts/labels.ts';

export { STATUSES, type Status };
export const STATUS_LABEL: Record<Status, string> = STATUS_LABELS;

/** Chart colours: distinguishable and ≥ 3:1 against white; every chart also labels its values in text. */
export const STATUS_COLOR: Record<Status, string> = {
  implemented: '#00703c',
  partial: '#1d70b8',
  not_implemented: '#d4351c',
  risk_accepted: '#912b88',
  not_applicable: '#505a5f',
  not_assessed: '#949494',
};

export const CLASS_LABEL: Record<string, string> = CLASS_LABELS;

export const APPROACH_LABEL: Record<string, string> = APPROACH_LABELS;

export const GROUP_LABEL: Record<string, string> = {
  ISMS: 'Turbehaldus',
  ORP: 'Organisatsioon ja personal',
  CON: 'Kontseptsioonid',
  OPS: 'Käitus',
  DER: 'Avastamine ja reageerimine',
  INF: 'Taristu',
  NET: 'Võrgud ja side',
  SYS: 'IT-süsteemid',
  APP: 'Rakendused',
  IND: 'Tööstuse IT',
};

export const statusLabel = sharedStatusLabel;

/** Reads ?ehak= (4 digits) from the page URL, or null. */
export function ehakFromUrl(): string | null {
  const ehak = new URLSearchParams(window.location.search).get('ehak');
  return ehak && /^\d{4}$/.test(ehak) ? ehak : null;
}

/** The page's municipality; without one, says so in `status` (with a way back) and returns null. */
export function requireEhak(status: HTMLElement): string | null {
  const ehak = ehakFromUrl();
  if (!ehak) status.innerHTML = 'Omavalitsus on valimata. <a href="/jalgimine/">Vali omavalitsus</a>.';
  return ehak;
}

/** What to tell the user when a municipality's data did not load (404 does not confirm it exists). */
export function loadFailedText(err: unknown): string {
  return err instanceof ApiRequestError && err.status === 404
    ? 'Seda omavalitsust ei leitud või sul pole sellele ligipääsu.'
    : `Andmete laadimine ebaõnnestus: ${(err as Error).message}`;
}
