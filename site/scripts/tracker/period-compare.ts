// The comparison of a period with another period or with now (GET /api/reporting-periods/{id}/compare),
// as lit-html parts for <tv-periods>: a summary sentence, a bar chart of the mean shares on both sides
// and the cells a municipality's row adds to the period table.
import { html, nothing, type TemplateResult } from 'lit-html';
import { CLASS_PLURAL } from '../../../api/contracts/labels.ts';
import { PERIOD_STATE_LABELS, type PeriodCompare, type PeriodCompareRow } from '../../../api/contracts/periods.ts';
import { CLASSES } from '../../../api/contracts/tracker.ts';
import { barChart } from '../lib/charts.ts';
import { formatDate, formatPercent } from '../lib/format.ts';

/** Difference of two shares in percentage points, e.g. "+12,5 pp"; '–' when either is missing. */
export function shareDifference(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined) return '–';
  const pp = Math.round((a - b) * 1000) / 10;
  const text = Math.abs(pp).toFixed(1).replace('.', ',');
  return pp > 0 ? `+${text} pp` : pp < 0 ? `−${text} pp` : '0,0 pp';
}

/** A signed count, e.g. "+3", "−1", "0". */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** What the other side is called: "periood 2025" or "seis 02.12.2026". */
export const otherLabel = (c: PeriodCompare) => (c.with.kind === 'now' ? `seis ${formatDate(c.with.name)}` : `periood ${c.with.name}`);

export function compareSummary(c: PeriodCompare): TemplateResult {
  const s = c.summary;
  if (s.compared === 0) return html`<p>Võrrelda saab ainult omavalitsusi, kellel on arvud mõlemal poolel; selliseid ei ole.</p>`;
  const groups = [
    { label: 'Rakendatud osakaal kokku', pair: s.implementedShare },
    ...CLASSES.map((k) => ({ label: CLASS_PLURAL[k], pair: s.classShare[k] })),
  ].filter((g) => g.pair.period !== null || g.pair.other !== null);
  const chart = barChart({
    title: `Keskmine rakendatud osakaal: periood ${c.period.name} ja ${otherLabel(c)}`,
    series: [`periood ${c.period.name}`, otherLabel(c)],
    data: groups.map((g) => ({ label: g.label, values: [g.pair.period ?? 0, g.pair.other ?? 0] })),
    max: 1,
    format: (n) => formatPercent(n),
  });
  return html`<p>
      Võrreldud ${s.compared} omavalitsust (neil on arvud mõlemal poolel): rakendatud osakaal on suurem ${s.improved}, väiksem ${s.declined} ja sama ${s.unchanged}
      omavalitsusel. Keskmine osakaal ${formatPercent(s.implementedShare.period, 1)} (${otherLabel(c)}: ${formatPercent(s.implementedShare.other, 1)}).
    </p>
    <figure class="chart-figure">${chart}</figure>`;
}

/** The cells a compared row adds: the other side's state, share and implemented count, and the differences. */
export function compareCells(r: PeriodCompareRow | undefined, withPeriod: boolean): TemplateResult {
  const d = r?.difference;
  return html`${withPeriod ? html`<td data-label="Olek võrreldavas">${r?.otherState ? PERIOD_STATE_LABELS[r.otherState] : '–'}${r?.otherLate ? ' (hilinenud)' : nothing}</td>` : nothing}
    <td data-label="Võrreldav osakaal">${r?.other ? formatPercent(r.other.implementedShare) : '–'}</td>
    <td data-label="Vahe (osakaal)">${shareDifference(r?.figures?.implementedShare, r?.other?.implementedShare)}</td>
    <td data-label="Vahe (rakendatud)">${d ? signed(d.implemented) : '–'}</td>`;
}
