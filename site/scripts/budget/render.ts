// HTML builders for the budget page. Every API value goes through escapeHtml or a formatter.
import { donutChart, groupedBarChart } from '../lib/charts.ts';
import { escapeHtml, formatDate, formatEuro, formatNumber } from '../lib/format.ts';
import type { ActualCost, Execution, ExecutionRow, Inconsistency, Money, PlanReport } from '../../../api/contracts/budget.ts';

const e = escapeHtml;
const eur = (n: number) => e(formatEuro(n));
const ACCOUNT_NAMES: Record<string, string> = { '15': '15 investeeringud', '50': '50 personalikulud', '55': '55 majandamiskulud' };
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

export function inconsistenciesHtml(list: Inconsistency[]): string {
  if (list.length === 0) return '<h2 id="inc-h">Dokumendi kontroll</h2><p class="notice notice--success">Kõik dokumendis deklareeritud summad klapivad ridade summaga.</p>';
  const items = list
    .map((i) => {
      const who = i.scope === 'initiative' ? `Algatus ${e(i.code)}` : i.code ? 'Plaan' : 'Plaan kokku';
      const field = i.field === 'net' ? 'ilma käibemaksuta' : 'koos käibemaksuga';
      return `<li><strong>${who}, ${e(keyText(i.key))}, ${field}:</strong> dokumendis ${eur(i.declared)}, arvutatud ${eur(i.computed)} (vahe ${eur(i.computed - i.declared)})</li>`;
    })
    .join('');
  return `<div class="notice notice--warning"><h2 id="inc-h">Dokumendi vastuolud (${list.length})</h2><p>Need deklareeritud summad ei klapi ridade summaga. Arvutused kasutavad ridu; paranda lähtedokument.</p><ul>${items}</ul></div>`;
}

