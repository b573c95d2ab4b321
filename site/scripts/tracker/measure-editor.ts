// Inline, keyboard-first editing of one measure's status, with optimistic concurrency:
// a 409 shows what the other person saved and lets the user keep theirs or take the other.
import { apiFetch, ApiRequestError } from '../lib/api.ts';
import { escapeHtml, formatDate, formatDateTime, parseDate } from '../lib/format.ts';
import { STATUS_LABEL, STATUSES, statusLabel } from './vocabulary.ts';
import type { MeasureListItem as MeasureRow, MeasureRecord } from '../../../api/contracts/tracker.ts';
import type { TablePage } from './table-page.ts';

const fieldIds = ['status', 'responsible', 'dueDate', 'description', 'justification', 'acceptedBy', 'acceptedAt'] as const;

function formHtml(r: MeasureRecord): string {
  const opt = STATUSES.map((s) => `<option value="${s}"${s === r.status ? ' selected' : ''}>${STATUS_LABEL[s]}</option>`).join('');
  const text = (id: string, label: string, value: string | null, hint = '') =>
    `<div class="field"><label for="e-${id}">${label}${hint ? `<span class="hint">${hint}</span>` : ''}</label><input id="e-${id}" name="${id}" type="text" value="${escapeHtml(value ?? '')}" aria-describedby="e-${id}-err" /><span id="e-${id}-err" class="error-message"></span></div>`;
  const area = (id: string, label: string, value: string | null, hint = '') =>
    `<div class="field"><label for="e-${id}">${label}${hint ? `<span class="hint">${hint}</span>` : ''}</label><textarea id="e-${id}" name="${id}" aria-describedby="e-${id}-err">${escapeHtml(value ?? '')}</textarea><span id="e-${id}-err" class="error-message"></span></div>`;
  return `<form class="edit-form" aria-label="Muuda meedet ${escapeHtml(r.measureId)}">
    <div class="field"><label for="e-status">Seis</label><select id="e-status" name="status" aria-describedby="e-status-err">${opt}</select><span id="e-status-err" class="error-message"></span></div>
    ${text('responsible', 'Vastutaja', r.responsible)}
    ${text('dueDate', 'Tähtaeg', formatDate(r.dueDate), 'pp.kk.aaaa')}
    ${area('description', 'Rakendamise kirjeldus', r.description)}
    ${area('justification', 'Põhjendus', r.justification, 'nõutud, kui meede pole asjakohane või risk on aktsepteeritud')}
    ${text('acceptedBy', 'Riski aktsepteeris', r.acceptedBy, 'nimi ja ametikoht')}
    ${text('acceptedAt', 'Aktsepteerimise kuupäev', formatDate(r.acceptedAt), 'pp.kk.aaaa')}
    <div class="edit-form__actions"><button type="submit" class="button">Salvesta</button><button type="button" class="button button--secondary" data-cancel>Katkesta</button><span class="error-message" data-form-error role="alert"></span></div>
  </form>`;
}

function closeEditor(page: TablePage, measureId: string, focusEdit = true) {
  document.querySelector('tr.edit-row')?.remove();
  document.querySelector('tr.is-editing')?.classList.remove('is-editing');
  page.render();
  if (focusEdit) document.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(measureId)}"]`)?.focus();
}

function readForm(form: HTMLFormElement): { body: Record<string, string | null>; errors: Record<string, string> } {
  const v = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
  const errors: Record<string, string> = {};
  const date = (n: string) => {
    if (!v(n)) return null;
    const iso = parseDate(v(n));
    if (!iso) errors[n] = 'Kuupäev kujul pp.kk.aaaa, nt 31.12.2026.';
    return iso;
  };
  const body = {
    status: v('status'),
    responsible: v('responsible') || null,
    dueDate: date('dueDate'),
    description: v('description') || null,
    justification: v('justification') || null,
    acceptedBy: v('acceptedBy') || null,
    acceptedAt: date('acceptedAt'),
  };
  return { body, errors };
}

