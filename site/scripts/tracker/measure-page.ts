// <tv-measure-detail>: one measure of one municipality: current record, guides that help, evidence
// (a specialist adds more) and the history of changes.
import { html, render } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { setupEvidenceForm } from './evidence-form.ts';
import { evidence, guides, history, metaList, type MeasureLinks } from './measure-view.ts';
import { ehakFromUrl, trackerUrl } from './vocabulary.ts';
import type { HistoryEntry, MeasureRecord } from '../../../api/contracts/tracker.ts';

const loadLinks = (): Promise<MeasureLinks> =>
  fetch('/kb/measure-links.json')
    .then((r): Promise<MeasureLinks> => (r.ok ? r.json() : Promise.resolve({})))
    .catch((): MeasureLinks => ({}));

class MeasureDetail extends HTMLElement {
  #started = false;

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
    void apiFetch<Array<{ ehak: string; name: string }>>('/api/kovs')
      .then((kovs) => {
        const kov = kovs.find((k) => k.ehak === ehak);
        if (kov) this.dispatchEvent(new CustomEvent('tv-kov', { detail: kov, bubbles: true }));
      })
      .catch(() => undefined);
    void loadWithRetry(box, () => this.#load(ehak, id), { notFound: 'Seda meedet ei leitud või sul pole sellele ligipääsu.' });
  }

  async #load(ehak: string, id: string): Promise<void> {
    const base = `/api/kovs/${ehak}/measures/${encodeURIComponent(id)}`;
    const [m, entries, links, me] = await Promise.all([apiFetch<MeasureRecord>(base), apiFetch<HistoryEntry[]>(`${base}/history`), loadLinks(), fetchMe()]);
    document.title = `${m.measureId} ${m.title} – Turvarada`;
    document.getElementById('page-title')!.textContent = `${m.measureId} ${m.title}`;
    const crumb = document.getElementById('crumb-measure');
    if (crumb) crumb.textContent = m.measureId;
    render(metaList(m), this.#el('measure-meta'));
    render(guides(links[m.measureId] ?? []), this.#el('guides'));
    render(evidence(m, base), this.#el('evidence'));
    render(history(entries), this.#el('history'));
    if (me && canWriteKov(me, ehak)) {
      const edit = this.#el('measure-edit');
      render(html`<a class="button button--secondary" href=${trackerUrl.measures(ehak, { q: m.measureId })}>Muuda seisu meetmete tabelis</a>`, edit);
      edit.hidden = false;
      setupEvidenceForm(this, base, () => window.location.reload());
    }
    this.#el('measure').hidden = false;
  }
}

if (!customElements.get('tv-measure-detail')) customElements.define('tv-measure-detail', MeasureDetail);
