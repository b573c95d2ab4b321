// One object × measure row of the table (and, while it is being edited, the editor's row under it),
// and the heading row of each target object's group. Rendered
// with lit-html's keyed repeat: a keystroke in the filter moves and updates rows in place instead of
// rebuilding the table. data-label names the column for the phone layout, where rows become cards.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { formatDate } from '../lib/format.ts';
import { classLabel, priorityLabel, statusLabel, trackerUrl } from './vocabulary.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';
import './status-editor.ts';

/**
 * A row's key: the same measure appears once per target object that takes it. The organisation
 * object's rows keep the plain measure id they had before objects, other objects' "objectId/measureId".
 */
export const rowKey = (r: Pick<MeasureRow, 'objectId' | 'measureId'>, organisationId: number | undefined): string =>
  r.objectId === organisationId ? r.measureId : `${r.objectId}/${r.measureId}`;

/** The heading row of one target object's measures (the table groups its rows by object). */
export const objectHeading = (name: string, count: number): TemplateResult =>
  html`<tr class="object-row"><th scope="rowgroup" colspan="9">${name} <span class="hint">(${count} meedet)</span></th></tr>`;

export interface RowState {
  ehak: string;
  organisationId: number | undefined;
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
  const key = rowKey(r, s.organisationId);
  // The API decides what is overdue (due before today in Tallinn, effective status still open).
  const due = r.dueDate
    ? html`${formatDate(r.dueDate)}${r.overdue ? html` <span class="visually-hidden">(tähtaeg ületatud)</span>` : nothing}`
    : nothing;
  const editing = s.editing === key;
  return html`<tr data-id=${id} data-object=${r.objectId} class=${editing ? 'is-editing' : ''}>
      <td class="cell-select">${s.canWrite ? html`<input type="checkbox" data-select=${key} aria-label="Vali ${id}${key === id ? '' : ` (${r.objectName})`}" .checked=${live(s.selected.has(key))} />` : nothing}</td>
      <th scope="row" class="cell-id"><a href=${trackerUrl.measure(s.ehak, id, r.objectId)}>${id}</a></th>
      <td class="cell-title">${r.title}<span class="cell-object"> · ${r.objectName}</span></td>
      <td data-label="Klass">${classLabel(r.class)}</td>
      <td data-label="Prioriteet">${priorityLabel(r.priority)}</td>
      <td data-label="Seis">${statusBadge(r)}</td>
      <td data-label="Vastutaja">${r.responsible ?? nothing}</td>
      <td data-label="Tähtaeg" class=${r.overdue ? 'overdue' : ''}>${due}</td>
      <td class="cell-actions">${s.canWrite
        ? html`<button type="button" class="button button--secondary" data-edit=${key} aria-expanded=${editing ? 'true' : 'false'}>Muuda<span class="visually-hidden"> ${id}${key === id ? '' : ` (${r.objectName})`}</span></button>`
        : nothing}</td>
    </tr>${editing
      ? html`<tr class="edit-row"><td colspan="9"><tv-status-editor ehak=${s.ehak} measure=${id} object=${r.objectId}></tv-status-editor></td></tr>`
      : nothing}`;
}
