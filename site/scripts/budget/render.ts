// The budget page's parts as lit-html templates (lit escapes every value from the API).
import { html, nothing, type TemplateResult } from 'lit-html';
import { barChart, donutChart } from '../lib/charts.ts';
import { formatDate, formatEuro, formatNumber } from '../lib/format.ts';
import type { ActualCost, Execution, ExecutionRow, Inconsistency, Money, PlanReport } from '../../../api/contracts/budget.ts';

const eur = formatEuro;
export const ACCOUNT_NAMES: Record<string, string> = { '15': '15 investeeringud', '50': '50 personalikulud', '55': '55 majandamiskulud' };
const VAT_TREATMENT: Record<string, string> = {
  grant_includes_vat: 'toetus sisaldab käibemaksu',
  vat_from_state_budget: 'käibemaks riigieelarvest',
  vat_added_to_grant: 'käibemaks lisandub toetusele',
  implementer_applies_vat: 'käibemaks elluviija vastutusel',
};

function keyText(key: string): string {
  return key
    .split('/')
    .map((part) => {
      const [kind, value] = part.split(':');
      if (kind === 'total') return 'kokku';
      if (kind === 'account') return `EA konto ${value}`;
      if (kind === 'period') return `periood ${value}`;
      return `rahastusallikas ${value}`;
    })
    .join(', ');
}

export function inconsistencies(list: Inconsistency[]): TemplateResult {
  if (list.length === 0) return html`<h2 id="inc-h">Dokumendi kontroll</h2><p class="notice notice--success">Kõik dokumendis deklareeritud summad klapivad ridade summaga.</p>`;
  const item = (i: Inconsistency) => {
    const who = i.scope === 'initiative' ? `Algatus ${i.code}` : i.code ? 'Plaan' : 'Plaan kokku';
    const field = i.field === 'net' ? 'ilma käibemaksuta' : 'koos käibemaksuga';
    return html`<li><strong>${who}, ${keyText(i.key)}, ${field}:</strong> dokumendis ${eur(i.declared)}, arvutatud ${eur(i.computed)} (vahe ${eur(i.computed - i.declared)})</li>`;
  };
  return html`<div class="notice notice--warning"><h2 id="inc-h">Dokumendi vastuolud (${list.length})</h2><p>Need deklareeritud summad ei klapi ridade summaga. Arvutused kasutavad ridu; paranda lähtedokument.</p><ul>${list.map(item)}</ul></div>`;
}

export function totals(r: PlanReport): TemplateResult {
  const sources = Object.entries(r.bySource);
  const donut = donutChart({
    title: 'Eelarve rahastusallikate kaupa (ilma käibemaksuta)',
    desc: sources.map(([code, s]) => `${s.name} (${code}): ${formatEuro(s.net)}`).join('; '),
    data: sources.map(([, s]) => ({ label: s.name, value: s.net })),
    format: formatEuro,
  });
  const row = ([code, s]: (typeof sources)[number]) =>
    html`<tr><th scope="row">${s.name} <span class="tag">${code}</span></th><td>${VAT_TREATMENT[s.vatTreatment] ?? s.vatTreatment}</td><td class="num">${eur(s.net)}</td><td class="num">${eur(s.vat)}</td><td class="num">${eur(s.gross)}</td></tr>`;
  return html`<div class="budget-totals">
      <dl class="budget-figures"><dt>Kokku ilma käibemaksuta</dt><dd id="total-net">${eur(r.totals.net)}</dd><dt>Käibemaks</dt><dd>${eur(r.totals.vat)}</dd><dt>Kokku koos käibemaksuga</dt><dd>${eur(r.totals.gross)}</dd></dl>
      ${donut}
    </div>
    <div class="budget-scroll" tabindex="0" role="region" aria-label="Rahastusallikad">
      <table><caption class="visually-hidden">Rahastusallikad</caption><thead><tr><th scope="col">Rahastusallikas</th><th scope="col">Käibemaks</th><th scope="col" class="num">Ilma km-ta</th><th scope="col" class="num">Km</th><th scope="col" class="num">Koos km-ga</th></tr></thead><tbody>${sources.map(row)}</tbody></table>
    </div>`;
}

const cells = (m: Money | undefined) => html`<td class="num">${m ? eur(m.net) : '–'}</td><td class="num">${m ? eur(m.vat) : '–'}</td><td class="num">${m ? eur(m.gross) : '–'}</td>`;
type Lines = Map<string, Array<{ year: string; account: string; money: Money }>>;

/** Initiatives × years × accounts with net / VAT / gross, as in the action plan. */
export function planTable(r: PlanReport, linesByInitiative: Lines): TemplateResult {
  const years = Object.keys(r.byPeriod);
  const sub = html`<th scope="col" class="num">ilma km-ta</th><th scope="col" class="num">km</th><th scope="col" class="num">koos km-ga</th>`;
  const sum = (ls: Array<{ money: Money }>) => (ls.length ? ls.reduce((s, l) => ({ net: s.net + l.money.net, vat: s.vat + l.money.vat, gross: s.gross + l.money.gross }), { net: 0, vat: 0, gross: 0 }) : undefined);
  const initiative = (ini: PlanReport['initiatives'][number]) => {
    const src = r.bySource[ini.fundingSource];
    const lines = linesByInitiative.get(ini.code) ?? [];
    return html`<tr class="budget-initiative"><th scope="rowgroup" colspan=${years.length * 3 + 4}>${ini.name}${ini.businessPanelRequired ? ' *' : ''} <span class="tag">${ini.code}</span> <span class="tag">${src?.name ?? ini.fundingSource}</span></th></tr>
      ${Object.keys(ini.byAccount).map(
        (acc) => html`<tr><th scope="row">${ACCOUNT_NAMES[acc] ?? acc}</th>${years.map((y) => cells(sum(lines.filter((l) => l.year === y && l.account === acc))))}${cells(ini.byAccount[acc])}</tr>`,
      )}
      <tr class="budget-total"><th scope="row">Algatus kokku</th>${years.map((y) => cells(ini.byPeriod[y]))}${cells(ini)}</tr>`;
  };
  return html`<table class="budget-table"><caption class="visually-hidden">Plaan algatuste, aastate ja EA kontode kaupa</caption>
      <thead><tr><th scope="col" rowspan="2">Algatus / EA konto</th>${years.map((y) => html`<th scope="colgroup" colspan="3">${y}</th>`)}<th scope="colgroup" colspan="3">Kokku</th></tr>
      <tr>${years.map(() => sub)}${sub}</tr></thead>
      <tbody>${r.initiatives.map(initiative)}<tr class="budget-total"><th scope="row">KOKKU</th>${years.map((y) => cells(r.byPeriod[y]))}${cells(r.totals)}</tr></tbody>
    </table><p>* – enne alustamist tuleb läbida äripaneel.</p>`;
}

