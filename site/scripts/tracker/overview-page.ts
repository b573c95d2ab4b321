// <tv-overview>: ELVL's view of all 79 municipalities: sortable heatmap, centrally delivered
// measures (solution models delivered to municipalities as a whole) and freezing a reporting period.
import { hasPermission } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { formatPercent } from '../lib/format.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { html, render } from 'lit-html';
import { renderHeatmap, type Sort, type SortKey } from './heatmap.ts';
import { counties, heatmapFiltersFromUrl, matchesHeatmap, urlWithHeatmapFilters, validFilters, type HeatmapFilters } from './heatmap-filters.ts';
import { renderCentralModels } from './central-models.ts';
import type { SolutionModel } from '../../../api/contracts/solutions.ts';
import type { Overview } from '../../../api/contracts/reports.ts';

class OverviewPage extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.querySelector('#snapshot-form')!.addEventListener('submit', (e) => void this.#freeze(e));
    void loadWithRetry(this.querySelector<HTMLElement>('[data-load]')!, () => this.#load());
  }

  async #load(): Promise<void> {
    const [me, data, models] = await Promise.all([fetchMe(), apiFetch<Overview>('/api/reports/overview'), apiFetch<SolutionModel[]>('/api/solution-models')]);
    this.querySelector('#median')!.textContent = `${data.rows.length} omavalitsust; rakendatud meetmete osakaalu mediaan ${formatPercent(data.median.implementedShare)}.`;
    const table = this.querySelector<HTMLTableElement>('#heatmap')!;
    const form = this.querySelector<HTMLFormElement>('#heatmap-filters')!;
    const county = form.elements.namedItem('maakond') as HTMLSelectElement;
    const type = form.elements.namedItem('tyyp') as HTMLSelectElement;
    render(html`<option value="">Kõik maakonnad</option>${counties(data.rows).map((c) => html`<option value=${c}>${c}</option>`)}`, county);
    let filters: HeatmapFilters = validFilters(heatmapFiltersFromUrl(window.location.search), data.rows);
    county.value = filters.maakond;
    type.value = filters.tyyp;
    const sort: Sort = { key: 'implementedShare', dir: -1 };
    const draw = () => {
      const rows = data.rows.filter((r) => matchesHeatmap(r, filters));
      renderHeatmap(table, { ...data, rows }, sort, onSort);
      this.querySelector('#heatmap-count')!.textContent = `Näidatud ${rows.length} omavalitsust ${data.rows.length}-st.`;
    };
    const onSort = (key: SortKey) => {
      sort.dir = sort.key === key ? (sort.dir === 1 ? -1 : 1) : key === 'name' ? 1 : -1;
      sort.key = key;
      draw();
    };
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', () => {
      filters = { maakond: county.value, tyyp: type.value };
      history.replaceState(history.state, '', urlWithHeatmapFilters(window.location, filters));
      draw();
    });
    draw();
    this.querySelector<HTMLElement>('#snapshot-section')!.hidden = !hasPermission(me, 'reports.snapshot');
    renderCentralModels(this, models);
    this.querySelector<HTMLElement>('#overview')!.hidden = false;
  }

  async #freeze(e: Event): Promise<void> {
    e.preventDefault();
    const period = this.querySelector<HTMLInputElement>('#snapshot-period')!.value.trim();
    const out = this.querySelector<HTMLElement>('#snapshot-status')!;
    try {
      await apiFetch('/api/reports/snapshots', { method: 'POST', json: { period } });
      out.textContent = `Periood ${period} on külmutatud.`;
    } catch (err) {
      out.textContent = `Külmutamine ebaõnnestus: ${(err as Error).message}`;
    }
  }
}

if (!customElements.get('tv-overview')) customElements.define('tv-overview', OverviewPage);
