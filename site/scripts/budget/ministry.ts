// The ministry report on /eelarve/: plan vs actual by funding source × EA account × year, with and
// without VAT, spent and remaining. A card table on phones; an overspend says so in words, not by colour.
import { html, type TemplateResult } from 'lit-html';
import { barChart } from '../lib/charts.ts';
import { formatEuro } from '../lib/format.ts';
import type { MinistryFigures, MinistryReport, MinistrySource } from '../../../api/contracts/budget-ministry.ts';

const eur = formatEuro;
const BASIS: Record<MinistrySource['grantBasis'], string> = {
  gross: 'toetus sisaldab käibemaksu – ministeerium loeb summat koos km-ga',
  net: 'toetus on käibemaksuta, käibemaks lisandub – ministeerium loeb summat km-ta',
};
const COLUMNS = ['Plaan km-ta', 'Plaan km-ga', 'Tegelik km-ta', 'Tegelik km-ga', 'Jääk km-ta', 'Jääk km-ga'];

const remaining = (v: number, label: string) =>
  v < 0 ? html`<td class="num" data-label=${label}><strong class="overspent">${eur(v)} (ülekulu)</strong></td>` : html`<td class="num" data-label=${label}>${eur(v)}</td>`;

function figures(f: MinistryFigures): TemplateResult {
  const [pn, pg, an, ag, rn, rg] = COLUMNS;
  return html`<td class="num" data-label=${pn!}>${eur(f.planned.net)}</td><td class="num" data-label=${pg!}>${eur(f.planned.gross)}</td>
    <td class="num" data-label=${an!}>${eur(f.actual.net)}</td><td class="num" data-label=${ag!}>${eur(f.actual.gross)}</td>
    ${remaining(f.remaining.net, rn!)}${remaining(f.remaining.gross, rg!)}`;
}

function source(s: MinistrySource): TemplateResult {
  return html`<tr class="budget-initiative"><th scope="rowgroup" colspan="7">${s.name} <span class="tag">${s.code}</span><br /><span class="hint">${BASIS[s.grantBasis]}</span></th></tr>
    ${s.rows.map((r) => html`<tr><th scope="row">EA konto ${r.account}, ${r.year}</th>${figures(r)}</tr>`)}
    <tr class="budget-total"><th scope="row">${s.name} kokku</th>${figures(s.total)}</tr>`;
}

export function ministryReport(r: MinistryReport): TemplateResult {
  const chart = barChart({
    title: 'Plaan ja tegelikud kulud rahastusallikate kaupa (koos käibemaksuga)',
    desc: r.sources.map((s) => `${s.name}: plaan ${eur(s.total.planned.gross)}, tegelik ${eur(s.total.actual.gross)}`).join('; '),
    series: ['Plaan', 'Tegelik'],
    data: r.sources.map((s) => ({ label: s.name, values: [s.total.planned.gross, s.total.actual.gross] })),
    format: eur,
  });
  const overspent = r.sources.flatMap((s) => s.rows.filter((x) => x.overspent).map((x) => `${s.name}, EA konto ${x.account}, ${x.year}`));
  return html`${overspent.length
      ? html`<p class="notice notice--warning">Ülekulu (tegelik kulu ületab plaani): ${overspent.join('; ')}.</p>`
      : html`<p>Ühelgi real ei ületa tegelik kulu plaani.</p>`}
    <table class="card-table budget-ministry" id="ministry-table"><caption>Plaan, tegelik kulu ja jääk rahastusallika, EA konto ja aasta kaupa</caption>
      <thead><tr><th scope="col">Rahastusallikas / EA konto, aasta</th>${COLUMNS.map((c) => html`<th scope="col" class="num">${c}</th>`)}</tr></thead>
      <tbody>${r.sources.map(source)}<tr class="budget-total" id="ministry-grand-total"><th scope="row">KOKKU</th>${figures(r.total)}</tr></tbody>
    </table>
    ${chart}`;
}
