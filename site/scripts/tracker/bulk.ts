// Bulk selection: one status for many measures of one target object in one all-or-nothing request. The bar offers the
// fields the chosen status keeps and marks those it requires, by the API's own rule
// (status-rules.ts); the API's field errors appear next to their control. "Jäta seis samaks" with an
// owner and/or due date (bulk-assign.ts) assigns the measures without changing their statuses.
import type { Status } from '../../../api/contracts/labels.ts';
import { keepsField, requiresField, STATUS_FIELDS, type StatusField } from '../../../api/tracker/status-rules.ts';
import { apiFetch, ApiRequestError } from '../lib/api.ts';
import { clearAssignment, loadOwners, readAssignment, showDueError } from './bulk-assign.ts';
import { parseDate } from '../lib/format.ts';
import { statusLabel } from './vocabulary.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';

/** What bulk changes need of the measure table (<tv-measure-table> provides it). */
export interface BulkHost extends HTMLElement {
  readonly ehak: string;
  rows: MeasureRow[];
  readonly visible: MeasureRow[];
  readonly selected: Set<string>;
  keyOf(r: MeasureRow): string;
  render(): void;
  announce(text: string): void;
}

type FieldErrors = Partial<Record<StatusField, string>>;

const DATE_FIELDS: ReadonlySet<StatusField> = new Set(['acceptedAt']);
/** The table element the bar belongs to; every lookup stays inside it. */
let root: HTMLElement = document.body;
const input = (f: StatusField) => root.querySelector(`#bulk-${f}`) as HTMLInputElement;
const statusSelect = () => root.querySelector('#bulk-status') as HTMLSelectElement;

/** The chosen status, or null for "jäta seis samaks". */
const chosenStatus = (): Status | null => (statusSelect().value as Status | '') || null;

/** Shows the fields the status keeps (none when the status stays); marks the ones it requires. */
function showFields(status: Status | null): void {
  for (const f of STATUS_FIELDS) {
    const box = root.querySelector<HTMLElement>(`[data-bulk-field="${f}"]`)!;
    box.hidden = status === null || !keepsField(status, f);
    const required = status !== null && requiresField(status, f);
    box.querySelector<HTMLElement>('[data-required-hint]')!.hidden = !required;
    input(f).setAttribute('aria-required', String(required));
  }
}

/** Each field's error beside it (aria-describedby), the rest under the button; focus the first invalid field. */
function showErrors(errors: FieldErrors, general: string): void {
  for (const f of STATUS_FIELDS) {
    root.querySelector(`#bulk-${f}-err`)!.textContent = errors[f] ?? '';
    if (errors[f]) input(f).setAttribute('aria-invalid', 'true');
    else input(f).removeAttribute('aria-invalid');
  }
  root.querySelector('#bulk-error')!.textContent = general;
  const status = chosenStatus();
  const first = STATUS_FIELDS.find((f) => errors[f] && status !== null && keepsField(status, f));
  if (first) input(first).focus();
}

/** The request's fields: blank ones are left out, so each measure keeps its own value. */
function readFields(status: Status | null): { fields: Partial<Record<StatusField, string>>; errors: FieldErrors } {
  const fields: Partial<Record<StatusField, string>> = {};
  const errors: FieldErrors = {};
  for (const f of STATUS_FIELDS) {
    const value = input(f).value.trim();
    if (status === null || !keepsField(status, f) || !value) continue;
    if (!DATE_FIELDS.has(f)) fields[f] = value;
    else if (parseDate(value)) fields[f] = parseDate(value)!;
    else errors[f] = 'Kuupäev kujul pp.kk.aaaa, nt 31.12.2026.';
  }
  return { fields, errors };
}

/** The API's validation details by field (bulk paths look like measureIds.3.acceptedAt). */
function apiFieldErrors(err: unknown): FieldErrors | null {
  if (!(err instanceof ApiRequestError) || err.status !== 400 || !Array.isArray(err.details)) return null;
  const errors: FieldErrors = {};
  for (const d of err.details as Array<{ path?: string; message?: string }>) {
    const f = d.path?.split('.').pop() as StatusField | undefined;
    if (f && (STATUS_FIELDS as readonly string[]).includes(f) && !errors[f]) errors[f] = d.message ?? '';
  }
  return Object.keys(errors).length ? errors : null;
}

export function setupBulk(page: BulkHost): void {
  root = page;
  const bar = root.querySelector<HTMLElement>('#bulk-bar')!;
  const count = root.querySelector<HTMLElement>('#bulk-count')!;
  const update = () => {
    bar.hidden = page.selected.size === 0;
    count.textContent = `Valitud ${page.selected.size} meedet.`;
  };
  void loadOwners(root, page.ehak);
  showFields(chosenStatus());
  statusSelect().addEventListener('change', () => {
    showFields(chosenStatus());
    showErrors({}, '');
  });
  root.querySelector('#measure-rows')!.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    const id = box.dataset['select'];
    if (!id) return;
    if (box.checked) page.selected.add(id);
    else page.selected.delete(id);
    update();
  });
  root.querySelector('#select-all')!.addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    for (const r of page.visible) {
      if (on) page.selected.add(page.keyOf(r));
      else page.selected.delete(page.keyOf(r));
    }
    page.render();
    update();
  });
  root.querySelector('#bulk-apply')!.addEventListener('click', async () => {
    const status = chosenStatus();
    const { fields, errors } = readFields(status);
    const assignment = readAssignment(root);
    showDueError(root, assignment.error);
    if (Object.keys(errors).length || assignment.error) return showErrors(errors, 'Paranda märgitud väljad.');
    if (status === null && Object.keys(assignment.fields).length === 0) return showErrors({}, 'Vali uus seis, vastutaja või tähtaeg.');
    const chosen = page.rows.filter((r) => page.selected.has(page.keyOf(r)));
    const objects = new Set(chosen.map((r) => r.objectId));
    // One request is all or nothing for one object; a selection across objects would not be.
    if (objects.size > 1) return showErrors({}, 'Valitud meetmed on mitmel sihtobjektil. Vali objekt filtrist ja muuda iga objekti meetmeid eraldi.');
    const measureIds = chosen.map((r) => r.measureId);
    try {
      const json = { measureIds, objectId: [...objects][0], ...(status ? { status } : {}), ...fields, ...assignment.fields };
      await apiFetch<{ updated: number }>(`/api/kovs/${page.ehak}/measures`, { method: 'PATCH', json });
    } catch (err) {
      const general = `Ühtegi meedet ei muudetud: ${(err as Error).message}`;
      return showErrors(apiFieldErrors(err) ?? {}, general);
    }
    showErrors({}, '');
    for (const f of STATUS_FIELDS) input(f).value = '';
    clearAssignment(root);
    page.selected.clear();
    (root.querySelector('#select-all') as HTMLInputElement).checked = false;
    update();
    const changed = status ? `${measureIds.length} meedet on nüüd „${statusLabel(status)}“.` : `${measureIds.length} meetme vastutaja või tähtaeg on muudetud.`;
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
