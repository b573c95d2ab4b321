// <tv-dashboard>: one municipality's progress: key figures (each opens the list it counts), status
// donut, module-group bars against the peer median, trend, next steps, the objects whose risk analysis
// is missing or incomplete, tables and downloads.
import { render } from 'lit-html';
import { apiFetch } from '../lib/api.ts';
import { formatPercent } from '../lib/format.ts';
import { benchmark, charts, downloads, keyFigures, nextSteps, tables, type DashboardData } from './dashboard-view.ts';
import { setupScopeForm } from './scope-form.ts';
import { APPROACH_LABELS, trackerUrl } from './vocabulary.ts';
import { announceKov } from './kov-name.ts';
import type { Approach } from '../../../api/contracts/labels.ts';
import type { KovProgress as Progress } from '../../../api/contracts/progress.ts';
import type { Benchmark } from '../../../api/contracts/reports.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';
import { startKovPage } from './kov-page.ts';
import { riskStateList } from './risk-view.ts';
import type { RiskAnalysisSummary } from '../../../api/contracts/risks.ts';

class Dashboard extends HTMLElement {
  #started = false;

  #el(id: string): HTMLElement {
    return this.querySelector<HTMLElement>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    startKovPage(this, 'Laadin andmeid…', (ehak) => {
      // The name has its own request, so the heading names the municipality even when the figures fail.
      void announceKov(this, ehak);
      return this.#load(ehak);
    });
  }

  async #load(ehak: string): Promise<void> {
    const [progress, bench, rows, risks] = await Promise.all([
      apiFetch<Progress>(`/api/kovs/${ehak}/progress`),
      apiFetch<Benchmark>(`/api/kovs/${ehak}/benchmark`).catch(() => null),
      apiFetch<MeasureRow[]>(`/api/kovs/${ehak}/measures`),
      apiFetch<RiskAnalysisSummary[]>(`/api/kovs/${ehak}/risk-analyses`),
    ]);
    this.#render({ progress, bench, rows });
    render(riskStateList(ehak, risks), this.#el('risk-states'));
    this.#el('dashboard').hidden = false;
    setupScopeForm(this, ehak, () => window.location.reload()).catch((err: unknown) => {
      this.#el('scope-summary').textContent = `Ulatust ei õnnestunud laadida: ${(err as Error).message}`;
    });
  }

  #render(data: DashboardData): void {
    const p = data.progress;
    this.#el('summary').textContent = `Kataloog E-ITS ${p.edition}, ${APPROACH_LABELS[p.approach as Approach] ?? p.approach}, ${p.total} meedet. Rakendatud ${formatPercent(p.implementedShare)}.`;
    render(keyFigures(data), this.#el('key-figures'));
    const c = charts(data);
    render(c.status, this.#el('chart-status'));
    render(c.groups, this.#el('chart-groups'));
    render(c.trend, this.#el('chart-trend'));
    render(nextSteps(p), this.#el('next-steps'));
    (this.#el('all-open') as HTMLAnchorElement).href = trackerUrl.measures(p.ehak, { status: 'open' });
    render(benchmark(data.bench), this.#el('benchmark'));
    render(tables(data), this.#el('tables'));
    render(downloads(p.ehak), this.#el('downloads'));
  }
}

if (!customElements.get('tv-dashboard')) customElements.define('tv-dashboard', Dashboard);
