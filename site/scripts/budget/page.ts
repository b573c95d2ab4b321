// <tv-budget>: loads the plans the signed-in admin or analyst may see and renders the report, plan vs
// actual, cost entry, business-panel dates and exports for the selected plan.
import { html, render, type TemplateResult } from 'lit-html';
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import { formatDate, parseDate } from '../lib/format.ts';
import { loadErrorView } from '../lib/load-error.ts';
import { CostEditor } from './costs.ts';
import { errorText, panels, showErrors } from './forms.ts';
import { costHistory } from './history.ts';
import { ministryReport } from './ministry.ts';
import { actuals, execution, inconsistencies, planTable, totals } from './render.ts';
import { comparison, type Comparison } from './review.ts';
import type { ActualCost, Execution, Money, PlanReport, PlanSummary } from '../../../api/contracts/budget.ts';
import type { ActualHistoryEntry } from '../../../api/contracts/budget-history.ts';
import type { MinistryReport } from '../../../api/contracts/budget-ministry.ts';
import { navigate } from '../lib/navigate.ts';

const notice = (kind: 'info' | 'warning' | 'success' | 'error', text: string | TemplateResult) =>
  html`<p class=${kind === 'info' ? 'notice' : `notice notice--${kind}`}>${text}</p>`;

class BudgetPage extends HTMLElement {
  #planId = 0;
  #plans: PlanSummary[] = [];
  #started = false;
  #costs: CostEditor | null = null;

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }
  #say(content: TemplateResult | string): void {
    render(content, this.#el('budget-status'));
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#costs = new CostEditor(this, () => this.#planId, () => this.#loadPlan(this.#planId));
    this.#el('panels').addEventListener('submit', (e) => void this.#savePanel(e));
    this.#el('declaration-form').addEventListener('submit', (e) => this.#declaration(e));
    void this.#start();
  }

  async #start(): Promise<void> {
    this.#say(html`<p>Laadin eelarvet…</p>`);
    try {
      this.#plans = await apiFetch<PlanSummary[]>('/api/budget/plans', { allowAnonymous: true });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) {
        return this.#say(notice('info', html`Eelarve on nähtav ELVL-i administraatoritele ja analüütikutele. <a href="/logi-sisse/?tagasi=/eelarve/">Logi sisse</a>.`));
      }
      if (err instanceof ApiRequestError && err.status === 403) {
        return this.#say(notice('warning', 'Sinu rollil ei ole eelarvele ligipääsu. Eelarvet näevad ELVL-i administraatorid ja analüütikud.'));
      }
      return this.#say(loadErrorView(err, () => void this.#start()));
    }
    if (this.#plans.length === 0) {
      return this.#say(notice('info', html`Eelarveplaane pole veel imporditud. Impordi plaan käsuga <code>npm run cli -- budget import --file plaan.json</code>.`));
    }
    const select = this.#el<HTMLSelectElement>('plan-select');
    const label = (p: PlanSummary) => `${p.name} – versioon ${p.version}${p.latest ? ' (viimane)' : ''}, ${formatDate(p.createdAt)}`;
    render(html`${this.#plans.map((p) => html`<option value=${p.id}>${label(p)}</option>`)}`, select);
    select.onchange = () => void this.#refresh(Number(select.value));
    this.#el('budget-app').hidden = false;
    await this.#refresh(this.#plans[0]!.id);
  }

  async #refresh(id: number): Promise<void> {
    try {
      await this.#loadPlan(id);
      this.#say('');
    } catch (err) {
      this.#say(loadErrorView(err, () => void this.#refresh(id)));
    }
  }

  async #loadPlan(id: number): Promise<void> {
    this.#planId = id;
    const base = `/api/budget/plans/${id}`;
    const [report, lines, exec, costs, ministry, history] = await Promise.all([
      apiFetch<PlanReport>(`${base}/report`),
      apiFetch<Array<{ initiative: string; year: string; account: string } & Money>>(`${base}/lines`),
      apiFetch<Execution>(`${base}/execution`),
      apiFetch<ActualCost[]>(`${base}/actuals`),
      apiFetch<MinistryReport>(`${base}/ministry-report`),
      apiFetch<ActualHistoryEntry[]>(`${base}/actual-history`),
    ]);
    const byIni = new Map<string, Array<{ year: string; account: string; money: Money }>>();
    for (const l of lines) {
      const list = byIni.get(l.initiative) ?? (byIni.set(l.initiative, []), byIni.get(l.initiative)!);
      list.push({ year: l.year, account: l.account, money: { net: l.net, vat: l.vat, gross: l.gross } });
    }
    render(inconsistencies(report.inconsistencies), this.#el('inconsistencies'));
    render(totals(report), this.#el('totals'));
    render(planTable(report, byIni), this.#el('plan-table'));
    render(execution(exec), this.#el('execution'));
    render(ministryReport(ministry), this.#el('ministry'));
    render(actuals(costs, id), this.#el('actuals'));
    render(costHistory(history, costs), this.#el('cost-history'));
    this.#costs!.costs = costs;
    this.#el<HTMLAnchorElement>('export-ministry-xlsx').href = `${base}/ministry-report.xlsx`;
    this.#el<HTMLAnchorElement>('export-ministry-csv').href = `${base}/ministry-report.csv`;
    const select = this.#el<HTMLSelectElement>('cost-initiative');
    const current = select.value;
    const note = (i: Execution['byInitiative'][number]) => (i.businessPanelRequired && !i.businessPanelDate ? ' (äripaneel läbimata)' : '');
    render(html`${exec.byInitiative.map((i) => html`<option value=${i.code}>${i.name}${note(i)}</option>`)}`, select);
    if (current && exec.byInitiative.some((i) => i.code === current)) select.value = current;
    const needPanel = exec.byInitiative.filter((i) => i.businessPanelRequired);
    render(panels(needPanel.map((i) => ({ code: i.code, name: i.name, date: i.businessPanelDate }))), this.#el('panels'));
    this.#el<HTMLAnchorElement>('export-plan').href = `${base}/export.xlsx`;
    await this.#loadReview(id);
  }

  /** Shows what changed since the previous version of the same plan, if there is one. */
  async #loadReview(id: number): Promise<void> {
    const p = this.#plans.find((x) => x.id === id);
    const prev = p && this.#plans.find((x) => x.familyId === p.familyId && x.version === p.version - 1);
    this.#el('review').hidden = !prev;
    if (!prev) return;
    render(comparison(await apiFetch<Comparison>(`/api/budget/plans/${prev.id}/compare/${id}`)), this.#el('review-body'));
  }

  async #savePanel(ev: Event): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const code = form.dataset['code']!;
    const date = parseDate(this.querySelector<HTMLInputElement>(`#panel-${CSS.escape(code)}`)!.value);
    if (!date) return showErrors(form, this.#el('budget-status'), [{ id: `panel-${code}`, message: 'Sisesta äripaneeli kuupäev kujul pp.kk.aaaa.' }]);
    try {
      await apiFetch(`/api/budget/plans/${this.#planId}/initiatives/${encodeURIComponent(code)}/business-panel`, { method: 'PUT', json: { date } });
      await this.#loadPlan(this.#planId);
      this.#say(notice('success', `Algatuse ${code} äripaneeli kuupäev ${formatDate(date)} salvestatud.`));
    } catch (err) {
      this.#say(notice('error', errorText(err)));
    }
  }

  #declaration(ev: Event): void {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const format = ((ev as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'csv' ? 'csv' : 'xlsx';
    const errors = [];
    const params = new URLSearchParams();
    for (const [id, key] of [['decl-from', 'from'], ['decl-to', 'to']] as const) {
      const text = this.#el<HTMLInputElement>(id).value.trim();
      if (!text) continue;
      const iso = parseDate(text);
      if (!iso) errors.push({ id, message: 'Sisesta kuupäev kujul pp.kk.aaaa või jäta tühjaks.' });
      else params.set(key, iso);
    }
    showErrors(form, this.#el('decl-errors'), errors);
    if (errors.length) return;
    navigate(`/api/budget/plans/${this.#planId}/cost-declaration.${format}${params.size ? `?${params}` : ''}`);
  }
}

if (!customElements.get('tv-budget')) customElements.define('tv-budget', BudgetPage);
