// <tv-modelling>: loads the municipality's modelling report and renders its parts.
import { render } from 'lit-html';
import type { ModellingReport } from '../../../api/contracts/modelling.ts';
import { apiFetch } from '../lib/api.ts';
import { announceKov } from './kov-name.ts';
import { gaps, matrix, objects } from './modelling-view.ts';
import { riskStateList } from './risk-view.ts';
import { startKovPage } from './kov-page.ts';

class ModellingPage extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    startKovPage(this, 'Laadin modelleerimist…', (ehak) => this.#load(ehak));
  }

  async #load(ehak: string): Promise<void> {
    const [report] = await Promise.all([apiFetch<ModellingReport>(`/api/kovs/${ehak}/modelling-report`), announceKov(this, ehak)]);
    const part = (id: string) => this.querySelector<HTMLElement>(`#${id}`)!;
    part('modelling-xlsx').setAttribute('href', `/api/kovs/${ehak}/exports/modelling.xlsx`);
    render(gaps(ehak, report), part('modelling-gaps'));
    render(matrix(report), part('modelling-matrix'));
    render(objects(report), part('modelling-objects'));
    render(riskStateList(ehak, report.riskAnalyses), part('modelling-risks'));
    part('modelling').hidden = false;
  }
}

customElements.define('tv-modelling', ModellingPage);
