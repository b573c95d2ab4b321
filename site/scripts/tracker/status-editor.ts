// <tv-status-editor ehak="0141" measure="ISMS.1.M1" object="12">: loads one measure of a target object
// (no object: the organisation object), renders its form into itself
// and saves it with the version it loaded (optimistic concurrency). It tells its table what happened
// with events: tv-saved (the saved record), tv-conflict (someone else saved first), tv-cancel.
import { html, render } from 'lit-html';
import { apiFetch, ApiRequestError } from '../lib/api.ts';
import { loadErrorView } from '../lib/load-error.ts';
import { editorForm, EDIT_FIELDS, readEditForm, type EditBody, type FieldErrors } from './editor-form.ts';
import type { Person } from '../../../api/contracts/common.ts';
import { measureApi } from './vocabulary.ts';
import type { MeasureRecord } from '../../../api/contracts/tracker.ts';

export interface ConflictDetail {
  /** The record as this user opened it, what they tried to save, and what the other person saved. */
  original: MeasureRecord;
  mine: EditBody;
  current: MeasureRecord;
}

export type SaveResult = { ok: true; record: MeasureRecord } | { ok: false; conflict: MeasureRecord } | { ok: false; errors: FieldErrors; message: string };

/** PUT with the version the user started from; a 409 hands back the other person's record. */
export async function saveMeasure(ehak: string, measureId: string, body: EditBody, version: number, object: string | number | null = null): Promise<SaveResult> {
  try {
    const record = await apiFetch<MeasureRecord>(measureApi(ehak, measureId, object), { method: 'PUT', json: { ...body, version } });
    return { ok: true, record };
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 409) {
      const current = (err.details as { current?: MeasureRecord } | undefined)?.current;
      if (current) return { ok: false, conflict: current };
    }
    const errors: FieldErrors = {};
    if (err instanceof ApiRequestError && (err.status === 400 || err.status === 422) && Array.isArray(err.details)) {
      for (const d of err.details as Array<{ path: string; message: string }>) errors[d.path.split('.').pop() ?? ''] = d.message;
    }
    return { ok: false, errors, message: (err as Error).message };
  }
}

class StatusEditor extends HTMLElement {
  #started = false;
  #record: MeasureRecord | null = null;
  #owners: Person[] = [];
  #errors: FieldErrors = {};
  #general = '';

  get ehak(): string {
    return this.getAttribute('ehak') ?? '';
  }
  get measure(): string {
    return this.getAttribute('measure') ?? '';
  }
  /** The target object (absent: the organisation object). */
  get object(): string | null {
    return this.getAttribute('object');
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    void this.#load();
  }

  async #load(): Promise<void> {
    render(html`<p role="status">Laadin meedet…</p>`, this);
    try {
      [this.#record, this.#owners] = await Promise.all([
        apiFetch<MeasureRecord>(measureApi(this.ehak, this.measure, this.object)),
        apiFetch<Person[]>(`/api/kovs/${this.ehak}/assignable-users`),
      ]);
    } catch (err) {
      render(loadErrorView(err, () => void this.#load()), this);
      return;
    }
    this.#render();
    this.querySelector<HTMLSelectElement>('#e-status')?.focus();
  }

  #render(): void {
    if (!this.#record) return;
    render(
      editorForm(this.#record, this.#errors, this.#general, {
        submit: (e) => void this.#submit(e),
        keydown: (e) => this.#keydown(e),
        cancel: () => this.#emit('tv-cancel', null),
      }, this.#owners),
      this,
    );
  }

  #keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') this.#emit('tv-cancel', null);
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.currentTarget as HTMLFormElement).requestSubmit();
  }

  #showErrors(errors: FieldErrors, general: string): void {
    this.#errors = errors;
    this.#general = general;
    this.#render();
    const first = EDIT_FIELDS.find((f) => errors[f]);
    if (first) this.querySelector<HTMLElement>(`#e-${first}`)?.focus();
    else if (errors['ownerUserId']) this.querySelector<HTMLElement>('#e-owner')?.focus();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const original = this.#record!;
    const { body, errors } = readEditForm(e.currentTarget as HTMLFormElement);
    if (Object.keys(errors).length) return this.#showErrors(errors, 'Paranda märgitud väljad.');
    const result = await saveMeasure(this.ehak, this.measure, body, original.version, this.object);
    if (result.ok) return this.#emit('tv-saved', result.record);
    if ('conflict' in result) return this.#emit<ConflictDetail>('tv-conflict', { original, mine: body, current: result.conflict });
    this.#showErrors(result.errors, result.message);
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }
}

if (!customElements.get('tv-status-editor')) customElements.define('tv-status-editor', StatusEditor);
