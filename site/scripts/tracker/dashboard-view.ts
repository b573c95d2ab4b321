// The dashboard's parts as lit-html templates. Every figure links to the measure list filtered to
// exactly what it counts (the filters are in that page's URL).
import { html, nothing, type TemplateResult } from 'lit-html';
import { barChart, donutChart, lineChart } from '../lib/charts.ts';
import { formatDate, formatPercent } from '../lib/format.ts';
import { CLASSES, classLabel, priorityLabel, STATUS_COLOR, STATUS_LABELS, STATUSES, trackerUrl } from './vocabulary.ts';
import type { KovProgress as Progress } from '../../../api/contracts/progress.ts';
import type { Benchmark } from '../../../api/contracts/reports.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';

export interface DashboardData {
  progress: Progress;
  bench: Benchmark | null;
  rows: MeasureRow[];
}

const list = (ehak: string, filters: Record<string, string>) => trackerUrl.measures(ehak, filters);

export function keyFigures({ progress: p, rows }: DashboardData): TemplateResult {
  const open = (p.byStatus['not_implemented']?.count ?? 0) + (p.byStatus['partial']?.count ?? 0) + (p.byStatus['not_assessed']?.count ?? 0);
  const figures: Array<[string, string, Record<string, string>]> = [
    ['Rakendatud', formatPercent(p.implementedShare), { status: 'implemented' }],
    ['Põhimeetmetest rakendatud', formatPercent(p.byClass['basic']?.share ?? 0), { class: 'basic', status: 'implemented' }],
    ['Avatud meetmeid', String(open), { status: 'open' }],
    ['Tähtaja ületanud', String(rows.filter((r) => r.overdue).length), { overdue: '1' }],
  ];
  return html`${figures.map(
    ([label, value, filters]) => html`<li><a class="key-figure" href=${list(p.ehak, filters)}>${label}<strong>${value}</strong><span class="visually-hidden">: ava meetmete nimekiri</span></a></li>`,
  )}`;
}

export function charts({ progress: p, bench }: DashboardData): { status: TemplateResult; groups: TemplateResult; trend: TemplateResult } {
  const status = donutChart({
    title: `${p.name}: meetmete seis`,
    data: STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: p.byStatus[s]?.count ?? 0, colour: STATUS_COLOR[s] })),
    center: formatPercent(p.implementedShare),
  });
  const groups = barChart({
    title: 'Rakendatud moodulirühmade kaupa',
    data: p.byGroup.map((g) => ({ label: `${g.group} ${g.title}`.trim(), values: [g.share ?? 0], marker: bench?.peers.byGroup[g.group]?.median ?? null })),
    max: 1,
    format: (n) => formatPercent(n),
    ...(bench ? { markerLabel: 'sarnaste omavalitsuste mediaan' } : {}),
  });
  const points = [...p.trend, { period: 'praegu', implementedShare: p.implementedShare }].filter((t) => t.implementedShare !== null);
  const trend = lineChart({ title: 'Rakendatud meetmete osakaal aruandeperioodide kaupa', data: points.map((t) => ({ label: t.period, value: t.implementedShare! })) });
  return { status, groups, trend };
}

export function nextSteps(p: Progress): TemplateResult {
  if (p.nextSteps.length === 0) return html`<li>Avatud meetmeid ei ole.</li>`;
  return html`${p.nextSteps.map(
    (s) => html`<li><a href=${trackerUrl.measure(p.ehak, s.measureId, s.objectId)}>${s.measureId} ${s.title}</a> · ${priorityLabel(s.priority)} · ${classLabel(s.class)}${s.dueDate
      ? html` · tähtaeg <span class=${s.overdue ? 'overdue' : ''}>${formatDate(s.dueDate)}${s.overdue ? ' (ületatud)' : ''}</span>`
      : nothing}</li>`,
  )}`;
}

export function benchmark(bench: Benchmark | null): TemplateResult {
  if (!bench) return html`<p>Võrdlusandmeid ei ole.</p>`;
  const q = bench.peers.implementedShare;
  return html`<p>Võrdlusgrupp: ${bench.peerGroup.label} (${bench.peerGroup.count} omavalitsust, nimesid ei näidata). Sinu rakendatud osakaal on ${formatPercent(bench.kov.implementedShare)}; grupi mediaan ${formatPercent(q.median)}, alumine kvartiil ${formatPercent(q.q1)}, ülemine kvartiil ${formatPercent(q.q3)}.</p>`;
}

function table(caption: string, head: string[], rows: Array<[TemplateResult | string, ...string[]]>): TemplateResult {
  return html`<table class="figures-table"><caption>${caption}</caption>
    <thead><tr>${head.map((h, i) => html`<th scope="col" class=${i ? 'num' : ''}>${h}</th>`)}</tr></thead>
    <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((c) => html`<td class="num">${c}</td>`)}</tr>`)}</tbody>
  </table>`;
}

/** The charts' numbers as tables; each row opens the measures it counts. */
export function tables({ progress: p }: DashboardData): TemplateResult {
  const link = (label: string, filters: Record<string, string>) => html`<a href=${list(p.ehak, filters)}>${label}</a>`;
  return html`${table('Meetmete seis', ['Seis', 'Meetmeid', 'Osakaal'], STATUSES.map((s) => [link(STATUS_LABELS[s], { status: s }), String(p.byStatus[s]?.count ?? 0), formatPercent(p.byStatus[s]?.share ?? 0)]))}
    ${table('Meetmeklassid', ['Klass', 'Meetmeid', 'Rakendatud', 'Osakaal'], CLASSES.filter((c) => p.byClass[c]).map((c) => {
      const v = p.byClass[c]!;
      return [link(classLabel(c), { class: c }), String(v.total), String(v.implemented), formatPercent(v.share)];
    }))}
    ${table('Moodulirühmad', ['Rühm', 'Meetmeid', 'Rakendatud', 'Osakaal'], p.byGroup.map((g) => [link(`${g.group} ${g.title}`, { group: g.group }), String(g.total), String(g.implemented), formatPercent(g.share)]))}
    ${table('Muutus aruandeperioodide kaupa', ['Periood', 'Rakendatud'], [...p.trend.map((t): [string, string] => [t.period, formatPercent(t.implementedShare)]), ['praegu', formatPercent(p.implementedShare)]])}`;
}

export function downloads(ehak: string): TemplateResult {
  const base = `/api/kovs/${ehak}/exports`;
  const items: Array<[string, string]> = [
    [`${base}/plan.xlsx`, 'Tegevuskava (XLSX)'],
    [`${base}/plan.csv`, 'Tegevuskava (CSV, Exceli jaoks)'],
    [`${base}/plan.json`, 'Tegevuskava (JSON)'],
    [`${base}/progress.xlsx`, 'Edenemise aruanne (XLSX)'],
    [`${base}/modelling.xlsx`, 'Modelleerimisaruanne (XLSX)'],
  ];
  return html`${items.map(([href, label]) => html`<li><a href=${href} download>${label}</a></li>`)}`;
}