const util = (row: ExecutionRow) => (row.utilisation === null ? '–' : `${formatNumber(row.utilisation, 1)}\u00a0%`);

function executionTable(caption: string, first: string, rows: Array<[string, ExecutionRow]>): TemplateResult {
  return html`<div class="budget-scroll" tabindex="0" role="region" aria-label=${caption}><table><caption>${caption}</caption>
    <thead><tr><th scope="col">${first}</th><th scope="col" class="num">Plaan ilma km-ta</th><th scope="col" class="num">Tegelik ilma km-ta</th><th scope="col" class="num">Tegelik koos km-ga</th><th scope="col" class="num">Kasutus</th></tr></thead>
    <tbody>${rows.map(([label, r]) => html`<tr><th scope="row">${label}</th><td class="num">${eur(r.planned.net)}</td><td class="num">${eur(r.actual.net)}</td><td class="num">${eur(r.actual.gross)}</td><td class="num">${util(r)}</td></tr>`)}</tbody>
  </table></div>`;
}

export function execution(x: Execution): TemplateResult {
  const chart = barChart({
    title: 'Plaan ja tegelikud kulud algatuste kaupa (ilma käibemaksuta)',
    desc: x.byInitiative.map((i) => `${i.name}: plaan ${formatEuro(i.planned.net)}, tegelik ${formatEuro(i.actual.net)}`).join('; '),
    series: ['Plaan', 'Tegelik'],
    data: x.byInitiative.map((i) => ({ label: i.name, values: [i.planned.net, i.actual.net] })),
    format: formatEuro,
  });
  return html`${chart}
    ${executionTable('Algatuste kaupa', 'Algatus', [...x.byInitiative.map((i): [string, ExecutionRow] => [i.name, i]), ['Kokku', x.totals]])}
    ${executionTable('EA kontode kaupa', 'EA konto', Object.entries(x.byAccount).map(([a, r]) => [ACCOUNT_NAMES[a] ?? a, r]))}
    ${executionTable('Aastate kaupa', 'Aasta', Object.entries(x.byPeriod))}`;
}

const STATUS_TEXT = (a: ActualCost) => (a.status === 'cancelled' ? html`<strong>Tühistatud</strong>${a.cancelReason ? `: ${a.cancelReason}` : ''}` : 'kehtiv');

/** The cost list: a card per cost on phones; cancelled costs stay, marked in words, without actions. */
export function actuals(list: ActualCost[], planId: number): TemplateResult {
  if (list.length === 0) return html`<p>Tegelikke kulusid pole veel sisestatud.</p>`;
  const actions = (a: ActualCost) =>
    a.status === 'cancelled'
      ? nothing
      : html`<button type="button" class="button button--secondary" data-action="correct" data-id=${a.id}>Paranda<span class="visually-hidden"> kulu ${a.documentNumber}</span></button>
          <button type="button" class="button button--secondary" data-action="cancel" data-id=${a.id}>Tühista<span class="visually-hidden"> kulu ${a.documentNumber}</span></button>`;
  const row = (a: ActualCost) => html`<tr class=${a.status === 'cancelled' ? 'budget-cancelled' : ''} data-id=${a.id}>
    <td data-label="Kuupäev">${formatDate(a.date)}</td><td data-label="Algatus">${a.initiative}</td><td data-label="EA konto">${a.account}</td>
    <td data-label="Tarnija">${a.supplier}</td><td data-label="Dokument">${a.documentNumber}${a.attachmentName
      ? html` <a href="/api/budget/plans/${planId}/actuals/${a.id}/attachment">${a.attachmentName}</a>`
      : nothing}</td><td data-label="Kirjeldus">${a.description}</td><td class="num" data-label="Ilma km-ta">${eur(a.net)}</td><td class="num" data-label="Km">${eur(a.vat)}</td>
    <td class="num" data-label="Koos km-ga">${eur(a.gross)}</td><td data-label="Seis">${STATUS_TEXT(a)}</td><td class="budget-actions">${actions(a)}</td></tr>`;
  return html`<table class="card-table" id="actuals-table"><caption class="visually-hidden">Tegelikud kulud</caption><thead><tr><th scope="col">Kuupäev</th><th scope="col">Algatus</th><th scope="col">EA konto</th><th scope="col">Tarnija</th><th scope="col">Dokument</th><th scope="col">Kirjeldus</th><th scope="col" class="num">Ilma km-ta</th><th scope="col" class="num">Km</th><th scope="col" class="num">Koos km-ga</th><th scope="col">Seis</th><th scope="col"><span class="visually-hidden">Tegevused</span></th></tr></thead><tbody>${list.map(row)}</tbody></table>`;
}
