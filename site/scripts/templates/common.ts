// Shared vocabulary and types of the template workflow pages. Titles, summaries, comments and names
// are user content: they only ever reach the page as lit-html values (escaped) or textContent.
import { html, type TemplateResult } from 'lit-html';
import { formatDate } from '../lib/format.ts';

import type { Decision, Status } from '../../../api/contracts/templates.ts';

export type { Decision, ListItem, Status } from '../../../api/contracts/templates.ts';

export const STATUS_LABELS: Record<Status, string> = {
  submitted: 'esitatud',
  in_review: 'ülevaatusel',
  approved: 'kinnitatud',
  changes_requested: 'vajab muutmist',
  rejected: 'tagasi lükatud',
  superseded: 'asendatud uue versiooniga',
};

export const CATEGORY_LABELS: Record<string, string> = {
  poliitika: 'Poliitika',
  kord: 'Kord',
  plaan: 'Plaan',
  juhend: 'Juhend',
  vorm: 'Vorm',
  'parim-praktika': 'Parim praktika',
};

export const DECISION_LABELS: Record<Decision, string> = {
  approve: 'kinnitab',
  request_changes: 'palub muudatusi',
  reject: 'lükkab tagasi',
};

export const FIELD_LABELS: Record<string, string> = {
  title: 'Pealkiri',
  summary: 'Kokkuvõte',
  category: 'Liik',
  measures: 'E-ITS meetmed',
  fileName: 'Fail',
  sha256: 'Faili sisu (SHA-256)',
  file: 'Fail',
};

const KIND_BY_TYPE: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/markdown; charset=utf-8': 'Markdown',
};

/** "PDF, 12 kB" for a download link. */
export function fileDescription(contentType: string, size: number): string {
  const kind = KIND_BY_TYPE[contentType] ?? 'fail';
  const amount = size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} kB` : `${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${kind}, ${amount}`;
}

export function statusTag(status: Status): TemplateResult {
  return html`<span class="tag tpl-status tpl-status--${status}">${STATUS_LABELS[status] ?? status}</span>`;
}

export function categoryLabel(c: string): string {
  return CATEGORY_LABELS[c] ?? c;
}

/** Download link; `download` keeps the browser from navigating to user content. */
export function downloadLink(item: { downloadUrl: string; fileName: string; contentType: string; size: number }, label = 'Laadi alla'): TemplateResult {
  return html`<a href=${item.downloadUrl} download=${item.fileName}>${label}<span class="visually-hidden"> ${item.fileName}</span></a> (${fileDescription(item.contentType, item.size)})`;
}

export { formatDate };
