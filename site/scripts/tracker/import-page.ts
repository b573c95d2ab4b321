// <tv-import>: upload a status sheet, map its columns when the server does not recognise the format,
// see the preview, apply it and, if need be, undo it. The server decides everything; this page only
// sends the file (and the mapping) and shows the answer.
import { html, nothing, render } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import type { ImportMapping, ImportPreview } from '../../../api/contracts/imports.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { importButtons, runImportAction } from './import-actions.ts';
import { previewView } from './import-view.ts';
import { announceKov } from './kov-name.ts';
import { STATUS_LABELS } from './vocabulary.ts';
import { startKovPage } from './kov-page.ts';

const COLUMNS = [
  { key: 'id', label: 'Meetme tähis (kohustuslik)' },
  { key: 'status', label: 'Seis' },
  { key: 'owner', label: 'Vastutaja' },
  { key: 'dueDate', label: 'Tähtaeg' },
  { key: 'justification', label: 'Põhjendus' },
] as const;
/** Statuses a sheet's own words may stand for (the usual Estonian words are known already). */
const WORD_STATUSES = ['implemented', 'partial', 'not_implemented', 'not_applicable'] as const;

class ImportPage extends HTMLElement {
  #ehak = '';
  #columns: string[] | null = null;
  #preview: ImportPreview | null = null;
  #busy = false;

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#ehak) return;
    startKovPage(this, 'Laadin…', (ehak) => {
      this.#ehak = ehak;
      return this.#load();
    });
  }

  async #load(): Promise<void> {
    // The saved mapping is not shown, but asking for it answers 404 for a municipality the user may not see.
    const [me] = await Promise.all([fetchMe(), apiFetch(`/api/kovs/${this.#ehak}/import-mapping`), announceKov(this, this.#ehak)]);
    this.#el('import').hidden = false;
    if (!me || !canWriteKov(me, this.#ehak)) {
      this.#el('upload-form').hidden = true;
      this.#say('Sul on selle omavalitsuse andmetele ainult lugemisõigus: importida ei saa.');
      return;
    }
    this.#el<HTMLFormElement>('upload-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#upload();
    });
  }

  #say(text: string): void {
    this.#el('import-status').textContent = text;
  }

  #mapping(): { mapping: ImportMapping; save: boolean } | null {
    if (!this.#columns) return null;
    const form = this.#el<HTMLFormElement>('upload-form');
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';
    const mapping: Record<string, unknown> = {};
    for (const c of COLUMNS) if (value(`map-${c.key}`)) mapping[c.key] = value(`map-${c.key}`);
    const words: Record<string, string> = {};
    for (const s of WORD_STATUSES) for (const w of value(`words-${s}`).split(',').map((x) => x.trim()).filter(Boolean)) words[w] = s;
    if (Object.keys(words).length) mapping['statusWords'] = words;
    return { mapping: mapping as ImportMapping, save: (form.elements.namedItem('save-mapping') as HTMLInputElement).checked };
  }

  async #upload(): Promise<void> {
    const file = this.#el<HTMLInputElement>('import-file').files?.[0];
    if (!file) {
      this.#say('Vali fail.');
      this.#el('import-file').focus();
      return;
    }
    const body = new FormData();
    body.set('file', file);
    const m = this.#mapping();
    if (m) {
      body.set('mapping', JSON.stringify(m.mapping));
      if (m.save) body.set('saveMapping', 'true');
    }
    this.#say('Loen faili…');
    try {
      this.#preview = await apiFetch<ImportPreview>(`/api/kovs/${this.#ehak}/imports`, { method: 'POST', body });
      this.#say('Eelvaade on valmis. Midagi pole veel muudetud.');
      this.#renderPreview();
      this.#el('preview-title').focus();
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err;
      const details = err.details as { columns?: string[] } | undefined;
      if (details?.columns) {
        this.#columns = details.columns;
        this.#renderMapping();
        this.#el('map-id').focus();
      }
      this.#say(err.message);
    }
  }

  #renderMapping(): void {
    const columns = this.#columns ?? [];
    const select = (key: string, label: string) => html`<div class="field">
      <label for=${`map-${key}`}>${label}</label>
      <select id=${`map-${key}`} name=${`map-${key}`}>
        <option value="">${key === 'id' ? 'Vali veerg' : 'Pole'}</option>
        ${columns.map((c) => html`<option value=${c}>${c}</option>`)}
      </select>
    </div>`;
    render(
      html`<fieldset>
        <legend>Millises veerus on mis?</legend>
        <div class="mapping-grid">${COLUMNS.map((c) => select(c.key, c.label))}</div>
        <p class="hint">Sõnad jah, ei, osaliselt, ei rakendata, plaanis ja Turvarada seisude nimed on juba tuttavad. Lisa komadega eraldatult oma tabeli sõnad:</p>
        <div class="mapping-grid">
          ${WORD_STATUSES.map((s) => html`<div class="field"><label for=${`words-${s}`}>„${STATUS_LABELS[s]}”</label><input id=${`words-${s}`} name=${`words-${s}`} type="text" /></div>`)}
        </div>
        <div class="field"><label><input type="checkbox" name="save-mapping" /> Jäta see vastavus järgmiste failide jaoks meelde</label></div>
      </fieldset>`,
      this.#el('mapping'),
    );
  }

  #renderPreview(): void {
    const p = this.#preview;
    const box = this.#el('preview');
    box.hidden = !p;
    if (!p) {
      render(nothing, box);
      return;
    }
    render(
      html`${previewView(p)}${importButtons({ preview: p, busy: this.#busy }, { apply: () => void this.#act('apply'), undo: () => void this.#act('undo') })}`,
      box,
    );
  }

  async #act(action: 'apply' | 'undo'): Promise<void> {
    if (!this.#preview) return;
    this.#busy = true;
    this.#renderPreview();
    const { message, state } = await runImportAction(this.#ehak, this.#preview, action);
    this.#preview = { ...this.#preview, state };
    this.#busy = false;
    this.#say(message);
    this.#renderPreview();
  }
}

customElements.define('tv-import', ImportPage);
