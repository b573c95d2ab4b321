// /eelarve/: loads the plans the signed-in admin or analyst may see and renders the report,
// plan vs actual, cost entry, business-panel dates and exports for the selected plan.
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import { escapeHtml, formatDate, formatEuro, parseDate } from '../lib/format.ts';
import { errorText, panelsHtml, readCostForm, showErrors, submitCost } from './forms.ts';
import { actualsHtml, comparisonHtml, executionHtml, inconsistenciesHtml, planTableHtml, totalsHtml } from './render.ts';
import type { ActualCost, Execution, Money, PlanReport, PlanSummary } from '../../../api/contracts/budget.ts';
import type { Comparison } from './render.ts';
import { navigate } from '../lib/navigate.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('budget-status');
const app = $('budget-app');
let planId = 0;
let plans: PlanSummary[] = [];

function say(html: string) {
  status.innerHTML = html;
}

async function loadPlan(id: number): Promise<void> {
  planId = id;
  const base = `/api/budget/plans/${id}`;
  const [report, lines, execution, actuals] = await Promise.all([
    apiFetch<PlanReport>(`${base}/report`),
    apiFetch<Array<{ initiative: string; year: string; account: string } & Money>>(`${base}/lines`),
    apiFetch<Execution>(`${base}/execution`),
    apiFetch<ActualCost[]>(`${base}/actuals`),
  ]);
  const byIni = new Map<string, Array<{ year: string; account: string; money: Money }>>();
  for (const l of lines) {
    const list = byIni.get(l.initiative) ?? (byIni.set(l.initiative, []), byIni.get(l.initiative)!);
    list.push({ year: l.year, account: l.account, money: { net: l.net, vat: l.vat, gross: l.gross } });
  }
  $('inconsistencies').innerHTML = inconsistenciesHtml(report.inconsistencies);
  $('totals').innerHTML = totalsHtml(report);
  $('plan-table').innerHTML = planTableHtml(report, byIni);
  $('execution').innerHTML = executionHtml(execution);
  $('actuals').innerHTML = actualsHtml(actuals, id);
  const select = $<HTMLSelectElement>('cost-initiative');
  const current = select.value;
  select.innerHTML = execution.byInitiative
    .map((i) => {
      const note = i.businessPanelRequired && !i.businessPanelDate ? ' (äripaneel läbimata)' : '';
      return `<option value="${escapeHtml(i.code)}">${escapeHtml(i.name)}${note}</option>`;
    })
    .join('');
  if (current && execution.byInitiative.some((i) => i.code === current)) select.value = current;
  $('panels').innerHTML = panelsHtml(execution.byInitiative.filter((i) => i.businessPanelRequired).map((i) => ({ code: i.code, name: i.name, date: i.businessPanelDate })));
  $<HTMLAnchorElement>('export-plan').href = `${base}/export.xlsx`;
  await loadReview(id);
}

/** Shows what changed since the previous version of the same plan, if there is one. */
async function loadReview(id: number): Promise<void> {
  const p = plans.find((x) => x.id === id);
  const prev = p && plans.find((x) => x.familyId === p.familyId && x.version === p.version - 1);
  $('review').hidden = !prev;
  if (!prev) return;
  $('review-body').innerHTML = comparisonHtml(await apiFetch<Comparison>(`/api/budget/plans/${prev.id}/compare/${id}`));
}

async function start(): Promise<void> {
  try {
    plans = await apiFetch<PlanSummary[]>('/api/budget/plans', { allowAnonymous: true });
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) {
      say('<p class="notice">Eelarve on nähtav ELVL-i administraatoritele ja analüütikutele. <a href="/logi-sisse/?tagasi=/eelarve/">Logi sisse</a>.</p>');
    } else if (err instanceof ApiRequestError && err.status === 403) {
      say('<p class="notice notice--warning">Sinu rollil ei ole eelarvele ligipääsu. Eelarvet näevad ELVL-i administraatorid ja analüütikud.</p>');
    } else say(`<p class="notice notice--error">${escapeHtml(errorText(err))}</p>`);
    return;
  }
  if (plans.length === 0) {
    say('<p class="notice">Eelarveplaane pole veel imporditud. Impordi plaan käsuga <code>npm run cli -- budget import --file plaan.json</code>.</p>');
    return;
  }
  const select = $<HTMLSelectElement>('plan-select');
  select.innerHTML = plans
    .map((p) => `<option value="${p.id}">${escapeHtml(p.name)} – versioon ${p.version}${p.latest ? ' (viimane)' : ''}, ${escapeHtml(formatDate(p.createdAt))}</option>`)
    .join('');
  select.addEventListener('change', () => void refresh(Number(select.value)));
  app.hidden = false;
  await refresh(plans[0]!.id);
}

async function refresh(id: number): Promise<void> {
  try {
    await loadPlan(id);
    say('');
  } catch (err) {
    say(`<p class="notice notice--error">${escapeHtml(errorText(err))}</p>`);
  }
}

$<HTMLFormElement>('cost-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget as HTMLFormElement;
  const box = $('cost-errors');
  const { errors, body } = readCostForm();
  showErrors(form, box, errors);
  if (!body) return;
  try {
    await submitCost(planId, body);
    form.reset();
    await loadPlan(planId);
    say(`<p class="notice notice--success">Kulu salvestatud: ${escapeHtml(String(body instanceof FormData ? body.get('supplier') : body['supplier']))}, ${escapeHtml(formatEuro(Number(body instanceof FormData ? body.get('net') : body['net'])))} ilma käibemaksuta.</p>`);
  } catch (err) {
    showErrors(form, box, [{ id: 'cost-initiative', message: errorText(err) }], 'Kulu ei salvestatud');
  }
});

$('panels').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target as HTMLFormElement;
  const code = form.dataset['code']!;
  const date = parseDate((document.getElementById(`panel-${code}`) as HTMLInputElement).value);
  if (!date) {
    showErrors(form, status, [{ id: `panel-${code}`, message: 'Sisesta äripaneeli kuupäev kujul pp.kk.aaaa.' }]);
    return;
  }
  try {
    await apiFetch(`/api/budget/plans/${planId}/initiatives/${encodeURIComponent(code)}/business-panel`, { method: 'PUT', json: { date } });
    await loadPlan(planId);
    say(`<p class="notice notice--success">Algatuse ${escapeHtml(code)} äripaneeli kuupäev ${escapeHtml(formatDate(date))} salvestatud.</p>`);
  } catch (err) {
    say(`<p class="notice notice--error">${escapeHtml(errorText(err))}</p>`);
  }
});

$<HTMLFormElement>('declaration-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget as HTMLFormElement;
  const format = ((ev as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'csv' ? 'csv' : 'xlsx';
  const errors = [];
  const params = new URLSearchParams();
  for (const [id, key] of [['decl-from', 'from'], ['decl-to', 'to']] as const) {
    const text = (document.getElementById(id) as HTMLInputElement).value.trim();
    if (!text) continue;
    const iso = parseDate(text);
    if (!iso) errors.push({ id, message: 'Sisesta kuupäev kujul pp.kk.aaaa või jäta tühjaks.' });
    else params.set(key, iso);
  }
  showErrors(form, $('decl-errors'), errors);
  if (errors.length) return;
  navigate(`/api/budget/plans/${planId}/cost-declaration.${format}${params.size ? `?${params}` : ''}`);
});

void start();
