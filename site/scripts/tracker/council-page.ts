// <tv-council>: a reporting period on one page for the municipality's council. Everything shown comes
// from the municipality's row in the period (state, dates, conclusion, the figures frozen at
// submission), so the page says what the ministry's report says. ?ehak=<code>&periood=<id>.
import { html, nothing, render } from 'lit-html';
import { CLASS_PLURAL, STATUS_LABELS, STATUSES } from '../../../api/contracts/labels.ts';
import { CONCLUSION_LABELS, PERIOD_STATE_LABELS, type KovPeriod, type PeriodFigures } from '../../../api/contracts/periods.ts';
import { CLASSES } from '../../../api/contracts/tracker.ts';
import { apiFetch } from '../lib/api.ts';
import { barChart } from '../lib/charts.ts';
import { formatDate, formatDateTime, formatPercent } from '../lib/format.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { ehakFromUrl, trackerUrl } from './vocabulary.ts';

type History = KovPeriod['history'];

/** Who took a step and when: the newest history row that reached that state. */
function stepOf(history: History, to: string, at: string | null): string {
  if (!at) return '–';
  const h = [...history].reverse().find((x) => x.to === to);
  return h?.by ? `${formatDateTime(at)}, ${h.by.name}` : formatDateTime(at);
}

function figuresView(f: PeriodFigures) {
  const chart = barChart({
    title: 'Rakendatud osakaal esitamise hetkel',
    data: [{ label: 'Kõik meetmed', values: [f.implementedShare ?? 0] }, ...CLASSES.filter((c) => f.byClass[c].total > 0).map((c) => ({ label: CLASS_PLURAL[c], values: [f.byClass[c].share ?? 0] }))],
    max: 1,
    format: (n) => formatPercent(n),
  });
  return html`<dl class="council__figures" data-figures>
      <div><dt>Meetmeid ulatuses</dt><dd data-figure="total">${f.total}</dd></div>
      <div><dt>Asjakohaseid</dt><dd data-figure="applicable">${f.applicable}</dd></div>
      <div><dt>Rakendatud</dt><dd data-figure="implemented">${f.implemented}</dd></div>
      <div><dt>Rakendatud osakaal</dt><dd data-figure="implementedShare">${formatPercent(f.implementedShare, 1)}</dd></div>
      <div><dt>Neist ühisteenusena</dt><dd data-figure="sharedServiceImplemented">${f.sharedServiceImplemented}</dd></div>
    </dl>
    <figure class="chart-figure">${chart}</figure>
    <table class="council__table card-table">
      <caption>Meetmed klasside kaupa</caption>
      <thead><tr><th scope="col">Klass</th><th scope="col">Meetmeid</th><th scope="col">Rakendatud</th><th scope="col">Osakaal</th></tr></thead>
      <tbody>
        ${CLASSES.filter((c) => f.byClass[c].total > 0).map(
          (c) => html`<tr data-class=${c}>
            <th scope="row">${CLASS_PLURAL[c]}</th><td data-label="Meetmeid">${f.byClass[c].total}</td><td data-label="Rakendatud">${f.byClass[c].implemented}</td><td data-label="Osakaal">${formatPercent(f.byClass[c].share, 1)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p>Olekud: ${STATUSES.filter((s) => f.byStatus[s].count > 0).map((s, i) => html`${i ? '; ' : ''}${STATUS_LABELS[s]} ${f.byStatus[s].count}`)}.</p>`;
}

class CouncilPage extends HTMLElement {
  #started = false;

  #el(id: string): HTMLElement {
    return this.querySelector<HTMLElement>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#el('council-print').addEventListener('click', () => window.print());
    const box = this.querySelector<HTMLElement>('[data-load]')!;
    const ehak = ehakFromUrl();
    const id = new URLSearchParams(window.location.search).get('periood');
    if (!ehak || !id || !/^[1-9]\d{0,9}$/.test(id)) {
      // A bare link has nothing to load: say where the summaries are instead of offering a retry.
      render(html`<p>Aadressis puudub omavalitsus või periood. Kokkuvõtte leiad <a href="/jalgimine/perioodid/">aruandeperioodide lehelt</a> või omavalitsuse töölaualt.</p>`, box);
      return;
    }
    void loadWithRetry(box, () => this.#load(ehak, id), { notFound: 'Seda perioodi või omavalitsust ei leitud või sul pole sellele ligipääsu.' });
  }

  async #load(ehak: string, id: string): Promise<void> {
    const data = await apiFetch<KovPeriod>(`/api/kovs/${ehak}/reporting-periods/${id}`);
    const p = data.period!;
    const k = data.kov!;
    document.title = `${k.name}: ${p.name} – kokkuvõte volikogule – Turvarada`;
    this.#el('council-title').textContent = `${k.name}: E-ITS rakendamise seis, periood ${p.name}`;
    const crumb = document.querySelector<HTMLAnchorElement>('[data-kov-link]');
    if (crumb) {
      crumb.href = trackerUrl.dashboard(ehak);
      crumb.textContent = k.name;
    }
    render(html`Kokkuvõte volikogule. Esitamise tähtaeg oli ${formatDate(p.deadline)}.`, this.#el('council-lead'));
    render(
      html`<div><dt>Olek</dt><dd data-council-state>${PERIOD_STATE_LABELS[k.state]}${k.late ? ' (hilinenud)' : nothing}</dd></div>
        <div><dt>Esitatud</dt><dd>${stepOf(data.history, 'submitted', k.submittedAt)}</dd></div>
        <div><dt>Kinnitanud omavalitsuse juht</dt><dd>${stepOf(data.history, 'confirmed', k.confirmedAt)}</dd></div>
        <div><dt>Audiitori järeldus</dt><dd>${k.conclusion ? html`${CONCLUSION_LABELS[k.conclusion]} (${stepOf(data.history, 'audited', k.auditedAt)})${k.remarks ? html`. Märkused: ${k.remarks}` : nothing}` : '–'}</dd></div>`,
      this.#el('council-facts'),
    );
    render(k.figures ? figuresView(k.figures) : html`<p>Omavalitsus ei ole selles perioodis oma arve veel esitanud.</p>`, this.#el('council-figures'));
    this.#el('council').hidden = false;
  }
}

if (!customElements.get('tv-council')) customElements.define('tv-council', CouncilPage);
