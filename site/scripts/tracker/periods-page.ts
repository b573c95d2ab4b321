// <tv-periods>: ELVL's reporting periods. Lists the periods, opens one (periods.manage), and shows a
// period's 79 municipalities (state, late, frozen implemented share) with a state filter and the
// difference in implemented share against another period or the current overview. The period shown
// is kept in ?periood=<id>.
import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { hasPermission } from '../../../api/auth/rules.ts';
import { PERIOD_STATE_LABELS, type Period, type PeriodCompare, type PeriodCompareRow, type PeriodKov, type PeriodState, type PeriodSummary } from '../../../api/contracts/periods.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { formatDate, formatPercent, parseDate } from '../lib/format.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { compareCells, compareSummary } from './period-compare.ts';
import { trackerUrl } from './vocabulary.ts';

const STATES = Object.keys(PERIOD_STATE_LABELS) as PeriodState[];

class PeriodsPage extends HTMLElement {
  #started = false;
  #periods: PeriodSummary[] = [];
  #current: Period | null = null;
  #compare: PeriodCompare | null = null;
  #compareRows = new Map<string, PeriodCompareRow>();
  #manage = false;

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#el('period-form').addEventListener('submit', (e) => void this.#open(e));
    this.#el('reopen-form').addEventListener('submit', (e) => void this.#reopen(e));
    const filters = this.#el<HTMLFormElement>('period-filters');
    filters.addEventListener('submit', (e) => e.preventDefault());
    this.#el('f-state').addEventListener('change', () => this.#drawKovs());
    this.#el('f-compare').addEventListener('change', () => void this.#loadCompare());
    void loadWithRetry(this.querySelector<HTMLElement>('[data-load]')!, () => this.#load());
  }

