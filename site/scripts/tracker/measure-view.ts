// The measure page's parts as lit-html templates: the record, guides, evidence and history.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { shownValue } from './conflict.ts';
import { EDIT_FIELDS, FIELD_LABELS } from './editor-form.ts';
import { classLabel, priorityLabel, statusLabel } from './vocabulary.ts';
import type { HistoryEntry, MeasureRecord } from '../../../api/contracts/tracker.ts';

export type MeasureLinks = Record<string, Array<{ url: string; title: string; type: string }>>;
const KIND: Record<string, string> = { guide: 'juhend', template: 'mall', solution: 'standardlahendus' };
const isHttps = (url: string | null) => !!url && /^https:\/\//i.test(url);

export function metaList(m: MeasureRecord): TemplateResult {
  const items: Array<[string, unknown]> = [
    ['Seis', statusLabel(m.status, m.sharedService?.provider)],
    ['Klass', classLabel(m.class)],
    ['Prioriteet', priorityLabel(m.priority)],
    ['Vastutaja', m.responsible ?? '–'],
    ['Tähtaeg', formatDate(m.dueDate) || '–'],
    ['Rakendamise kirjeldus', m.description ?? '–'],
    ['Põhjendus', m.justification ?? '–'],
    ...(m.status === 'risk_accepted' ? [['Riski aktsepteeris', `${m.acceptedBy ?? ''} ${formatDate(m.acceptedAt)}`] as [string, unknown]] : []),
    ['Viimati muutis', `${m.updatedBy?.name ?? '–'} ${formatDateTime(m.updatedAt)}`],
    [
      'E-ITS',
      html`<a href="/e-its/${encodeURIComponent(m.module)}/#${encodeURIComponent(m.measureId)}">moodul ${m.module}</a>${isHttps(m.link)
        ? html` · <a href=${m.link!} rel="noopener noreferrer">ametlik tekst (RIA)</a>`
        : nothing}`,
    ],
  ];
  return html`${items.map(([k, v]) => html`<dt>${k}</dt><dd class="tracker-text">${v}</dd>`)}`;
}

export function guides(list: MeasureLinks[string]): TemplateResult {
  if (list.length === 0) return html`<li>Selle meetme kohta juhendeid veel ei ole.</li>`;
  return html`${list.map((g) => html`<li><a href=${g.url}>${g.title}</a> (${KIND[g.type] ?? g.type})</li>`)}`;
}

export function evidence(m: MeasureRecord, base: string): TemplateResult {
  const items = m.evidence ?? [];
  if (items.length === 0) return html`<li>Tõendeid pole lisatud.</li>`;
  return html`${items.map((e) => {
    const added = html` (${formatDate(e.addedAt)})`;
    if (e.kind === 'file') return html`<li><a href="${base}/evidence/${e.id}/file">${e.fileName}</a>${added}</li>`;
    return /^https?:\/\//i.test(e.url ?? '') ? html`<li><a href=${e.url!} rel="noopener noreferrer">${e.url}</a>${added}</li>` : html`<li>${e.url}${added}</li>`;
  })}`;
}

/** "Seis: hindamata → rakendatud; Vastutaja: – → Mari" for one history entry. */
export function changeText(h: HistoryEntry): string {
  const parts: string[] = [];
  for (const f of EDIT_FIELDS) {
    const before = ((h.old as Record<string, unknown> | null)?.[f] ?? null) as string | null;
    const after = ((h.new as Record<string, unknown>)[f] ?? null) as string | null;
    if (before !== after) parts.push(`${FIELD_LABELS[f]}: ${shownValue(f, before)} → ${shownValue(f, after)}`);
  }
  return parts.join('; ') || 'muudatusteta salvestus';
}

export function history(entries: HistoryEntry[]): TemplateResult {
  if (entries.length === 0) return html`<li>Muudatusi pole.</li>`;
  const newest = [...entries].sort((a, b) => b.version - a.version);
  return html`${newest.map((h) => html`<li><strong>${formatDateTime(h.changedAt)}</strong> ${h.changedBy?.name ?? ''}: ${changeText(h)}</li>`)}`;
}