function showErrors(form: HTMLFormElement, errors: Record<string, string>, general = '') {
  for (const id of fieldIds) {
    const el = form.querySelector(`#e-${id}-err`);
    if (el) el.textContent = errors[id] ?? '';
    form.querySelector(`#e-${id}`)?.setAttribute('aria-invalid', errors[id] ? 'true' : 'false');
  }
  form.querySelector('[data-form-error]')!.textContent = general;
  const first = fieldIds.find((id) => errors[id]);
  if (first) form.querySelector<HTMLElement>(`#e-${first}`)?.focus();
}

function showConflict(page: TablePage, mine: Record<string, string | null>, current: MeasureRecord) {
  const box = document.getElementById('conflict')!;
  box.innerHTML = `<div class="notice notice--warning"><h2>Keegi muutis seda meedet samal ajal</h2>
    <p>${escapeHtml(current.updatedBy?.name ?? 'Teine kasutaja')} salvestas ${escapeHtml(formatDateTime(current.updatedAt))} meetmele ${escapeHtml(current.measureId)} seisu
    „${escapeHtml(statusLabel(current.status))}“${current.description ? ` kirjeldusega „${escapeHtml(current.description)}“` : ''}. Sinu muudatust ei salvestatud.</p>
    <button type="button" class="button" data-overwrite>Salvesta siiski minu muudatus</button>
    <button type="button" class="button button--secondary" data-keep>Jäta nende muudatus</button></div>`;
  page.replace(current);
  box.querySelector<HTMLButtonElement>('[data-overwrite]')!.focus();
  box.querySelector('[data-keep]')!.addEventListener('click', () => {
    box.innerHTML = '';
    closeEditor(page, current.measureId);
  });
  box.querySelector('[data-overwrite]')!.addEventListener('click', async () => {
    box.innerHTML = '';
    await save(page, current.measureId, { ...mine }, current.version, null);
  });
}

async function save(page: TablePage, measureId: string, body: Record<string, string | null>, version: number, form: HTMLFormElement | null) {
  try {
    const saved = await apiFetch<MeasureRecord>(`/api/kovs/${page.ehak}/measures/${encodeURIComponent(measureId)}`, {
      method: 'PUT',
      json: { ...body, version },
    });
    page.replace(saved);
    closeEditor(page, measureId);
    page.announce(`Salvestatud: ${measureId} on nüüd „${statusLabel(saved.status)}“.`);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 409) {
      const current = (err.details as { current?: MeasureRecord } | undefined)?.current;
      if (current) return showConflict(page, body, current);
    }
    if (err instanceof ApiRequestError && err.status === 400 && Array.isArray(err.details) && form) {
      const errors: Record<string, string> = {};
      for (const d of err.details as Array<{ path: string; message: string }>) errors[d.path.split('.').pop() ?? ''] = d.message;
      return showErrors(form, errors, err.message);
    }
    if (form) showErrors(form, {}, (err as Error).message);
    else page.announce(`Salvestamine ebaõnnestus: ${(err as Error).message}`);
  }
}

export async function openEditor(page: TablePage, measureId: string): Promise<void> {
  document.querySelector('tr.edit-row')?.remove();
  const row = document.querySelector<HTMLTableRowElement>(`tr[data-id="${CSS.escape(measureId)}"]`);
  if (!row) return;
  let record: MeasureRecord;
  try {
    record = await apiFetch<MeasureRecord>(`/api/kovs/${page.ehak}/measures/${encodeURIComponent(measureId)}`);
  } catch (err) {
    page.announce(`Meetme laadimine ebaõnnestus: ${(err as Error).message}`);
    return;
  }
  row.classList.add('is-editing');
  row.insertAdjacentHTML('afterend', `<tr class="edit-row"><td colspan="9">${formHtml(record)}</td></tr>`);
  const form = row.nextElementSibling!.querySelector('form')!;
  form.querySelector<HTMLSelectElement>('#e-status')!.focus();
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeEditor(page, measureId);
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  form.querySelector('[data-cancel]')!.addEventListener('click', () => closeEditor(page, measureId));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const { body, errors } = readForm(form);
    if (Object.keys(errors).length) return showErrors(form, errors, 'Paranda märgitud väljad.');
    void save(page, measureId, body, record.version, form);
  });
}

export type { MeasureRow };
