// The measure table: filters, search, inline editing and bulk changes for one municipality.
import { canWriteKov } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { escapeHtml, formatDate } from '../lib/format.ts';
import { openEditor } from './measure-editor.ts';
import { setupBulk } from './bulk.ts';
import { CLASS_LABEL, STATUS_LABEL, STATUSES, loadFailedText, requireEhak, statusLabel } from './vocabulary.ts';
import type { TablePage } from './table-page.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function statusBadge(r: MeasureRow): string {
  const shared = r.sharedService && r.status === 'not_assessed';
  return `<span class="status-badge ${shared ? 'status-shared' : `status-${r.status}`}">${escapeHtml(statusLabel(r.status, r.sharedService?.provider))}</span>`;
}

function filtered(page: TablePage): MeasureRow[] {
  const q = $<HTMLInputElement>('f-q').value.trim().toLowerCase();
  const st = $<HTMLSelectElement>('f-status').value;
  const cl = $<HTMLSelectElement>('f-class').value;
  const pr = $<HTMLSelectElement>('f-priority').value;
  const mo = $<HTMLSelectElement>('f-module').value;
  const overdue = $<HTMLInputElement>('f-overdue').checked;
  return page.rows.filter(
    (r) =>
      (!q || r.measureId.toLowerCase().includes(q) || r.title.toLowerCase().includes(q)) &&
      (!st || r.status === st) &&
      (!cl || r.class === cl) &&
      (!pr || r.priority === pr) &&
      (!mo || r.module === mo) &&
      (!overdue || r.overdue),
  );
}

function rowHtml(page: TablePage, r: MeasureRow): string {
  // The API decides what is overdue (due before today in Tallinn, effective status still open).
  const overdue = r.overdue;
  const id = escapeHtml(r.measureId);
  return `<tr data-id="${id}">
    <td><input type="checkbox" data-select="${id}" aria-label="Vali ${id}"${page.selected.has(r.measureId) ? ' checked' : ''}${page.canWrite ? '' : ' disabled'} /></td>
    <th scope="row"><a href="/jalgimine/meede/?ehak=${page.ehak}&amp;id=${encodeURIComponent(r.measureId)}">${id}</a></th>
    <td>${escapeHtml(r.title)}</td>
    <td>${escapeHtml(CLASS_LABEL[r.class] ?? r.class)}</td>
    <td>${escapeHtml(r.priority ?? '–')}</td>
    <td>${statusBadge(r)}</td>
    <td>${escapeHtml(r.responsible ?? '')}</td>
    <td${overdue ? ' class="overdue"' : ''}>${formatDate(r.dueDate)}${overdue ? ' <span class="visually-hidden">(tähtaeg ületatud)</span>' : ''}</td>
    <td>${page.canWrite ? `<button type="button" class="button button--secondary" data-edit="${id}">Muuda<span class="visually-hidden"> ${id}</span></button>` : ''}</td>
  </tr>`;
}

async function main() {
  const status = $('load-status');
  const ehak = requireEhak(status);
  if (!ehak) return;
  for (const s of STATUSES) {
    $('f-status').insertAdjacentHTML('beforeend', `<option value="${s}">${STATUS_LABEL[s]}</option>`);
    $('bulk-status').insertAdjacentHTML('beforeend', `<option value="${s}">${STATUS_LABEL[s]}</option>`);
  }
  let rows: MeasureRow[];
  try {
    const [me, list, kovs] = await Promise.all([
      fetchMe(),
      apiFetch<MeasureRow[]>(`/api/kovs/${ehak}/measures`),
      apiFetch<Array<{ ehak: string; name: string }>>('/api/kovs'),
    ]);
    rows = list;
    const kov = kovs.find((k) => k.ehak === ehak);
    if (kov) {
      $('crumb-kov').textContent = kov.name;
      $('page-title').textContent = `${kov.name}: meetmed`;
      document.title = `${kov.name}: meetmed – Turvarada`;
    }
    const canWrite = !!me && canWriteKov(me, ehak);
    const page: TablePage = {
      ehak,
      rows,
      canWrite,
      selected: new Set(),
      render() {
        const visible = filtered(page);
        $('measure-rows').innerHTML = visible.map((r) => rowHtml(page, r)).join('');
        status.textContent = `Näidatakse ${visible.length} meedet ${page.rows.length}-st.`;
      },
      replace(row) {
        const i = page.rows.findIndex((r) => r.measureId === row.measureId);
        if (i >= 0) page.rows[i] = { ...page.rows[i]!, ...row };
      },
      announce(text) {
        status.textContent = text;
      },
    };
    const modules = [...new Set(rows.map((r) => r.module))].sort((a, b) => a.localeCompare(b, 'et', { numeric: true }));
    for (const m of modules) $('f-module').insertAdjacentHTML('beforeend', `<option>${escapeHtml(m)}</option>`);
    $('filters').addEventListener('input', () => page.render());
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('measure-rows').addEventListener('click', (e) => {
      const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-edit]');
      if (btn) openEditor(page, btn.dataset['edit']!);
    });
    if (canWrite) setupBulk(page);
    page.render();
    $('measure-table').hidden = false;
  } catch (err) {
    status.textContent = loadFailedText(err);
  }
}

void main();
