// One measure's row of the table (and, while it is being edited, the editor's row under it). Rendered
// with lit-html's keyed repeat: a keystroke in the filter moves and updates rows in place instead of
// rebuilding the table. data-label names the column for the phone layout, where rows become cards.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { formatDate } from '../lib/format.ts';
import { classLabel, priorityLabel, statusLabel, trackerUrl } from './vocabulary.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';
import './status-editor.ts';

export interface RowState {
  ehak: string;
  canWrite: boolean;
  selected: ReadonlySet<string>;
  editing: string | null;
}

function statusBadge(r: MeasureRow): TemplateResult {
  const shared = r.sharedService && r.status === 'not_assessed';
  return html`<span class="status-badge ${shared ? 'status-shared' : `status-${r.status}`}">${statusLabel(r.status, r.sharedService?.provider)}</span>`;
}

export function measureRow(r: MeasureRow, s: RowState): TemplateResult {
  const id = r.measureId;
  // The API decides what is overdue (due before today in Tallinn, effective status still open).
  const due = r.dueDate
    ? html`${formatDate(r.dueDate)}${r.overdue ? html` <span class="visually-hidden">(tähtaeg ületatud)</span>` : nothing}`
    : nothing;
  const editing = s.editing === id;
  return html`<tr data-id=${id} class=${editing ? 'is-editing' : ''}>
      <td class="cell-select">${s.canWrite ? html`<input type="checkbox" data-select=${id} aria-label="Vali ${id}" .checked=${live(s.selected.has(id))} />` : nothing}</td>
      <th scope="row" class="cell-id"><a href=${trackerUrl.measure(s.ehak, id)}>${id}</a></th>
      <td class="cell-title">${r.title}</td>
      <td data-label="Klass">${classLabel(r.class)}</td>
      <td data-label="Prioriteet">${priorityLabel(r.priority)}</td>
      <td data-label="Seis">${statusBadge(r)}</td>
      <td data-label="Vastutaja">${r.responsible ?? nothing}</td>
      <td data-label="Tähtaeg" class=${r.overdue ? 'overdue' : ''}>${due}</td>
      <td class="cell-actions">${s.canWrite
        ? html`<button type="button" class="button button--secondary" data-edit=${id} aria-expanded=${editing ? 'true' : 'false'}>Muuda<span class="visually-hidden"> ${id}</span></button>`
        : nothing}</td>
    </tr>${editing
      ? html`<tr class="edit-row"><td colspan="9"><tv-status-editor ehak=${s.ehak} measure=${id}></tv-status-editor></td></tr>`
      : nothing}`;
}
