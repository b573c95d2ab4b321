// <tv-solution-models>: loads the models; an admin creates a model, and saves a model's statements,
// an added measure, the municipalities it is delivered to as a whole and its draft flag (optimistic,
// by version; a conflict reloads the other person's version).
import { html, render } from 'lit-html';
import { hasPermission } from '../../../api/auth/rules.ts';
import type { Kov } from '../../../api/contracts/kov.ts';
import type { SolutionModel, SolutionModelCreate, SolutionModelPatch, Statement } from '../../../api/contracts/solutions.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { errorText } from '../auth/labels.ts';
import { modelList, newModelForm } from './solutions-view.ts';

const field = (scope: ParentNode, name: string) => scope.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!.value.trim();

class SolutionModelsPage extends HTMLElement {
  #models: SolutionModel[] = [];
  #kovs: Kov[] = [];
  #canManage = false;
  #errors = new Map<number, string>();
  #createError = '';
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    void loadWithRetry(this.querySelector<HTMLElement>('[data-load]')!, () => this.#load(), { busy: 'Laadin mudeleid…' });
  }

  async #load(): Promise<void> {
    const [me, models] = await Promise.all([fetchMe(), apiFetch<SolutionModel[]>('/api/solution-models')]);
    this.#canManage = hasPermission(me, 'solutions.manage');
    if (this.#canManage) this.#kovs = (await apiFetch<Kov[]>('/api/kovs')).sort((a, b) => a.name.localeCompare(b.name, 'et'));
    this.#models = models;
    this.#render();
  }

  #render(): void {
    const box = this.querySelector<HTMLElement>('#models')!;
    const list = this.#models.length
      ? modelList(this.#models, { canManage: this.#canManage, kovs: this.#kovs, errors: this.#errors, save: (m, f) => void this.#save(m, f) })
      : html`<p>Mudeleid pole veel lisatud.</p>`;
    render(html`${this.#canManage ? newModelForm(this.#createError, (f) => void this.#create(f)) : ''}${list}`, box);
  }

  async #create(form: HTMLFormElement): Promise<void> {
    const body: SolutionModelCreate = {
      name: field(form, 'name'),
      type: field(form, 'type') as SolutionModelCreate['type'],
      provider: field(form, 'provider'),
      modules: [],
      statements: [],
    };
    try {
      const created = await apiFetch<SolutionModel>('/api/solution-models', { method: 'POST', json: body });
      this.#createError = '';
      this.#models = await apiFetch<SolutionModel[]>('/api/solution-models');
      this.#render();
      form.reset();
      this.querySelector<HTMLElement>('#models-status')!.textContent = `Lisatud mudel ${created.name}. Lisa sellele meetmed allpool.`;
    } catch (err) {
      this.#createError = errorText(err);
      this.#render();
    }
  }

  async #save(model: SolutionModel, form: HTMLFormElement): Promise<void> {
    const statements: Statement[] = [...form.querySelectorAll<HTMLTableRowElement>('tr[data-measure]')].map((row) => {
      const before = model.statements.find((s) => s.measureId === row.dataset['measure'])!;
      return { ...before, responsibility: field(row, 'responsibility') as Statement['responsibility'], status: field(row, 'status') as Statement['status'], note: field(row, 'note') || null };
    });
    const added = form.querySelector<HTMLTableRowElement>('tr[data-new-statement]')!;
    const measureId = field(added, 'newMeasure');
    if (measureId) {
      statements.push({ measureId, responsibility: field(added, 'responsibility') as Statement['responsibility'], status: field(added, 'status') as Statement['status'], note: field(added, 'note') || null, evidenceUrl: null });
    }
    const body: SolutionModelPatch = {
      version: model.version,
      statements,
      kovs: [...form.querySelectorAll<HTMLInputElement>('input[name="kov"]:checked')].map((i) => i.value),
      draft: form.querySelector<HTMLInputElement>('[name="draft"]')!.checked,
      summary: field(form, 'summary'),
    };
    const status = this.querySelector<HTMLElement>('#models-status')!;
    try {
      const saved = await apiFetch<SolutionModel>(`/api/solution-models/${model.id}`, { method: 'PATCH', json: body });
      this.#errors.delete(model.id);
      this.#models = this.#models.map((m) => (m.id === saved.id ? saved : m));
      this.#render();
      for (const name of ['summary', 'newMeasure']) form.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = '';
      form.querySelector<HTMLInputElement>('tr[data-new-statement] [name="note"]')!.value = '';
      status.textContent = `Salvestatud: ${saved.name} (versioon ${saved.version}).`;
    } catch (err) {
      const conflict = err instanceof ApiRequestError && err.status === 409;
      this.#errors.set(model.id, conflict ? 'Keegi muutis seda mudelit vahepeal. Laadisin uue versiooni; tee muudatus uuesti.' : errorText(err));
      if (conflict) this.#models = await apiFetch<SolutionModel[]>('/api/solution-models');
      this.#render();
    }
  }
}

customElements.define('tv-solution-models', SolutionModelsPage);
