// The actual costs' history on /eelarve/: who changed which cost, when, and each field old → new.
import { html, type TemplateResult } from 'lit-html';
import { formatDate, formatDateTime, formatEuro } from '../lib/format.ts';
import type { ActualFieldChange, ActualHistoryEntry } from '../../../api/contracts/budget-history.ts';
import type { ActualCost } from '../../../api/contracts/budget.ts';

const ACTION: Record<ActualHistoryEntry['action'], string> = { create: 'lisatud', correct: 'parandatud', cancel: 'tühistatud' };
const FIELD: Record<ActualFieldChange['field'], string> = {
  initiative: 'algatus', date: 'kuupäev', account: 'EA konto', net: 'summa km-ta', vat: 'käibemaks', supplier: 'tarnija',
  documentNumber: 'dokumendi nr', description: 'kirjeldus', status: 'seis',
};
const STATUS: Record<string, string> = { active: 'kehtiv', cancelled: 'tühistatud' };

function value(c: ActualFieldChange, v: ActualFieldChange['old']): string {
  if (v === null || v === '') return '–';
  if (c.field === 'net' || c.field === 'vat') return formatEuro(Number(v));
  if (c.field === 'date') return formatDate(String(v));
  if (c.field === 'status') return STATUS[String(v)] ?? String(v);
  return String(v);
}

const change = (c: ActualFieldChange, created: boolean) =>
  html`<li>${FIELD[c.field]}: ${created ? value(c, c.new) : html`${value(c, c.old)} → ${value(c, c.new)}`}</li>`;

export function costHistory(entries: ActualHistoryEntry[], costs: ActualCost[]): TemplateResult {
  if (entries.length === 0) return html`<p>Kulusid pole veel sisestatud ega muudetud.</p>`;
  const doc = new Map(costs.map((c) => [c.id, `${c.documentNumber} (${c.supplier})`]));
  const row = (e: ActualHistoryEntry) => html`<tr>
    <td data-label="Aeg">${formatDateTime(e.changedAt)}</td>
    <td data-label="Kes">${e.changedBy?.name ?? 'süsteem'}</td>
    <td data-label="Kulu">${doc.get(e.actualId) ?? `#${e.actualId}`}</td>
    <td data-label="Toiming">${ACTION[e.action]}</td>
    <td data-label="Muudatus"><ul class="budget-changes">${e.changes.map((c) => change(c, e.action === 'create'))}</ul></td>
    <td data-label="Põhjus">${e.reason ?? ''}</td>
  </tr>`;
  return html`<table class="card-table" id="history-table"><caption class="visually-hidden">Kulude muudatuste ajalugu</caption>
    <thead><tr><th scope="col">Aeg</th><th scope="col">Kes</th><th scope="col">Kulu</th><th scope="col">Toiming</th><th scope="col">Muudatus (vana → uus)</th><th scope="col">Põhjus</th></tr></thead>
    <tbody>${entries.map(row)}</tbody></table>`;
}
