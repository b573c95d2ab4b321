// Recording, correcting and cancelling actual costs on /eelarve/. The outcome is said where the user
// is: at the cost form (a focused status region inside it) or above the cost list, never at the top
// of the page. A VAT that does not match the rate in force on the date comes back as a warning: the
// cost is saved, the warning is shown at the form (and can be fixed with "Paranda").
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { apiFetch } from '../lib/api.ts';
import { formatDate, formatEuro } from '../lib/format.ts';
import { errorText, readCostForm, showErrors, submitCost } from './forms.ts';
import type { ActualChanged, ActualCost, ActualWarning } from '../../../api/contracts/budget.ts';

const note = (kind: 'success' | 'warning' | 'error', text: string | TemplateResult) => html`<p class="notice notice--${kind}">${text}</p>`;
const amount = (e: number) => formatEuro(e).replace(/\u00a0€$/, '').replace('−', '-');

export class CostEditor {
  #editing: ActualCost | null = null;
  #cancelling: ActualCost | null = null;
  costs: ActualCost[] = [];
  readonly root: HTMLElement;
  readonly planId: () => number;
  readonly reload: () => Promise<void>;

  constructor(root: HTMLElement, planId: () => number, reload: () => Promise<void>) {
    this.root = root;
    this.planId = planId;
    this.reload = reload;
    this.#el('cost-form').addEventListener('submit', (e) => void this.#save(e));
    this.#el('cost-edit-cancel').addEventListener('click', () => this.#endEdit(true));
    this.#el('actuals').addEventListener('click', (e) => this.#rowAction(e));
    this.#el('cancel-form').addEventListener('submit', (e) => void this.#cancel(e));
    this.#el('cancel-back').addEventListener('click', () => this.#closeCancel(true));
  }

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.root.querySelector<T>(`#${id}`)!;
  }
  #input(id: string): HTMLInputElement {
    return this.#el<HTMLInputElement>(id);
  }

  /** Says the outcome inside the form and moves focus there, so it is seen and read where the user is. */
  #say(id: 'cost-result' | 'actuals-result', content: TemplateResult | typeof nothing): void {
    const box = this.#el(id);
    render(content, box);
    if (content !== nothing) box.focus();
  }

  async #save(ev: Event): Promise<void> {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const box = this.#el('cost-errors');
    render(nothing, this.#el('cost-result'));
    const { errors, body } = readCostForm();
    showErrors(form, box, errors);
    if (!body) return;
    const editing = this.#editing;
    try {
      let warnings: ActualWarning[];
      if (editing) {
        const fields = body instanceof FormData ? Object.fromEntries([...body.entries()].filter(([k]) => k !== 'attachment')) : body;
        warnings = (await apiFetch<ActualChanged>(`/api/budget/plans/${this.planId()}/actuals/${editing.id}`, { method: 'PATCH', json: { ...fields, version: editing.version } })).warnings;
      } else warnings = (await submitCost(this.planId(), body)).warnings;
      const get = (k: string) => String(body instanceof FormData ? body.get(k) : body[k]);
      this.#endEdit(false);
      form.reset();
      await this.reload();
      const what = `${get('supplier')}, ${formatEuro(Number(get('net')))} ilma käibemaksuta`;
      this.#say('cost-result', html`${note('success', `${editing ? 'Parandus salvestatud' : 'Kulu salvestatud'}: ${what}.`)}${warnings.map((w) => note('warning', html`<strong>Hoiatus:</strong> ${w.message}`))}`);
    } catch (err) {
      showErrors(form, box, [{ id: 'cost-initiative', message: errorText(err) }], editing ? 'Parandust ei salvestatud' : 'Kulu ei salvestatud');
    }
  }

  #rowAction(ev: Event): void {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const cost = button && this.costs.find((c) => c.id === Number(button.dataset['id']));
    if (!button || !cost) return;
    if (button.dataset['action'] === 'correct') this.#startEdit(cost);
    else this.#openCancel(cost);
  }

  #startEdit(c: ActualCost): void {
    this.#closeCancel(false);
    this.#editing = c;
    const set = (id: string, v: string) => (this.#input(id).value = v);
    set('cost-initiative', c.initiative);
    set('cost-date', formatDate(c.date));
    set('cost-account', c.account);
    set('cost-net', amount(c.net));
    set('cost-vat', amount(c.vat));
    set('cost-supplier', c.supplier);
    set('cost-doc', c.documentNumber);
    set('cost-desc', c.description);
    this.#el('cost-h').textContent = `Paranda kulu ${c.documentNumber}`;
    this.#el('cost-submit').textContent = 'Salvesta parandus';
    this.#el('cost-edit-cancel').hidden = false;
    this.#el('cost-file-field').hidden = true;
    render(nothing, this.#el('cost-result'));
    this.#input('cost-initiative').focus();
  }

  #endEdit(focus: boolean): void {
    const was = this.#editing;
    this.#editing = null;
    this.#el('cost-h').textContent = 'Lisa tegelik kulu';
    this.#el('cost-submit').textContent = 'Salvesta kulu';
    this.#el('cost-edit-cancel').hidden = true;
    this.#el('cost-file-field').hidden = false;
    if (!focus) return;
    this.#el<HTMLFormElement>('cost-form').reset();
    showErrors(this.#el<HTMLFormElement>('cost-form'), this.#el('cost-errors'), []);
    this.root.querySelector<HTMLElement>(`button[data-action="correct"][data-id="${was?.id}"]`)?.focus();
  }

  #openCancel(c: ActualCost): void {
    this.#cancelling = c;
    const form = this.#el<HTMLFormElement>('cancel-form');
    form.reset();
    showErrors(form, this.#el('cancel-errors'), []);
    this.#el('cancel-what').textContent = `${formatDate(c.date)}, ${c.supplier}, dokument ${c.documentNumber}, ${formatEuro(c.gross)} koos käibemaksuga.`;
    form.hidden = false;
    this.#input('cancel-reason').focus();
  }

  #closeCancel(focus: boolean): void {
    const was = this.#cancelling;
    this.#cancelling = null;
    this.#el('cancel-form').hidden = true;
    if (focus) this.root.querySelector<HTMLElement>(`button[data-action="cancel"][data-id="${was?.id}"]`)?.focus();
  }

  async #cancel(ev: Event): Promise<void> {
    ev.preventDefault();
    const c = this.#cancelling;
    const form = ev.currentTarget as HTMLFormElement;
    const reason = this.#input('cancel-reason').value.trim();
    if (!c) return;
    if (!reason) return showErrors(form, this.#el('cancel-errors'), [{ id: 'cancel-reason', message: 'Kirjuta tühistamise põhjus.' }]);
    try {
      await apiFetch(`/api/budget/plans/${this.planId()}/actuals/${c.id}/cancel`, { method: 'POST', json: { version: c.version, reason } });
      this.#closeCancel(false);
      await this.reload();
      this.#say('actuals-result', note('success', `Kulu ${c.documentNumber} (${c.supplier}) tühistatud: ${reason}. Tühistatud kulu jääb nimekirja, kuid summadesse see ei lähe.`));
    } catch (err) {
      showErrors(form, this.#el('cancel-errors'), [{ id: 'cancel-reason', message: errorText(err) }], 'Kulu ei tühistatud');
    }
  }
}
