// <tv-measure-detail>: one measure of one municipality on one target object (?object=, absent: the
// organisation object), named with the municipality and the object: current record,
// guides that help, evidence and the history of changes. Those who may change the measure edit its
// status here (<tv-status-editor>, with the table's conflict view), add evidence and remove it.
import { html, nothing, render } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { conflictView } from './conflict.ts';
import { renderEvidenceForm } from './evidence-form.ts';
import { evidence, guides, history, metaList, type MeasureLinks } from './measure-view.ts';
import { saveMeasure, type ConflictDetail } from './status-editor.ts';
import { ehakFromUrl, measureApi, objectFromUrl, statusLabel } from './vocabulary.ts';
import { announceKov } from './kov-name.ts';
import type { Evidence, HistoryEntry, MeasureRecord } from '../../../api/contracts/tracker.ts';

const loadLinks = (): Promise<MeasureLinks> =>
  fetch('/kb/measure-links.json')
    .then((r): Promise<MeasureLinks> => (r.ok ? r.json() : Promise.resolve({})))
    .catch((): MeasureLinks => ({}));

class MeasureDetail extends HTMLElement {
  #started = false;
  #id = '';
  #object: string | null = null;
  #ehak = '';
  #canWrite = false;
  #editing = false;
  #links: MeasureLinks = {};

  #el(id: string): HTMLElement {
    return this.querySelector<HTMLElement>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const box = this.querySelector<HTMLElement>('[data-load]')!;
    const ehak = ehakFromUrl();
    const id = new URLSearchParams(window.location.search).get('id');
    if (!ehak || !id) {
      render(html`<p>Meede on valimata. <a href="/jalgimine/">Alusta jälgimise lehelt</a>.</p>`, box);
      return;
    }
    this.#ehak = ehak;
    this.#id = id;
    this.#object = objectFromUrl();
    // Back to the list of the same object's measures.
    if (this.#object) {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-kov-link][href^="/jalgimine/meetmed/"]')) {
        const url = new URL(a.href, window.location.origin);
        url.searchParams.set('object', this.#object);
        a.href = url.pathname + url.search;
      }
    }
    this.addEventListener('tv-saved', (e) => void this.#saved((e as CustomEvent<MeasureRecord>).detail));
    this.addEventListener('tv-cancel', () => this.#closeEditor());
    this.addEventListener('tv-conflict', (e) => this.#conflict((e as CustomEvent<ConflictDetail>).detail));
    void loadWithRetry(box, () => this.#load(), { notFound: 'Seda meedet ei leitud või sul pole sellele ligipääsu.' });
  }

  async #load(): Promise<void> {
    const [me, kovName, links] = await Promise.all([fetchMe(), announceKov(this, this.#ehak), loadLinks()]);
    this.#links = links;
    this.#canWrite = !!me && canWriteKov(me, this.#ehak);
    const m = await this.#refresh();
    if (kovName) render(html`Omavalitsus: <strong>${kovName}</strong>`, this.#el('measure-kov'));
    // The object is named whenever the page addresses one (the organisation object's page stays as it was).
    const heading = `${m.measureId} ${m.title}${this.#object ? ` · ${m.objectName}` : ''}`;
    document.title = `${heading}${kovName ? ` – ${kovName}` : ''} – Turvarada`;
    document.getElementById('page-title')!.textContent = heading;
    const crumb = document.getElementById('crumb-measure');
    if (crumb) crumb.textContent = m.measureId;
    if (this.#canWrite) renderEvidenceForm(this.#el('evidence-add'), this.#api, () => this.#refresh().then(() => undefined));
    this.#el('measure').hidden = false;
  }

  /** The measure's API address on the page's object, with a tail such as '/history'. */
  readonly #api = (tail = ''): string => measureApi(this.#ehak, this.#id, this.#object, tail);

  /** Reads the record and history again and renders them. */
  async #refresh(): Promise<MeasureRecord> {
    const [m, entries] = await Promise.all([apiFetch<MeasureRecord>(this.#api()), apiFetch<HistoryEntry[]>(this.#api('/history'))]);
    render(metaList(m), this.#el('measure-meta'));
    render(guides(this.#links[m.measureId] ?? []), this.#el('guides'));
    render(evidence(m, this.#api, this.#canWrite ? (e) => void this.#remove(e) : undefined), this.#el('evidence'));
    render(history(entries), this.#el('history'));
    this.#renderEdit(m.measureId);
    return m;
  }

  #renderEdit(measureId: string): void {
    if (!this.#canWrite) return;
    render(
      html`<button type="button" class="button button--secondary" id="measure-edit-toggle" aria-expanded=${this.#editing ? 'true' : 'false'} @click=${() => this.#toggle(measureId)}>Muuda seisu</button>
        ${this.#editing ? html`<div class="measure-editor"><tv-status-editor ehak=${this.#ehak} measure=${measureId} object=${this.#object ?? nothing}></tv-status-editor></div>` : nothing}`,
      this.#el('measure-edit'),
    );
  }

  #toggle(measureId: string): void {
    this.#editing = !this.#editing;
    render(nothing, this.#el('conflict'));
    this.#renderEdit(measureId);
  }

  #closeEditor(): void {
    this.#editing = false;
    render(nothing, this.#el('conflict'));
    const id = new URLSearchParams(window.location.search).get('id') ?? '';
    this.#renderEdit(id);
    this.querySelector<HTMLElement>('#measure-edit-toggle')?.focus();
  }

  async #saved(record: MeasureRecord): Promise<void> {
    this.#editing = false;
    render(nothing, this.#el('conflict'));
    await this.#refresh();
    this.#say(`Salvestatud: ${record.measureId} on nüüd „${statusLabel(record.status)}“.`);
    this.querySelector<HTMLElement>('#measure-edit-toggle')?.focus();
  }

  #conflict(c: ConflictDetail): void {
    render(conflictView(c, { overwrite: () => void this.#overwrite(c), keep: () => void this.#keep() }), this.#el('conflict'));
    this.querySelector<HTMLButtonElement>('#conflict [data-overwrite]')?.focus();
  }

  async #overwrite(c: ConflictDetail): Promise<void> {
    const result = await saveMeasure(this.#ehak, c.current.measureId, c.mine, c.current.version, this.#object);
    if (result.ok) return this.#saved(result.record);
    if ('conflict' in result) return this.#conflict({ original: c.current, mine: c.mine, current: result.conflict });
    this.#say(`Salvestamine ebaõnnestus: ${result.message}`);
  }

  /** Keeps the other person's change: closes the editor and shows the record as it is now. */
  async #keep(): Promise<void> {
    this.#editing = false;
    render(nothing, this.#el('conflict'));
    await this.#refresh();
    this.querySelector<HTMLElement>('#measure-edit-toggle')?.focus();
  }

  async #remove(e: Evidence): Promise<void> {
    try {
      await apiFetch(this.#api(`/evidence/${e.id}`), { method: 'DELETE' });
      await this.#refresh();
      this.#say('Tõend eemaldatud. See jääb muudatuste ajalukku.');
    } catch (err) {
      this.#say(`Tõendit ei eemaldatud: ${(err as Error).message}`);
    }
  }

  #say(text: string): void {
    this.#el('measure-status').textContent = text;
  }
}

if (!customElements.get('tv-measure-detail')) customElements.define('tv-measure-detail', MeasureDetail);
