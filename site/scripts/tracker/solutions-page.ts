// <tv-solution-models>: loads the models; an admin saves a model's statements and draft flag
// (optimistic, by version; a conflict reloads the other person's version).
import { html, render } from 'lit-html';
import { hasPermission } from '../../../api/auth/rules.ts';
import type { SolutionModel, SolutionModelPatch, Statement } from '../../../api/contracts/solutions.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { modelList } from './solutions-view.ts';

class SolutionModelsPage extends HTMLElement {
  #models: SolutionModel[] = [];
  #canManage = false;
  #errors = new Map<number, string>();
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    void loadWithRetry(this.querySelector<HTMLElement>('[data-load]')!, () => this.#load(), { busy: 'Laadin mudeleid…' });
  }

  async #load(): Promise<void> {
    const [me, models] = await Promise.all([fetchMe(), apiFetch<SolutionModel[]>('/api/solution-models')]);
    this.#canManage = hasPermission(me, 'solutions.manage');
    this.#models = models;
    this.#render();
  }

  #render(): void {
    const box = this.querySelector<HTMLElement>('#models')!;
    if (!this.#models.length) render(html`<p>Mudeleid pole veel lisatud.</p>`, box);
    else render(modelList(this.#models, { canManage: this.#canManage, errors: this.#errors, save: (m, f) => void this.#save(m, f) }), box);
  }

  async #save(model: SolutionModel, form: HTMLFormElement): Promise<void> {
    const statements: Statement[] = [...form.querySelectorAll<HTMLTableRowElement>('tr[data-measure]')].map((row) => {
      const value = (name: string) => row.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!.value.trim();
      const before = model.statements.find((s) => s.measureId === row.dataset['measure'])!;
      return { ...before, responsibility: value('responsibility') as Statement['responsibility'], status: value('status') as Statement['status'], note: value('note') || null };
    });
    const body: SolutionModelPatch = {
      version: model.version,
      statements,
      draft: form.querySelector<HTMLInputElement>('[name="draft"]')!.checked,
      summary: form.querySelector<HTMLInputElement>('[name="summary"]')!.value.trim(),
    };
    const status = this.querySelector<HTMLElement>('#models-status')!;
    try {
      const saved = await apiFetch<SolutionModel>(`/api/solution-models/${model.id}`, { method: 'PATCH', json: body });
      this.#errors.delete(model.id);
      this.#models = this.#models.map((m) => (m.id === saved.id ? saved : m));
      this.#render();
      form.querySelector<HTMLInputElement>('[name="summary"]')!.value = '';
      status.textContent = `Salvestatud: ${saved.name} (versioon ${saved.version}).`;
    } catch (err) {
      const conflict = err instanceof ApiRequestError && err.status === 409;
      this.#errors.set(model.id, conflict ? 'Keegi muutis seda mudelit vahepeal. Laadisin uue versiooni; tee muudatus uuesti.' : err instanceof Error ? err.message : 'Salvestamine ebaõnnestus.');
      if (conflict) this.#models = await apiFetch<SolutionModel[]>('/api/solution-models');
      this.#render();
    }
  }
}

customElements.define('tv-solution-models', SolutionModelsPage);
