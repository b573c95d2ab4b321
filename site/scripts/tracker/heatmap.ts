// The ELVL heatmap: 79 municipalities × module groups, sortable by any column. Rendered with a keyed
// repeat, so sorting moves the rows instead of rebuilding them and focus stays on the sort button.
import { html, render, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { formatDate, formatPercent } from '../lib/format.ts';
import { trackerUrl } from './vocabulary.ts';
import type { Overview, OverviewRow } from '../../../api/contracts/reports.ts';

export type SortKey = 'name' | 'implementedShare' | 'lastActivity' | string;
export interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

const heat = (share: number | null | undefined) => (share === undefined || share === null ? 'heat' : `heat heat-${Math.min(5, Math.floor(share * 6))}`);

function sorted(rows: OverviewRow[], sort: Sort): OverviewRow[] {
  const value = (r: OverviewRow): string | number =>
    sort.key === 'name' ? r.name : sort.key === 'implementedShare' ? (r.implementedShare ?? -1) : sort.key === 'lastActivity' ? (r.lastActivity ?? '') : (r.byGroup[sort.key] ?? -1);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    return (typeof va === 'string' ? va.localeCompare(String(vb), 'et') : va - Number(vb)) * sort.dir;
  });
}

function head(data: Overview, sort: Sort, onSort: (key: SortKey) => void): TemplateResult {
  const th = (key: SortKey, label: string, title?: string) => {
    const aria = sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${aria}><button type="button" class="sort-button" data-sort=${key} title=${ifDefined(title)} @click=${() => onSort(key)}>${label}</button></th>`;
  };
  return html`<tr>${th('name', 'Omavalitsus')}${th('implementedShare', 'Kokku')}${data.groups.map((g) => th(g.id, g.id, g.title))}${th('lastActivity', 'Viimane muudatus')}</tr>`;
}

function row(r: OverviewRow, groups: string[]): TemplateResult {
  return html`<tr>
    <th scope="row"><a href=${trackerUrl.dashboard(r.ehak)}>${r.name}</a></th>
    <td class=${heat(r.implementedShare)}>${formatPercent(r.implementedShare)}</td>
    ${groups.map((g) => html`<td class=${heat(r.byGroup[g])}>${formatPercent(r.byGroup[g])}</td>`)}
    <td>${formatDate(r.lastActivity)}</td>
  </tr>`;
}

/** Renders the heat table into `table` (its thead and tbody); `onSort` re-renders with the new order. */
export function renderHeatmap(table: HTMLTableElement, data: Overview, sort: Sort, onSort: (key: SortKey) => void): void {
  const groups = data.groups.map((g) => g.id);
  render(head(data, sort, onSort), table.tHead!);
  const median = html`<tr class="heatmap__median"><th scope="row">Mediaan</th><td class=${heat(data.median.implementedShare)}>${formatPercent(data.median.implementedShare)}</td>${groups.map(
    (g) => html`<td class=${heat(data.median.byGroup[g])}>${formatPercent(data.median.byGroup[g])}</td>`,
  )}<td></td></tr>`;
  render(html`${median}${repeat(sorted(data.rows, sort), (r) => r.ehak, (r) => row(r, groups))}`, table.tBodies[0]!);
}
