// One municipality's dashboard: status donut, module-group bars, trend, next steps, downloads.
import { apiFetch } from '../lib/api.ts';
import { escapeHtml, formatDate, formatPercent } from '../lib/format.ts';
import { donutChart, shareBars, trendLine } from './charts.ts';
import { APPROACH_LABEL, CLASS_LABEL, GROUP_LABEL, STATUS_COLOR, STATUS_LABEL, STATUSES, loadFailedText, requireEhak } from './vocabulary.ts';
import type { KovProgress as Progress } from '../../../api/contracts/progress.ts';
import type { Benchmark } from '../../../api/contracts/reports.ts';
import { setupScopeForm } from './scope-form.ts';

const $ = (id: string) => document.getElementById(id)!;

function table(caption: string, head: string[], rows: string[][]): string {
  return `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr>${head
    .map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i ? `<td class="num">${c}</td>` : `<th scope="row">${c}</th>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderDashboard(p: Progress, bench: Benchmark | null): void {
  const ehak = p.ehak;
  document.title = `${p.name}: E-ITS rakendamise seis – Turvarada`;
  $('crumb-kov').textContent = p.name;
  $('page-title').textContent = `${p.name}: E-ITS rakendamise seis`;
  $('summary').textContent = `Kataloog E-ITS ${p.edition}, ${APPROACH_LABEL[p.approach] ?? p.approach}, ${p.total} meedet. Rakendatud ${formatPercent(p.implementedShare)}.`;
  const open = (p.byStatus['not_implemented']?.count ?? 0) + (p.byStatus['partial']?.count ?? 0) + (p.byStatus['not_assessed']?.count ?? 0);
  $('key-figures').innerHTML = [
    ['Rakendatud', formatPercent(p.implementedShare)],
    ['Põhimeetmetest rakendatud', formatPercent(p.byClass['basic']?.share ?? 0)],
    ['Avatud meetmeid', String(open)],
    ['Tähtaja ületanud', String(p.nextSteps.filter((s) => s.overdue).length)],
  ]
    .map(([k, v]) => `<li>${escapeHtml(k)}<strong>${escapeHtml(v)}</strong></li>`)
    .join('');

  const slices = STATUSES.map((s) => ({ label: STATUS_LABEL[s], value: p.byStatus[s]?.count ?? 0, color: STATUS_COLOR[s] }));
  $('chart-status').innerHTML = donutChart(`${p.name}: meetmete seis`, slices, formatPercent(p.implementedShare));
  const groups = p.byGroup.map((g) => ({ label: `${g.group} ${g.title || GROUP_LABEL[g.group] || ''}`.trim(), share: g.share ?? 0, marker: bench?.peers.byGroup[g.group]?.median ?? null }));
  $('chart-groups').innerHTML = shareBars('Rakendatud moodulirühmade kaupa', groups, bench ? 'sarnaste omavalitsuste mediaan' : undefined);
  const trend = [...p.trend, { period: 'praegu', implementedShare: p.implementedShare }]
    .filter((t) => t.implementedShare !== null)
    .map((t) => ({ label: t.period, share: t.implementedShare! }));
  $('chart-trend').innerHTML = trendLine('Rakendatud meetmete osakaal aruandeperioodide kaupa', trend);

  $('next-steps').innerHTML = p.nextSteps.length
    ? p.nextSteps
        .map(
          (s) =>
            `<li><a href="/jalgimine/meede/?ehak=${ehak}&amp;id=${encodeURIComponent(s.measureId)}">${escapeHtml(s.measureId)} ${escapeHtml(s.title)}</a> · ${escapeHtml(s.priority ?? '')} · ${escapeHtml(CLASS_LABEL[s.class] ?? s.class)}${s.dueDate ? ` · tähtaeg <span class="${s.overdue ? 'overdue' : ''}">${formatDate(s.dueDate)}${s.overdue ? ' (ületatud)' : ''}</span>` : ''}</li>`,
        )
        .join('')
    : '<li>Kõik P1 põhimeetmed on käsitletud.</li>';

  $('benchmark').innerHTML = bench
    ? `<p>Võrdlusgrupp: ${escapeHtml(bench.peerGroup.label)} (${bench.peerGroup.count} omavalitsust, nimesid ei näidata). Sinu rakendatud osakaal on ${formatPercent(bench.kov.implementedShare)}; grupi mediaan ${formatPercent(bench.peers.implementedShare.median)}, alumine kvartiil ${formatPercent(bench.peers.implementedShare.q1)}, ülemine kvartiil ${formatPercent(bench.peers.implementedShare.q3)}.</p>`
    : '<p>Võrdlusandmeid ei ole.</p>';

  $('tables').innerHTML =
    table('Meetmete seis', ['Seis', 'Meetmeid', 'Osakaal'], STATUSES.map((s) => [escapeHtml(STATUS_LABEL[s]), String(p.byStatus[s]?.count ?? 0), formatPercent(p.byStatus[s]?.share ?? 0)])) +
    table('Meetmeklassid', ['Klass', 'Meetmeid', 'Rakendatud', 'Osakaal'], Object.entries(p.byClass).map(([k, v]) => [escapeHtml(CLASS_LABEL[k] ?? k), String(v.total), String(v.implemented), formatPercent(v.share)])) +
    table('Moodulirühmad', ['Rühm', 'Meetmeid', 'Rakendatud', 'Osakaal'], p.byGroup.map((g) => [escapeHtml(`${g.group} ${g.title}`), String(g.total), String(g.implemented), formatPercent(g.share)]));

  const base = `/api/kovs/${ehak}/exports`;
  $('downloads').innerHTML = [
    [`${base}/plan.xlsx`, 'Tegevuskava (XLSX)'],
    [`${base}/plan.csv`, 'Tegevuskava (CSV, Exceli jaoks)'],
    [`${base}/plan.json`, 'Tegevuskava (JSON)'],
    [`${base}/progress.xlsx`, 'Edenemise aruanne (XLSX)'],
  ]
    .map(([href, label]) => `<li><a href="${href}" download>${label}</a></li>`)
    .join('');
}

async function main() {
  const status = $('load-status');
  const ehak = requireEhak(status);
  if (!ehak) return;
  try {
    const [progress, bench] = await Promise.all([
      apiFetch<Progress>(`/api/kovs/${ehak}/progress`),
      apiFetch<Benchmark>(`/api/kovs/${ehak}/benchmark`).catch(() => null),
    ]);
    renderDashboard(progress, bench);
    void setupScopeForm(ehak, () => window.location.reload());
    status.textContent = '';
    $('dashboard').hidden = false;
  } catch (err) {
    status.textContent = loadFailedText(err);
  }
}

void main();
