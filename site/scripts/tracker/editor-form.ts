// The inline editor's form as a lit-html template, and reading it back. Field ids (#e-status …) are
// unique because only one measure is edited at a time.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, parseDate } from '../lib/format.ts';
import { STATUSES, STATUS_LABELS } from './vocabulary.ts';
import type { Person } from '../../../api/contracts/common.ts';
import type { MeasureRecord } from '../../../api/contracts/tracker.ts';

export const EDIT_FIELDS = ['status', 'responsible', 'dueDate', 'description', 'justification', 'acceptedBy', 'acceptedAt', 'reviewDate'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];
/** The text fields, and the owner's account id (a choice from the picker, not text). */
export type EditBody = Record<EditField, string | null> & { ownerUserId: number | null };
export type FieldErrors = Partial<Record<string, string>>;

/** Estonian names of the fields, also used by the conflict view and the history. */
export const FIELD_LABELS: Record<EditField, string> = {
  status: 'Seis',
  responsible: 'Vastutaja',
  dueDate: 'Tähtaeg',
  description: 'Rakendamise kirjeldus',
  justification: 'Põhjendus',
  acceptedBy: 'Riski aktsepteeris',
  acceptedAt: 'Aktsepteerimise kuupäev',
  reviewDate: 'Ülevaatamise kuupäev',
};

const HINTS: Partial<Record<EditField, string>> = {
  dueDate: 'pp.kk.aaaa',
  justification: 'nõutud, kui meede pole asjakohane või risk on aktsepteeritud',
  acceptedBy: 'nimi ja ametikoht',
  acceptedAt: 'pp.kk.aaaa',
  reviewDate: 'aktsepteeritud riski korral, pp.kk.aaaa',
};

export interface FormHandlers {
  submit: (e: SubmitEvent) => void;
  keydown: (e: KeyboardEvent) => void;
  cancel: () => void;
}

/** The owner picker: accounts that can see the municipality, and the current owner even if they no longer can. */
function ownerField(r: MeasureRecord, owners: readonly Person[], error: string | undefined): TemplateResult {
  const choices = r.owner && !owners.some((o) => o.id === r.owner!.id) ? [r.owner, ...owners] : owners;
  return html`<div class="field"><label for="e-owner">Vastutaja kasutaja<span class="hint">saab meeldetuletused ja näeb meedet lehel „Minu ülesanded”</span></label>
    <select id="e-owner" name="ownerUserId" aria-describedby="e-owner-err" aria-invalid=${error ? 'true' : 'false'}>
      <option value="" ?selected=${r.ownerUserId === null}>– määramata –</option>
      ${choices.map((o) => html`<option value=${String(o.id)} ?selected=${o.id === r.ownerUserId}>${o.name}</option>`)}
    </select><span id="e-owner-err" class="error-message">${error ?? ''}</span></div>`;
}

function field(id: EditField, control: TemplateResult, errors: FieldErrors): TemplateResult {
  return html`<div class="field"><label for="e-${id}">${FIELD_LABELS[id]}${HINTS[id] ? html`<span class="hint">${HINTS[id]}</span>` : nothing}</label>${control}<span id="e-${id}-err" class="error-message">${errors[id] ?? ''}</span></div>`;
}

export function editorForm(r: MeasureRecord, errors: FieldErrors, general: string, on: FormHandlers, owners: readonly Person[]): TemplateResult {
  const invalid = (id: EditField) => (errors[id] ? 'true' : 'false');
  const text = (id: EditField, value: string | null) =>
    field(id, html`<input id="e-${id}" name=${id} type="text" .value=${value ?? ''} aria-describedby="e-${id}-err" aria-invalid=${invalid(id)} />`, errors);
  const area = (id: EditField, value: string | null) =>
    field(id, html`<textarea id="e-${id}" name=${id} .value=${value ?? ''} aria-describedby="e-${id}-err" aria-invalid=${invalid(id)}></textarea>`, errors);
  const status = field(
    'status',
    html`<select id="e-status" name="status" aria-describedby="e-status-err" aria-invalid=${invalid('status')}>${STATUSES.map(
      (s) => html`<option value=${s} ?selected=${s === r.status}>${STATUS_LABELS[s]}</option>`,
    )}</select>`,
    errors,
  );
  return html`<form class="edit-form" aria-label="Muuda meedet ${r.measureId}" @submit=${on.submit} @keydown=${on.keydown}>
    ${status} ${text('responsible', r.responsible)} ${ownerField(r, owners, errors['ownerUserId'])} ${text('dueDate', formatDate(r.dueDate))} ${area('description', r.description)}
    ${area('justification', r.justification)} ${text('acceptedBy', r.acceptedBy)} ${text('acceptedAt', formatDate(r.acceptedAt))}
    ${text('reviewDate', formatDate(r.reviewDate))}
    <div class="edit-form__actions">
      <button type="submit" class="button">Salvesta</button>
      <button type="button" class="button button--secondary" @click=${on.cancel}>Katkesta</button>
      <span class="error-message" role="alert">${general}</span>
    </div>
  </form>`;
}

/** The form's values as the API takes them; dates typed as dd.mm.yyyy become ISO or an error. */
export function readEditForm(form: HTMLFormElement): { body: EditBody; errors: FieldErrors } {
  const v = (n: EditField) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
  const owner = (form.elements.namedItem('ownerUserId') as HTMLSelectElement).value;
  const errors: FieldErrors = {};
  const date = (n: EditField) => {
    if (!v(n)) return null;
    const iso = parseDate(v(n));
    if (!iso) errors[n] = 'Kuupäev kujul pp.kk.aaaa, nt 31.12.2026.';
    return iso;
  };
  const body: EditBody = {
    status: v('status'),
    responsible: v('responsible') || null,
    dueDate: date('dueDate'),
    description: v('description') || null,
    justification: v('justification') || null,
    acceptedBy: v('acceptedBy') || null,
    acceptedAt: date('acceptedAt'),
    reviewDate: date('reviewDate'),
    ownerUserId: owner ? Number(owner) : null,
  };
  return { body, errors };
}
