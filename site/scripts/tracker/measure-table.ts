// <tv-measure-table>: one municipality's object × measure rows with filters kept in the URL (the
// target object among them), grouped by object, inline editing (<tv-status-editor>), the conflict
// view and bulk changes. It owns its subtree: the rows are a
// lit-html keyed repeat, so filtering or saving updates rows in place and keeps focus where it was.
import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { canWriteKov } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { setupBulk } from './bulk.ts';
import { conflictView } from './conflict.ts';
import { filtersFromUrl, matches, readForm, urlWithFilters, writeForm, type Filters } from './measure-filters.ts';
import { measureRow, objectHeading, rowKey } from './measure-rows.ts';
import { saveMeasure, type ConflictDetail } from './status-editor.ts';
import { ehakFromUrl, NOT_FOUND_KOV, statusLabel } from './vocabulary.ts';
import { announceKov } from './kov-name.ts';
import type { MeasureRecord, MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';
import { noKovChosen } from './kov-page.ts';

const EDIT_HINT = html`<p class="hint">
  Muuda seisu klaviatuuriga: liigu reale Tab-klahviga, vajuta „Muuda“, täida väljad ja salvesta Enteriga (tekstiväljas
  Ctrl+Enter). Esc katkestab. Mitme meetme korraga muutmiseks märgi read ja kasuta lehe allosas olevat riba.
</p>`;

export class MeasureTable extends HTMLElement {
  ehak = '';
  rows: MeasureRow[] = [];
  canWrite = false;
  readonly selected = new Set<string>();
  #editing: string | null = null;
  #filters: Filters = filtersFromUrl('');
  /** The filters the URL asked for; the module filter can be applied only once the modules are known. */
  #requested: Filters = filtersFromUrl('');
  #started = false;

  #el<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }
  get #form(): HTMLFormElement {
    return this.#el<HTMLFormElement>('#filters');
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const ehak = ehakFromUrl();
    if (!ehak) {
      noKovChosen(this.#el('[data-load]'));
      return;
    }
    this.ehak = ehak;
    this.#requested = filtersFromUrl(window.location.search);
    this.#filters = writeForm(this.#form, this.#requested);
    this.#form.addEventListener('input', () => this.#filterChanged());
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#el('#measure-rows').addEventListener('click', (e) => {
      const id = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-edit]')?.dataset['edit'];
      if (id) this.#toggleEditor(id);
    });
    this.addEventListener('tv-saved', (e) => this.#saved((e as CustomEvent<MeasureRecord>).detail));
    this.addEventListener('tv-cancel', () => this.#closeEditor());
    this.addEventListener('tv-conflict', (e) => this.#conflict((e as CustomEvent<ConflictDetail>).detail));
    void loadWithRetry(this.#el('[data-load]'), () => this.#load(), { busy: 'Laadin meetmeid…', notFound: NOT_FOUND_KOV });
  }

  async #load(): Promise<void> {
    const [me, rows] = await Promise.all([fetchMe(), apiFetch<MeasureRow[]>(`/api/kovs/${this.ehak}/measures`), announceKov(this, this.ehak)]);
    this.rows = rows;
    this.canWrite = !!me && canWriteKov(me, this.ehak);
    this.#renderModules();
    // A read-only user (viewer, auditor) gets neither the editing instructions nor selection boxes.
    if (this.canWrite) {
      render(EDIT_HINT, this.#el('[data-edit-hint]'));
      render(html`<input type="checkbox" id="select-all" aria-label="Vali kõik nähtavad meetmed" />`, this.#el('#select-head'));
      setupBulk(this);
    }
    this.render();
    this.#el('#measure-table').hidden = false;
  }

  /** The organisation object's id: the API lists its rows first. */
  get organisationId(): number | undefined {
    return this.rows[0]?.objectId;
  }

  /** The row's key in the selection and the editor (measure-rows.ts). */
  keyOf(r: MeasureRow): string {
    return rowKey(r, this.organisationId);
  }

  /** The module and object filters offer what the municipality has; the URL's choices are kept. */
  #renderModules(): void {
    const modules = [...new Set(this.rows.map((r) => r.module))].sort((a, b) => a.localeCompare(b, 'et', { numeric: true }));
    const objects = new Map(this.rows.map((r) => [r.objectId, r.objectName]));
    // Appended after the markup's "kõik" option.
    render(html`${modules.map((m) => html`<option>${m}</option>`)}`, this.#el<HTMLSelectElement>('#f-module'));
    render(html`${[...objects].map(([id, name]) => html`<option value=${id}>${name}</option>`)}`, this.#el<HTMLSelectElement>('#f-object'));
    this.#filters = writeForm(this.#form, { ...readForm(this.#form), module: this.#requested.module, object: this.#requested.object });
  }

  #filterChanged(): void {
    this.#filters = readForm(this.#form);
    history.replaceState(history.state, '', urlWithFilters(window.location, this.#filters));
    this.render();
  }

  get visible(): MeasureRow[] {
    return this.rows.filter((r) => matches(r, this.#filters));
  }

  render(): void {
    const visible = this.visible;
    const state = { ehak: this.ehak, organisationId: this.organisationId, canWrite: this.canWrite, selected: this.selected, editing: this.#editing };
    // Grouped by target object (the API's order) with a heading row per object, when more than one shows.
    const counts = new Map<number, number>();
    for (const r of visible) counts.set(r.objectId, (counts.get(r.objectId) ?? 0) + 1);
    const items: Array<MeasureRow | { heading: number; name: string }> = [];
    let last: number | undefined;
    for (const r of visible) {
      if (counts.size > 1 && r.objectId !== last) items.push({ heading: r.objectId, name: r.objectName });
      last = r.objectId;
      items.push(r);
    }
    render(
      repeat(
        items,
        (i) => ('heading' in i ? `object-${i.heading}` : this.keyOf(i)),
        (i) => ('heading' in i ? objectHeading(i.name, counts.get(i.heading)!) : measureRow(i, state)),
      ),
      this.#el('#measure-rows'),
    );
    this.announce(`Näidatakse ${visible.length} meedet ${this.rows.length}-st.`);
  }

  announce(text: string): void {
    this.#el('#load-status').textContent = text;
  }

  replace(row: Partial<MeasureRow> & { measureId: string; objectId: number }): void {
    const i = this.rows.findIndex((r) => r.measureId === row.measureId && r.objectId === row.objectId);
    if (i >= 0) this.rows[i] = { ...this.rows[i]!, ...row };
  }

  #toggleEditor(id: string): void {
    this.#showConflict(null);
    this.#editing = this.#editing === id ? null : id;
    this.render();
  }

  #closeEditor(): void {
    const id = this.#editing;
    this.#editing = null;
    this.#showConflict(null);
    this.render();
    if (id) this.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(id)}"]`)?.focus();
  }

  #saved(record: MeasureRecord): void {
    this.replace(record);
    this.#closeEditor();
    this.announce(`Salvestatud: ${record.measureId} on nüüd „${statusLabel(record.status)}“.`);
  }

  #showConflict(c: ConflictDetail | null): void {
    const box = this.#el('#conflict');
    if (!c) {
      render(nothing, box);
      return;
    }
    render(conflictView(c, { overwrite: () => void this.#overwrite(c), keep: () => this.#closeEditor() }), box);
  }

  #conflict(c: ConflictDetail): void {
    this.replace(c.current);
    this.render();
    this.#showConflict(c);
    this.#el<HTMLButtonElement>('#conflict [data-overwrite]').focus();
  }

  async #overwrite(c: ConflictDetail): Promise<void> {
    const result = await saveMeasure(this.ehak, c.current.measureId, c.mine, c.current.version, c.current.objectId);
    if (result.ok) return this.#saved(result.record);
    if ('conflict' in result) return this.#conflict({ original: c.current, mine: c.mine, current: result.conflict });
    this.announce(`Salvestamine ebaõnnestus: ${result.message}`);
  }
}

if (!customElements.get('tv-measure-table')) customElements.define('tv-measure-table', MeasureTable);
