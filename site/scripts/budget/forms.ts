// The cost entry form, business-panel dates and the declaration download: validated in the
// browser with messages beside the fields and a summary; the API re-checks everything.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import { formatDate, parseDate } from '../lib/format.ts';
import type { ActualWarning } from '../../../api/contracts/budget.ts';

type ActualCreated = { id: number; version: number; warnings: ActualWarning[] };

export interface FieldError {
  id: string;
  message: string;
}

/** "1 250,50" → "1250.50" (the API parses decimal strings exactly), or null. */
export function parseAmount(text: string): string | null {
  const t = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  return /^-?\d+(\.\d{1,2})?$/.test(t) ? t : null;
}

/** Shows errors beside their fields and in a focused summary; clears previous ones. */
export function showErrors(form: HTMLFormElement, box: HTMLElement, errors: FieldError[], heading = 'Palun paranda vead'): void {
  form.querySelectorAll('.error-message').forEach((el) => el.remove());
  form.querySelectorAll('[aria-invalid]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((d) => !d.endsWith('-error')).join(' ');
    if (described) el.setAttribute('aria-describedby', described);
    else el.removeAttribute('aria-describedby');
  });
  if (errors.length === 0) {
    render(nothing, box);
    return;
  }
  for (const err of errors) {
    const input = document.getElementById(err.id);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    const msg = document.createElement('p');
    msg.className = 'error-message';
    msg.id = `${err.id}-error`;
    msg.textContent = err.message;
    input.before(msg);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${msg.id}`.trim());
  }
  const items = errors.map((er) => html`<li><a href="#${er.id}">${er.message}</a></li>`);
  render(html`<div class="budget-error-summary" role="alert" tabindex="-1"><h3>${heading}</h3><ul>${items}</ul></div>`, box);
  box.querySelector<HTMLElement>('.budget-error-summary')!.focus();
}

function val(id: string): string {
  return (document.getElementById(id) as HTMLInputElement).value.trim();
}

/** Reads and validates the cost form; returns the body (FormData when a file is attached). */
export function readCostForm(): { errors: FieldError[]; body?: FormData | Record<string, string> } {
  const errors: FieldError[] = [];
  const date = parseDate(val('cost-date'));
  if (!date) errors.push({ id: 'cost-date', message: 'Sisesta kuupäev kujul pp.kk.aaaa.' });
  const net = parseAmount(val('cost-net'));
  if (net === null) errors.push({ id: 'cost-net', message: 'Sisesta summa eurodes, kuni kaks komakohta.' });
  const vat = parseAmount(val('cost-vat'));
  if (vat === null) errors.push({ id: 'cost-vat', message: 'Sisesta käibemaks eurodes (0, kui käibemaksu pole).' });
  if (!val('cost-supplier')) errors.push({ id: 'cost-supplier', message: 'Sisesta tarnija.' });
  if (!val('cost-doc')) errors.push({ id: 'cost-doc', message: 'Sisesta dokumendi number.' });
  if (errors.length) return { errors };
  const fields: Record<string, string> = {
    initiative: val('cost-initiative'),
    date: date!,
    account: val('cost-account'),
    net: net!,
    vat: vat!,
    supplier: val('cost-supplier'),
    documentNumber: val('cost-doc'),
    description: val('cost-desc'),
  };
  const file = (document.getElementById('cost-file') as HTMLInputElement).files?.[0];
  if (!file) return { errors, body: fields };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('attachment', file);
  return { errors, body: form };
}

export async function submitCost(planId: number, body: FormData | Record<string, string>): Promise<ActualCreated> {
  const path = `/api/budget/plans/${planId}/actuals`;
  return body instanceof FormData ? apiFetch<ActualCreated>(path, { method: 'POST', body }) : apiFetch<ActualCreated>(path, { method: 'POST', json: body });
}

export function panels(items: Array<{ code: string; name: string; date: string | null }>): TemplateResult {
  if (items.length === 0) return html`<p>Selles plaanis pole äripaneeli nõudvaid algatusi.</p>`;
  return html`${items.map(
    (i) => html`<form class="budget-panel-row" data-code=${i.code} novalidate>
      <div class="field"><label for="panel-${i.code}">${i.name} – äripaneeli kuupäev</label>
      <span class="hint" id="panel-${i.code}-hint">${i.date ? `Salvestatud: ${formatDate(i.date)}` : 'Pole veel läbitud'}; kujul pp.kk.aaaa</span>
      <input id="panel-${i.code}" type="text" inputmode="numeric" .value=${formatDate(i.date)} aria-describedby="panel-${i.code}-hint" /></div>
      <button class="button button--secondary" type="submit">Salvesta kuupäev</button></form>`,
  )}`;
}

export function errorText(err: unknown): string {
  return err instanceof ApiRequestError ? err.message : 'Päring ebaõnnestus. Proovi uuesti.';
}
