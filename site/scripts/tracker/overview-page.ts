// ELVL overview: 79 municipalities × module groups as a sortable heatmap table.
import { hasPermission } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { escapeHtml, formatDate, formatPercent } from '../lib/format.ts';
import { GROUP_LABEL } from './vocabulary.ts';
import type { Overview, OverviewRow } from '../../../api/contracts/reports.ts';
import { setupSharedServices } from './shared-services.ts';

const GROUP_TITLE: Record<string, string> = { ...GROUP_LABEL };
type SortKey = 'name' | 'implementedShare' | 'lastActivity' | string;

const heat = (share: number | null | undefined) => (share === undefined || share === null ? '' : `heat-${Math.min(5, Math.floor(share * 6))}`);

function render(data: Overview, groups: string[], sort: { key: SortKey; dir: 1 | -1 }) {
  const value = (r: OverviewRow, key: SortKey): string | number =>
    key === 'name' ? r.name : key === 'implementedShare' ? (r.implementedShare ?? -1) : key === 'lastActivity' ? (r.lastActivity ?? '') : (r.byGroup[key] ?? -1);
  const rows = [...data.rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    return (typeof va === 'string' ? va.localeCompare(String(vb), 'et') : va - Number(vb)) * sort.dir;
  });
  const th = (key: SortKey, label: string, title?: string) => {
    const aria = sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none';
    return `<th scope="col" aria-sort="${aria}"><button type="button" class="sort-button" data-sort="${escapeHtml(key)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(label)}</button></th>`;
  };
  document.getElementById('heatmap-head')!.innerHTML = `<tr>${th('name', 'Omavalitsus')}${th('implementedShare', 'Kokku')}${groups.map((g) => th(g, g, GROUP_TITLE[g])).join('')}${th('lastActivity', 'Viimane muudatus')}</tr>`;
  const medianRow = `<tr><th scope="row">Mediaan</th><td class="heat ${heat(data.median.implementedShare)}">${formatPercent(data.median.implementedShare)}</td>${groups
    .map((g) => `<td class="heat ${heat(data.median.byGroup[g])}">${formatPercent(data.median.byGroup[g])}</td>`)
    .join('')}<td></td></tr>`;
  document.getElementById('heatmap-body')!.innerHTML =
    medianRow +
    rows
      .map(
        (r) =>
          `<tr><th scope="row"><a href="/jalgimine/kov/?ehak=${r.ehak}">${escapeHtml(r.name)}</a></th><td class="heat ${heat(r.implementedShare)}">${formatPercent(r.implementedShare)}</td>${groups
            .map((g) => `<td class="heat ${heat(r.byGroup[g])}">${formatPercent(r.byGroup[g])}</td>`)
            .join('')}<td>${formatDate(r.lastActivity)}</td></tr>`,
      )
      .join('');
}

async function main() {
  const status = document.getElementById('load-status')!;
  try {
    const [me, data] = await Promise.all([fetchMe(), apiFetch<Overview>('/api/reports/overview')]);
    const groups = data.groups.map((g) => g.id);
    for (const g of data.groups) GROUP_TITLE[g.id] = g.title;
    const sort: { key: SortKey; dir: 1 | -1 } = { key: 'implementedShare', dir: -1 };
    document.getElementById('median')!.textContent = `${data.rows.length} omavalitsust; rakendatud meetmete osakaalu mediaan ${formatPercent(data.median.implementedShare)}.`;
    render(data, groups, sort);
    document.getElementById('heatmap-head')!.addEventListener('click', (e) => {
      const key = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-sort]')?.dataset['sort'];
      if (!key) return;
      sort.dir = sort.key === key ? (sort.dir === 1 ? -1 : 1) : key === 'name' ? 1 : -1;
      sort.key = key;
      render(data, groups, sort);
      document.querySelector<HTMLButtonElement>(`button[data-sort="${CSS.escape(key)}"]`)?.focus();
    });
    document.getElementById('snapshot-section')!.hidden = !hasPermission(me, 'reports.snapshot');
    document.getElementById('snapshot-form')!.addEventListener('submit', async (e) => {
      e.preventDefault();
      const period = (document.getElementById('snapshot-period') as HTMLInputElement).value.trim();
      const out = document.getElementById('snapshot-status')!;
      try {
        await apiFetch('/api/reports/snapshots', { method: 'POST', json: { period } });
        out.textContent = `Periood ${period} on külmutatud.`;
      } catch (err) {
        out.textContent = `Külmutamine ebaõnnestus: ${(err as Error).message}`;
      }
    });
    await setupSharedServices(data.rows, hasPermission(me, 'shared_services.manage'));
    status.textContent = '';
    document.getElementById('overview')!.hidden = false;
  } catch (err) {
    status.textContent = `Koondvaate laadimine ebaõnnestus: ${(err as Error).message}`;
  }
}

void main();