export function totalsHtml(r: PlanReport): string {
  const figures = `<dl class="budget-figures"><dt>Kokku ilma käibemaksuta</dt><dd id="total-net">${eur(r.totals.net)}</dd><dt>Käibemaks</dt><dd>${eur(r.totals.vat)}</dd><dt>Kokku koos käibemaksuga</dt><dd>${eur(r.totals.gross)}</dd></dl>`;
  const sources = Object.entries(r.bySource);
  const donut = donutChart({
    title: 'Eelarve rahastusallikate kaupa (ilma käibemaksuta)',
    desc: sources.map(([code, s]) => `${s.name} (${code}): ${formatEuro(s.net)}`).join('; '),
    data: sources.map(([, s]) => ({ label: s.name, value: s.net })),
    format: formatEuro,
  });
  const rows = sources
    .map(([code, s]) => `<tr><th scope="row">${e(s.name)} <span class="tag">${e(code)}</span></th><td>${e(VAT_TREATMENT[s.vatTreatment] ?? s.vatTreatment)}</td><td class="num">${eur(s.net)}</td><td class="num">${eur(s.vat)}</td><td class="num">${eur(s.gross)}</td></tr>`)
    .join('');
  return `<div class="budget-totals">${figures}${donut}</div><table><caption class="visually-hidden">Rahastusallikad</caption><thead><tr><th scope="col">Rahastusallikas</th><th scope="col">Käibemaks</th><th scope="col" class="num">Ilma km-ta</th><th scope="col" class="num">Km</th><th scope="col" class="num">Koos km-ga</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const cells = (m: Money | undefined) => `<td class="num">${m ? eur(m.net) : '–'}</td><td class="num">${m ? eur(m.vat) : '–'}</td><td class="num">${m ? eur(m.gross) : '–'}</td>`;

/** Initiatives × years × accounts with net / VAT / gross, as in the action plan. */
export function planTableHtml(r: PlanReport, linesByInitiative: Map<string, Array<{ year: string; account: string; money: Money }>>): string {
  const years = Object.keys(r.byPeriod);
  const head1 = `<tr><th scope="col" rowspan="2">Algatus / EA konto</th>${years.map((y) => `<th scope="colgroup" colspan="3">${e(y)}</th>`).join('')}<th scope="colgroup" colspan="3">Kokku</th></tr>`;
  const sub = '<th scope="col" class="num">ilma km-ta</th><th scope="col" class="num">km</th><th scope="col" class="num">koos km-ga</th>';
  const head2 = `<tr>${years.map(() => sub).join('')}${sub}</tr>`;
  let body = '';
  for (const ini of r.initiatives) {
    const src = r.bySource[ini.fundingSource];
    body += `<tr class="budget-initiative"><th scope="rowgroup" colspan="${years.length * 3 + 4}">${e(ini.name)}${ini.businessPanelRequired ? ' *' : ''} <span class="tag">${e(ini.code)}</span> <span class="tag">${e(src?.name ?? ini.fundingSource)}</span></th></tr>`;
    const lines = linesByInitiative.get(ini.code) ?? [];
    for (const acc of Object.keys(ini.byAccount)) {
      const perYear = (y: string) => {
        const ls = lines.filter((l) => l.year === y && l.account === acc);
        return ls.length ? ls.reduce((s, l) => ({ net: s.net + l.money.net, vat: s.vat + l.money.vat, gross: s.gross + l.money.gross }), { net: 0, vat: 0, gross: 0 }) : undefined;
      };
      body += `<tr><th scope="row">${e(ACCOUNT_NAMES[acc] ?? acc)}</th>${years.map((y) => cells(perYear(y))).join('')}${cells(ini.byAccount[acc])}</tr>`;
    }
    body += `<tr class="budget-total"><th scope="row">Algatus kokku</th>${years.map((y) => cells(ini.byPeriod[y])).join('')}${cells(ini)}</tr>`;
  }
  body += `<tr class="budget-total"><th scope="row">KOKKU</th>${years.map((y) => cells(r.byPeriod[y])).join('')}${cells(r.totals)}</tr>`;
  return `<table class="budget-table"><caption class="visually-hidden">Plaan algatuste, aastate ja EA kontode kaupa</caption><thead>${head1}${head2}</thead><tbody>${body}</tbody></table><p>* – enne alustamist tuleb läbida äripaneel.</p>`;
}

const util = (row: ExecutionRow) => (row.utilisation === null ? '–' : `${formatNumber(row.utilisation, 1)}\u00a0%`);

export function executionHtml(x: Execution): string {
  const chart = groupedBarChart({
    title: 'Plaan ja tegelikud kulud algatuste kaupa (ilma käibemaksuta)',
    desc: x.byInitiative.map((i) => `${i.name}: plaan ${formatEuro(i.planned.net)}, tegelik ${formatEuro(i.actual.net)}`).join('; '),
    series: ['Plaan', 'Tegelik'],
    data: x.byInitiative.map((i) => ({ label: i.name, values: [i.planned.net, i.actual.net] })),
    format: formatEuro,
  });
  const row = (label: string, r: ExecutionRow) => `<tr><th scope="row">${label}</th><td class="num">${eur(r.planned.net)}</td><td class="num">${eur(r.actual.net)}</td><td class="num">${eur(r.actual.gross)}</td><td class="num">${util(r)}</td></tr>`;
  const head = '<thead><tr><th scope="col">{0}</th><th scope="col" class="num">Plaan ilma km-ta</th><th scope="col" class="num">Tegelik ilma km-ta</th><th scope="col" class="num">Tegelik koos km-ga</th><th scope="col" class="num">Kasutus</th></tr></thead>';
  const table = (caption: string, first: string, rows: string) => `<table><caption>${caption}</caption>${head.replace('{0}', first)}<tbody>${rows}</tbody></table>`;
  return (
    chart +
    table('Algatuste kaupa', 'Algatus', x.byInitiative.map((i) => row(e(i.name), i)).join('') + row('Kokku', x.totals)) +
    table('EA kontode kaupa', 'EA konto', Object.entries(x.byAccount).map(([a, r]) => row(e(ACCOUNT_NAMES[a] ?? a), r)).join('')) +
    table('Aastate kaupa', 'Aasta', Object.entries(x.byPeriod).map(([y, r]) => row(e(y), r)).join(''))
  );
}

export function actualsHtml(list: ActualCost[], planId: number): string {
  if (list.length === 0) return '<p>Tegelikke kulusid pole veel sisestatud.</p>';
  const rows = list
    .map(
      (a) =>
        `<tr><td>${e(formatDate(a.date))}</td><td>${e(a.initiative)}</td><td>${e(a.account)}</td><td>${e(a.supplier)}</td><td>${e(a.documentNumber)}${a.attachmentName ? ` <a href="/api/budget/plans/${planId}/actuals/${a.id}/attachment">${e(a.attachmentName)}</a>` : ''}</td><td>${e(a.description)}</td><td class="num">${eur(a.net)}</td><td class="num">${eur(a.vat)}</td><td class="num">${eur(a.gross)}</td></tr>`,
    )
    .join('');
  return `<table class="budget-table"><caption class="visually-hidden">Tegelikud kulud</caption><thead><tr><th scope="col">Kuupäev</th><th scope="col">Algatus</th><th scope="col">EA konto</th><th scope="col">Tarnija</th><th scope="col">Dokument</th><th scope="col">Kirjeldus</th><th scope="col" class="num">Ilma km-ta</th><th scope="col" class="num">Km</th><th scope="col" class="num">Koos km-ga</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export interface Comparison {
  from: { version: number };
  to: { version: number };
  changes: Array<{ initiative: string; period: string; account: string; change: 'added' | 'removed' | 'changed'; before: number | null; after: number | null; delta: number }>;
  totals: { before: number; after: number; delta: number };
}

const CHANGE: Record<string, string> = { added: 'lisatud', removed: 'eemaldatud', changed: 'muudetud' };

/** The half-yearly review: line-by-line changes between two versions (net, without VAT). */
export function comparisonHtml(c: Comparison): string {
  const intro = `<p>Versioon ${c.from.version} → ${c.to.version}: kokku ${eur(c.totals.before)} → ${eur(c.totals.after)} (muutus ${eur(c.totals.delta)}), summad ilma käibemaksuta.</p>`;
  if (c.changes.length === 0) return intro + '<p>Ridades muudatusi ei ole.</p>';
  const rows = c.changes
    .map((x) => `<tr><td>${e(x.initiative)}</td><td>${e(x.period)}</td><td>${e(x.account)}</td><td>${CHANGE[x.change]}</td><td class="num">${x.before === null ? '–' : eur(x.before)}</td><td class="num">${x.after === null ? '–' : eur(x.after)}</td><td class="num">${eur(x.delta)}</td></tr>`)
    .join('');
  return `${intro}<table><caption class="visually-hidden">Muudetud read</caption><thead><tr><th scope="col">Algatus</th><th scope="col">Periood</th><th scope="col">EA konto</th><th scope="col">Muudatus</th><th scope="col" class="num">Enne</th><th scope="col" class="num">Pärast</th><th scope="col" class="num">Vahe</th></tr></thead><tbody>${rows}</tbody></table>`;
}
