// The bulk bar's assignment: an owner (an account that can see the municipality) and a due date for
// every selected measure, with or without a new status. Blank leaves each measure's own value.
import { html, render } from 'lit-html';
import type { Person } from '../../../api/contracts/common.ts';
import { apiFetch } from '../lib/api.ts';
import { parseDate } from '../lib/format.ts';

const owner = (root: HTMLElement) => root.querySelector('#bulk-owner') as HTMLSelectElement;
const due = (root: HTMLElement) => root.querySelector('#bulk-dueDate') as HTMLInputElement;

/** Fills the owner picker; without the list the bar still changes statuses. */
export async function loadOwners(root: HTMLElement, ehak: string): Promise<void> {
  const people = await apiFetch<Person[]>(`/api/kovs/${ehak}/assignable-users`).catch(() => []);
  render(
    html`<option value="">– jäta samaks –</option>${people.map((p) => html`<option value=${String(p.id)}>${p.name}</option>`)}`,
    owner(root),
  );
}

/** The assignment's request fields, or the due date's error. */
export function readAssignment(root: HTMLElement): { fields: { ownerUserId?: number; dueDate?: string }; error: string | null } {
  const fields: { ownerUserId?: number; dueDate?: string } = {};
  if (owner(root).value) fields.ownerUserId = Number(owner(root).value);
  const text = due(root).value.trim();
  if (text) {
    const iso = parseDate(text);
    if (!iso) return { fields, error: 'Kuupäev kujul pp.kk.aaaa, nt 31.12.2026.' };
    fields.dueDate = iso;
  }
  return { fields, error: null };
}

/** Shows the due date's error beside it (or clears it). */
export function showDueError(root: HTMLElement, error: string | null): void {
  root.querySelector('#bulk-dueDate-err')!.textContent = error ?? '';
  if (error) {
    due(root).setAttribute('aria-invalid', 'true');
    due(root).focus();
  } else due(root).removeAttribute('aria-invalid');
}

export function clearAssignment(root: HTMLElement): void {
  owner(root).value = '';
  due(root).value = '';
}