  async #load(): Promise<void> {
    const [me, periods] = await Promise.all([fetchMe(), apiFetch<PeriodSummary[]>('/api/reporting-periods')]);
    this.#manage = hasPermission(me, 'periods.manage');
    this.#el('period-form').hidden = !this.#manage;
    this.#periods = periods;
    this.#drawList();
    this.#el('periods').hidden = false;
    const wanted = Number(new URLSearchParams(window.location.search).get('periood'));
    const id = periods.some((p) => p.id === wanted) ? wanted : periods[0]?.id;
    if (id !== undefined) await this.#show(id);
  }

  #drawList(): void {
    this.#el('period-empty').hidden = this.#periods.length > 0;
    this.#el('period-list').hidden = this.#periods.length === 0;
    const submitted = (p: PeriodSummary) => p.counts.submitted + p.counts.confirmed + p.counts.audited;
    render(
      repeat(
        this.#periods,
        (p) => p.id,
        (p) => html`<tr>
          <td data-label="Periood"><a href=${`?periood=${p.id}`} aria-current=${this.#current?.id === p.id ? 'true' : nothing} @click=${(e: Event) => this.#go(e, p.id)}>${p.name}</a>${p.closedAt ? ' (suletud)' : ''}</td>
          <td data-label="Tähtaeg">${formatDate(p.deadline)}</td>
          <td data-label="Esitanud">${submitted(p)} / ${STATES.reduce((s, k) => s + p.counts[k], 0)}</td>
          <td data-label="Hilinenud">${p.late}</td>
        </tr>`,
      ),
      this.#el('period-rows'),
    );
  }

  #go(e: Event, id: number): void {
    e.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('periood', String(id));
    history.pushState(history.state, '', url);
    void this.#show(id);
  }

  async #show(id: number): Promise<void> {
    this.#current = await apiFetch<Period>(`/api/reporting-periods/${id}`);
    const p = this.#current;
    this.#el('period-title').textContent = `Periood: ${p.name}`;
    const submitted = p.counts.submitted + p.counts.confirmed + p.counts.audited;
    this.#el('period-summary').textContent = `Esitamise tähtaeg ${formatDate(p.deadline)}. Esitanud ${submitted} omavalitsust ${p.kovs.length}-st, neist kinnitatud ${p.counts.confirmed + p.counts.audited}; hilinenud ${p.late}.`;
    render(
      html`<li><a class="button button--secondary" href=${`/api/reporting-periods/${p.id}/report.xlsx`} download>Ministeeriumi aruanne (XLSX)</a></li>
        <li><a class="button button--secondary" href=${`/api/reporting-periods/${p.id}/report.csv`} download>Ministeeriumi aruanne (CSV)</a></li>
        <li><a class="button button--secondary" href=${`/api/reporting-periods/${p.id}/report.json`} download>Ministeeriumi aruanne (JSON)</a></li>`,
      this.#el('period-downloads'),
    );
    const compare = this.#el<HTMLSelectElement>('f-compare');
    render(
      html`<option value="">Ei võrdle</option><option value="now">Praeguse seisuga</option>${this.#periods
          .filter((o) => o.id !== p.id)
          .map((o) => html`<option value=${String(o.id)}>Perioodiga ${o.name}</option>`)}`,
      compare,
    );
    compare.value = '';
    this.#compare = null;
    this.#compareRows.clear();
    this.#el('period-compare').hidden = true;
    this.#drawList();
    this.#el('period-detail').hidden = false;
    this.#drawKovs();
  }

  async #loadCompare(): Promise<void> {
    const p = this.#current;
    const value = this.#el<HTMLSelectElement>('f-compare').value;
    this.#compare = null;
    this.#compareRows.clear();
    if (p && value) {
      this.#compare = await apiFetch<PeriodCompare>(`/api/reporting-periods/${p.id}/compare?with=${encodeURIComponent(value)}`);
      for (const r of this.#compare.kovs) this.#compareRows.set(r.ehak, r);
    }
    const box = this.#el('period-compare');
    box.hidden = !this.#compare;
    render(this.#compare ? compareSummary(this.#compare) : nothing, box);
    this.#drawKovs();
  }

  #drawKovs(): void {
    const p = this.#current;
    if (!p) return;
    const state = this.#el<HTMLSelectElement>('f-state').value;
    const comparing = this.#compare !== null;
    const withPeriod = this.#compare?.with.kind === 'period';
    const rows = p.kovs.filter((k) => !state || k.state === state);
    render(
      html`<tr>
        <th scope="col">Omavalitsus</th><th scope="col">Olek</th><th scope="col">Hilinenud</th><th scope="col">Esitatud</th><th scope="col">Rakendatud osakaal</th>
        ${comparing
          ? html`${withPeriod ? html`<th scope="col">Olek võrreldavas</th>` : nothing}<th scope="col">Võrreldav osakaal</th><th scope="col">Vahe (osakaal)</th><th scope="col">Vahe (rakendatud)</th>`
          : nothing}
      </tr>`,
      this.#el('period-kovs-head'),
    );
    render(
      repeat(
        rows,
        (k) => k.ehak,
        (k: PeriodKov) => html`<tr>
          <th scope="row"><a href=${trackerUrl.council(k.ehak, p.id)} aria-label=${`${k.name}: kokkuvõte volikogule`}>${k.name}</a></th>
          <td data-label="Olek">${PERIOD_STATE_LABELS[k.state]}</td>
          <td data-label="Hilinenud">${k.late ? 'jah' : 'ei'}</td>
          <td data-label="Esitatud">${formatDate(k.submittedAt)}</td>
          <td data-label="Rakendatud osakaal">${k.figures ? formatPercent(k.figures.implementedShare) : '–'}</td>
          ${comparing ? compareCells(this.#compareRows.get(k.ehak), withPeriod) : nothing}
        </tr>`,
      ),
      this.#el('period-kovs-body'),
    );
    this.#el('period-count').textContent = `Näidatud ${rows.length} omavalitsust ${p.kovs.length}-st.`;
    const reopenable = p.closedAt ? [] : p.kovs.filter((k) => k.state === 'submitted' || k.state === 'confirmed' || k.state === 'audited');
    this.#el('reopen-form').hidden = !this.#manage || reopenable.length === 0;
    render(
      repeat(reopenable, (k) => k.ehak, (k) => html`<option value=${k.ehak}>${k.name} (${PERIOD_STATE_LABELS[k.state].toLowerCase()})</option>`),
      this.#el('reopen-kov'),
    );
  }

  async #reopen(e: Event): Promise<void> {
    e.preventDefault();
    const p = this.#current;
    if (!p) return;
    const out = this.#el('reopen-status');
    const select = this.#el<HTMLSelectElement>('reopen-kov');
    const reasonInput = this.#el<HTMLInputElement>('reopen-reason');
    const reason = reasonInput.value.trim();
    if (!reason) return void (out.textContent = 'Kirjuta taasavamise põhjus.');
    const name = select.selectedOptions[0]?.textContent ?? '';
    try {
      await apiFetch(`/api/kovs/${select.value}/reporting-periods/${p.id}/reopen`, { method: 'POST', json: { reason } });
      reasonInput.value = '';
      await this.#show(p.id);
      out.textContent = `${name.replace(/ \(.*\)$/, '')}: esitus on taasavatud.`;
    } catch (err) {
      out.textContent = `Taasavamine ebaõnnestus: ${(err as Error).message}`;
    }
  }

  async #open(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const out = this.#el('period-form-status');
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const deadline = parseDate((form.elements.namedItem('deadline') as HTMLInputElement).value);
    if (!name) return void (out.textContent = 'Anna perioodile nimi.');
    if (!deadline) return void (out.textContent = 'Tähtaeg on kujul pp.kk.aaaa, nt 31.01.2027.');
    try {
      const { id } = await apiFetch<{ id: number }>('/api/reporting-periods', { method: 'POST', json: { name, deadline } });
      out.textContent = `Periood „${name}” on avatud.`;
      form.reset();
      this.#periods = await apiFetch<PeriodSummary[]>('/api/reporting-periods');
      await this.#show(id);
    } catch (err) {
      out.textContent = `Perioodi avamine ebaõnnestus: ${(err as Error).message}`;
    }
  }
}

if (!customElements.get('tv-periods')) customElements.define('tv-periods', PeriodsPage);
