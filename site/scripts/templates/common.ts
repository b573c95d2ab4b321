// Shared vocabulary and types of the template workflow pages. Every API value that reaches
// innerHTML goes through escapeHtml: titles, summaries, comments and names are user content.
import { escapeHtml, formatDate } from '../lib/format.ts';
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

export function statusTag(status: Status): string {
  return `<span class="tag tpl-status tpl-status--${escapeHtml(status)}">${escapeHtml(STATUS_LABELS[status] ?? status)}</span>`;
}

export function categoryLabel(c: string): string {
  return CATEGORY_LABELS[c] ?? c;
}

/** Download link; `download` keeps the browser from navigating to user content. */
export function downloadLink(item: { downloadUrl: string; fileName: string; contentType: string; size: number }, label = 'Laadi alla'): string {
  return `<a href="${escapeHtml(item.downloadUrl)}" download="${escapeHtml(item.fileName)}">${escapeHtml(label)}<span class="visually-hidden"> ${escapeHtml(item.fileName)}</span></a> (${escapeHtml(fileDescription(item.contentType, item.size))})`;
}

export { escapeHtml, formatDate };
