// <tv-objects>: a municipality's structure analysis. Loads the objects, shows them with their needs,
// and lets a user who may write add, change (optimistic, by version) and remove them, or start from
// the typical objects of a small municipality.
import { nothing, render } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import type { TargetObject, TargetObjectCreate } from '../../../api/contracts/objects.ts';
import type { SolutionModel } from '../../../api/contracts/solutions.ts';
import { FIRST_PASS, type SuggestedObject } from '../../../api/objects/suggestions.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { errorText } from '../auth/labels.ts';
import { formErrors, objectForm, readObjectForm, type FormErrors } from './objects-form.ts';
import { adoptForm, firstPass, objectTable } from './objects-view.ts';
import { announceKov } from './kov-name.ts';
import { startKovPage } from './kov-page.ts';

class ObjectsPage extends HTMLElement {
  #ehak = '';
  #objects: TargetObject[] = [];
  #canWrite = false;
  #editing: TargetObject | null = null;
  #errors: FormErrors = {};
  #general = '';
  #models: SolutionModel[] = [];
  #adoptError = '';

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#ehak) return;
    startKovPage(this, 'Laadin objekte…', (ehak) => {
      this.#ehak = ehak;
      return this.#load();
    });
  }

  async #load(): Promise<void> {
    const [me, objects, models] = await Promise.all([
      fetchMe(),
      apiFetch<TargetObject[]>(`/api/kovs/${this.#ehak}/objects`),
      apiFetch<SolutionModel[]>('/api/solution-models'),
      announceKov(this, this.#ehak),
    ]);
    this.#models = models;
    this.#canWrite = me !== null && canWriteKov(me, this.#ehak);
    this.#objects = objects;
    this.#el('objects').hidden = false;
    this.#el('object-form-section').hidden = !this.#canWrite;
    this.#render();
  }

  #render(): void {
    const handlers = { ehak: this.#ehak, models: new Map(this.#models.map((m) => [m.id, m.name])), central: this.#models.filter((m) => m.kovs.some((k) => k.ehak === this.#ehak)), canWrite: this.#canWrite, edit: (o: TargetObject) => this.#edit(o), remove: (o: TargetObject) => void this.#remove(o) };
    render(objectTable(this.#objects, handlers), this.#el('object-list'));
    const taken = new Set(this.#objects.map((o) => o.name.toLowerCase()));
    const open = FIRST_PASS.filter((s) => !taken.has(s.name.toLowerCase()));
    this.#el('first-pass').hidden = !this.#canWrite || open.length === 0;
    render(this.#canWrite ? firstPass(open, (s) => void this.#addSuggested(s)) : nothing, this.#el('first-pass-list'));
    this.#el('form-title').textContent = this.#editing ? `Muuda: ${this.#editing.name}` : 'Lisa sihtobjekt';
    this.#el('adopt-section').hidden = !this.#canWrite || this.#models.length === 0;
    if (!this.#canWrite) return;
    render(adoptForm(this.#models, this.#adoptError, (e) => void this.#adopt(e)), this.#el('adopt-form'));
    render(
      objectForm({
        editing: this.#editing,
        objects: this.#objects,
        errors: this.#errors,
        general: this.#general,
        submit: (e) => void this.#submit(e),
        cancel: () => this.#edit(null),
      }),
      this.#el('object-form'),
    );
  }

  #say(text: string): void {
    this.#el('objects-status').textContent = text;
  }

  #edit(o: TargetObject | null): void {
    this.#editing = o;
    this.#errors = {};
    this.#general = '';
    // A new form, not the old one's values: lit keeps a form's DOM, so clear it first.
    render(nothing, this.#el('object-form'));
    this.#render();
    if (o) this.#el('form-title').focus();
  }

  async #reload(message: string): Promise<void> {
    this.#objects = await apiFetch<TargetObject[]>(`/api/kovs/${this.#ehak}/objects`);
    this.#render();
    this.#say(message);
  }

  async #send(body: Partial<TargetObjectCreate> & { version?: number }, id: number | null): Promise<TargetObject> {
    const url = `/api/kovs/${this.#ehak}/objects${id === null ? '' : `/${id}`}`;
    return apiFetch<TargetObject>(url, { method: id === null ? 'POST' : 'PATCH', json: body });
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const body: Partial<TargetObjectCreate> & { version?: number } = readObjectForm(e.target as HTMLFormElement);
    const editing = this.#editing;
    if (editing) {
      delete body.type;
      body.version = editing.version;
      if (editing.type === 'organisation' && !body.modules?.length) delete body.modules;
    }
    try {
      const saved = await this.#send(body, editing?.id ?? null);
      this.#edit(null);
      await this.#reload(editing ? `Salvestatud: ${saved.name}.` : `Lisatud: ${saved.name}.`);
    } catch (err) {
      this.#errors = err instanceof ApiRequestError ? formErrors(err.details) : {};
      this.#general =
        err instanceof ApiRequestError && err.status === 409
          ? 'Keegi muutis seda objekti vahepeal. Laadisin uued andmed; vaata need üle ja salvesta uuesti.'
          : err instanceof Error ? err.message : 'Salvestamine ebaõnnestus.';
      if (err instanceof ApiRequestError && err.status === 409) {
        const current = (err.details as { current?: TargetObject } | undefined)?.current;
        if (current) this.#editing = current;
      }
      this.#render();
      this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  async #addSuggested(s: SuggestedObject): Promise<void> {
    try {
      const saved = await this.#send({ name: s.name, type: s.type, count: s.count ?? 1, modules: [...s.modules] }, null);
      await this.#reload(`Lisatud: ${saved.name}. Määra selle kaitsetarve ja sõltuvused nupuga „Muuda“.`);
    } catch (err) {
      this.#say(err instanceof Error ? err.message : 'Lisamine ebaõnnestus.');
    }
  }

  async #adopt(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const solutionModel = Number((form.elements.namedItem('solutionModel') as HTMLSelectElement).value);
    try {
      const saved = await apiFetch<TargetObject>(`/api/kovs/${this.#ehak}/objects`, { method: 'POST', json: { solutionModel, ...(name ? { name } : {}) } });
      this.#adoptError = '';
      (form.elements.namedItem('name') as HTMLInputElement).value = '';
      await this.#reload(`Lisatud standardlahendus: ${saved.name}.`);
    } catch (err) {
      this.#adoptError = errorText(err);
      this.#render();
    }
  }

  async #remove(o: TargetObject): Promise<void> {
    if (!window.confirm(`Kas kustutada objekt „${o.name}“?`)) return;
    try {
      await apiFetch(`/api/kovs/${this.#ehak}/objects/${o.id}`, { method: 'DELETE' });
      if (this.#editing?.id === o.id) this.#edit(null);
      await this.#reload(`Kustutatud: ${o.name}.`);
    } catch (err) {
      this.#say(err instanceof Error ? err.message : 'Kustutamine ebaõnnestus.');
    }
  }
}

customElements.define('tv-objects', ObjectsPage);
