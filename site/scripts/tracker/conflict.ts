// What the user sees when someone else saved the same measure first (409): every field the other
// person changed, beside the value it had and the value this user wanted, and a choice of whose wins.
import { html, type TemplateResult } from 'lit-html';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { EDIT_FIELDS, FIELD_LABELS, type EditField } from './editor-form.ts';
import type { ConflictDetail } from './status-editor.ts';
import { statusLabel } from './vocabulary.ts';
import type { MeasureRecord } from '../../../api/contracts/tracker.ts';

const DATE_FIELDS: ReadonlySet<EditField> = new Set(['dueDate', 'acceptedAt', 'reviewDate']);

/** A field's value as a person reads it. */
export function shownValue(field: EditField, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (field === 'status') return statusLabel(value);
  return DATE_FIELDS.has(field) ? formatDate(value) : value;
}

const valueOf = (r: Partial<Record<EditField, string | null>>, f: EditField) => r[f] ?? null;

/** The fields whose value the other person's save changed, relative to what this user opened. */
export function changedByOther(original: MeasureRecord, current: MeasureRecord): EditField[] {
  return EDIT_FIELDS.filter((f) => valueOf(original, f) !== valueOf(current, f));
}

export interface ConflictActions {
  overwrite: () => void;
  keep: () => void;
}

export function conflictView(c: ConflictDetail, on: ConflictActions): TemplateResult {
  const { original, mine, current } = c;
  const fields = changedByOther(original, current);
  const who = current.updatedBy?.name ?? 'Teine kasutaja';
  const rows = fields.map(
    (f) => html`<tr>
      <th scope="row">${FIELD_LABELS[f]}</th>
      <td data-label="Enne">${shownValue(f, valueOf(original, f))}</td>
      <td data-label="${who} salvestas">${shownValue(f, valueOf(current, f))}</td>
      <td data-label="Sinu muudatus">${shownValue(f, mine[f])}</td>
    </tr>`,
  );
  return html`<div class="notice notice--warning conflict" data-conflict>
    <h2>Keegi muutis seda meedet samal ajal</h2>
    <p>${who} salvestas ${formatDateTime(current.updatedAt)} meetmele ${current.measureId} muudatuse. Sinu muudatust ei salvestatud.</p>
    ${fields.length
      ? html`<table class="conflict-table card-table">
          <caption>Väljad, mida ${who} muutis</caption>
          <thead><tr><th scope="col">Väli</th><th scope="col">Enne</th><th scope="col">${who} salvestas</th><th scope="col">Sinu muudatus</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>`
      : html`<p>Väljade väärtused jäid samaks; muutus ainult salvestuse aeg.</p>`}
    <div class="conflict__actions">
      <button type="button" class="button" data-overwrite @click=${on.overwrite}>Salvesta siiski minu muudatus</button>
      <button type="button" class="button button--secondary" data-keep @click=${on.keep}>Jäta nende muudatus</button>
    </div>
  </div>`;
}
