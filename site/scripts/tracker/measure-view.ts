// The measure page's parts as lit-html templates: the record, guides, evidence and history.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { shownValue } from './conflict.ts';
import { EDIT_FIELDS, FIELD_LABELS } from './editor-form.ts';
import { classLabel, priorityLabel, statusLabel } from './vocabulary.ts';
import type { Evidence, EvidenceHistoryEntry, HistoryEntry, MeasureRecord, ModelHistoryEntry, StatusHistoryEntry } from '../../../api/contracts/tracker.ts';
import { RESPONSIBILITY_LABELS, STATUS_LABELS } from '../../../api/contracts/labels.ts';
import type { MeasureLink } from '../../lib/kb-items.ts';

/** /kb/measure-links.json: each link carries its Estonian type label (`typeLabel`), made at build time. */
export type MeasureLinks = Record<string, MeasureLink[]>;
const isHttps = (url: string | null) => !!url && /^https:\/\//i.test(url);

export function metaList(m: MeasureRecord): TemplateResult {
  const items: Array<[string, unknown]> = [
    ['Sihtobjekt', m.objectName],
    ['Seis', statusLabel(m.status, m.sharedService?.provider)],
    ['Klass', classLabel(m.class)],
    ['Prioriteet', priorityLabel(m.priority)],
    ['Vastutaja kasutaja', m.owner?.name ?? '–'],
    ['Vastutaja', m.responsible ?? '–'],
    ['Tähtaeg', formatDate(m.dueDate) || '–'],
    ['Rakendamise kirjeldus', m.description ?? '–'],
    ['Põhjendus', m.justification ?? '–'],
    ...(m.status === 'risk_accepted'
      ? [['Riski aktsepteeris', `${m.acceptedBy ?? ''} ${formatDate(m.acceptedAt)}`] as [string, unknown], ['Ülevaatamise kuupäev', formatDate(m.reviewDate) || '–'] as [string, unknown]]
      : []),
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

/** The guides, solutions, templates and the measure's note, each with its type in Estonian ("juhend"). */
export function guides(list: MeasureLink[]): TemplateResult {
  if (list.length === 0) return html`<li>Selle meetme kohta juhendeid veel ei ole.</li>`;
  return html`${list.map((g) => html`<li><a href=${g.url}>${g.title}</a> (${g.typeLabel.toLocaleLowerCase('et')})</li>`)}`;
}

const evidenceName = (e: Evidence) => (e.kind === 'file' ? e.fileName : e.url) ?? '';

/** `api(tail)` is the measure's API address with the tail, on its target object. */
function evidenceLink(e: Evidence, api: (tail: string) => string): TemplateResult {
  if (e.kind === 'file') return html`<a href=${api(`/evidence/${e.id}/file`)}>${e.fileName}</a>`;
  return /^https?:\/\//i.test(e.url ?? '') ? html`<a href=${e.url!} rel="noopener noreferrer">${e.url}</a>` : html`${e.url}`;
}

/** The current evidence; `remove` (given only to those who may change the measure) adds a button to each. */
export function evidence(m: MeasureRecord, api: (tail: string) => string, remove?: (e: Evidence) => void): TemplateResult {
  const items = m.evidence ?? [];
  if (items.length === 0) return html`<li>Tõendeid pole lisatud.</li>`;
  return html`${items.map(
    (e) => html`<li data-evidence=${e.id}>${evidenceLink(e, api)} (lisatud ${formatDate(e.addedAt)}${e.validUntil ? `, kehtib kuni ${formatDate(e.validUntil)}` : ''})${e.description ? html`<br /><span class="tracker-text">${e.description}</span>` : nothing}${remove
      ? html` <button type="button" class="button button--secondary button--small" @click=${() => remove(e)}>Eemalda<span class="visually-hidden"> tõend ${evidenceName(e)}</span></button>`
      : nothing}</li>`,
  )}`;
}

/** "Lisatud tõend „kord.pdf“ (Poliitika)" or "Eemaldatud tõend „kord.pdf“". */
export function evidenceChangeText(h: EvidenceHistoryEntry): string {
  const what = `tõend „${h.evidence.label}“`;
  return h.action === 'added' ? `Lisatud ${what}${h.evidence.description ? ` (${h.evidence.description})` : ''}` : `Eemaldatud ${what}`;
}

/** "Seis: hindamata → rakendatud; Vastutaja: – → Mari" for one status change. */
export function changeText(h: StatusHistoryEntry): string {
  const parts: string[] = [];
  for (const f of EDIT_FIELDS) {
    const before = ((h.old as Record<string, unknown> | null)?.[f] ?? null) as string | null;
    const after = ((h.new as Record<string, unknown>)[f] ?? null) as string | null;
    if (before !== after) parts.push(`${FIELD_LABELS[f]}: ${shownValue(f, before)} → ${shownValue(f, after)}`);
  }
  // The history keeps the owner's account id, not a name that could change: say only that it changed.
  if ((h.old?.ownerUserId ?? null) !== (h.new.ownerUserId ?? null)) parts.push('Vastutaja kasutaja muudetud');
  const text = parts.join('; ') || 'muudatusteta salvestus';
  // An import says where the change came from ("imporditud failist kava.xlsx").
  return h.new.note ? `${text} (${h.new.note})` : text;
}

/** "Mudel „VOLIS“ (v3): teenusepakkuja, hindamata → rakendatud – ELVL's summary". */
export function modelChangeText(h: ModelHistoryEntry): string {
  const said = (s: ModelHistoryEntry['new']) => (s ? `${RESPONSIBILITY_LABELS[s.responsibility]}, ${STATUS_LABELS[s.status]}${s.note ? ` („${s.note}“)` : ''}` : 'meedet pole mudelis');
  return `Standardlahenduse mudel „${h.model.name}“ (versioon ${h.version}): ${h.old ? `${said(h.old)} → ` : ''}${said(h.new)} – ${h.summary}`;
}

const changeOf = (h: HistoryEntry): string => (h.kind === 'status' ? changeText(h) : h.kind === 'evidence' ? evidenceChangeText(h) : modelChangeText(h));

/** Status changes, evidence added or removed and solution-model changes, newest first (the API's order). */
export function history(entries: HistoryEntry[]): TemplateResult {
  if (entries.length === 0) return html`<li>Muudatusi pole.</li>`;
  return html`${entries.map((h) => html`<li><strong>${formatDateTime(h.changedAt)}</strong> ${h.changedBy?.name ?? ''}: ${changeOf(h)}</li>`)}`;
}
