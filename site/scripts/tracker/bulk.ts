// Bulk selection: one status for many measures in one all-or-nothing request.
import { apiFetch } from '../lib/api.ts';
import { statusLabel } from './vocabulary.ts';
import type { MeasureRow } from './types.ts';
import type { TablePage } from './table-page.ts';

export function setupBulk(page: TablePage): void {
  const bar = document.getElementById('bulk-bar')!;
  const count = document.getElementById('bulk-count')!;
  const update = () => {
    bar.hidden = page.selected.size === 0;
    count.textContent = `Valitud ${page.selected.size} meedet.`;
  };
  document.getElementById('measure-rows')!.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const id = box.dataset['select'];
    if (!id) return;
    if (box.checked) page.selected.add(id);
    else page.selected.delete(id);
    update();
  });
  document.getElementById('select-all')!.addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    for (const box of document.querySelectorAll<HTMLInputElement>('#measure-rows input[data-select]')) {
      box.checked = on;
      if (on) page.selected.add(box.dataset['select']!);
      else page.selected.delete(box.dataset['select']!);
    }
    update();
  });
  document.getElementById('bulk-apply')!.addEventListener('click', async () => {
    const status = (document.getElementById('bulk-status') as HTMLSelectElement).value;
    const justification = (document.getElementById('bulk-justification') as HTMLInputElement).value.trim() || undefined;
    const measureIds = [...page.selected];
    try {
      await apiFetch<{ updated: number }>(`/api/kovs/${page.ehak}/measures`, { method: 'PATCH', json: { measureIds, status, justification } });
    } catch (err) {
      page.announce(`Ühtegi meedet ei muudetud: ${(err as Error).message}`);
      return;
    }
    page.selected.clear();
    (document.getElementById('select-all') as HTMLInputElement).checked = false;
    update();
    const changed = `${measureIds.length} meedet on nüüd „${statusLabel(status)}“.`;
    try {
      // The answer names only the new versions; the rows also show who changed them and when.
      page.rows = await apiFetch<MeasureRow[]>(`/api/kovs/${page.ehak}/measures`);
      page.render();
      page.announce(changed);
    } catch (err) {
      // The change is saved; only the table could not follow it.
      page.render();
      page.announce(`${changed} Tabelit ei saanud uuendada (${(err as Error).message}); laadi leht uuesti.`);
    }
  });
}
