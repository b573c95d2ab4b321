// <tv-first-steps>: the first-steps check. Each answer is saved as it is given (PUT), so the check
// resumes where it was left; the next steps follow the answers; the preview and apply go through
// the same import endpoints as a file.
import { html, nothing, render } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import type { FirstStepsAnswer, FirstStepsQuestion, FirstStepsState, ImportPreview } from '../../../api/contracts/imports.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { importButtons, runImportAction } from './import-actions.ts';
import { previewView } from './import-view.ts';
import { announceKov } from './kov-name.ts';
import { startKovPage } from './kov-page.ts';

const ANSWERS: Array<{ value: FirstStepsAnswer; label: string }> = [
  { value: 'jah', label: 'jah' },
  { value: 'osaliselt', label: 'osaliselt' },
  { value: 'ei', label: 'ei' },
  { value: 'ei_tea', label: 'ei tea' },
];

class FirstStepsPage extends HTMLElement {
  #ehak = '';
  #questions: FirstStepsQuestion[] = [];
  #state: FirstStepsState = { answers: {}, nextSteps: [] };
  #canWrite = false;
  #preview: ImportPreview | null = null;
  #busy = false;

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#ehak) return;
    startKovPage(this, 'Laadin küsimusi…', (ehak) => {
      this.#ehak = ehak;
      return this.#load();
    });
  }

  async #load(): Promise<void> {
    const [me, list, state] = await Promise.all([
      fetchMe(),
      apiFetch<{ questions: FirstStepsQuestion[] }>('/api/first-steps'),
      apiFetch<FirstStepsState>(`/api/kovs/${this.#ehak}/first-steps`),
      announceKov(this, this.#ehak),
    ]);
    this.#canWrite = me !== null && canWriteKov(me, this.#ehak);
    this.#questions = list.questions;
    this.#state = state;
    this.#el('first-steps').hidden = false;
    this.#el('apply-section').hidden = !this.#canWrite;
    this.#el('make-preview').addEventListener('click', () => void this.#makePreview());
    this.#render();
  }

  #say(text: string): void {
    this.#el('steps-status').textContent = text;
  }

  async #answer(id: string, answer: FirstStepsAnswer): Promise<void> {
    try {
      this.#state = await apiFetch<FirstStepsState>(`/api/kovs/${this.#ehak}/first-steps`, { method: 'PUT', json: { answers: { [id]: answer } } });
      this.#say(`Salvestatud. Vastatud ${Object.keys(this.#state.answers).length} küsimusele ${this.#questions.length}-st.`);
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err;
      this.#say(`Vastust ei salvestatud: ${err.message}`);
    }
    this.#render();
  }

  #question(q: FirstStepsQuestion) {
    const current = this.#state.answers[q.id];
    return html`<fieldset class="first-steps-question">
      <legend>${q.text}</legend>
      ${q.help ? html`<p class="hint">${q.help}</p>` : nothing}
      <div class="first-steps-answers">
        ${ANSWERS.map(
          (a) => html`<label><input type="radio" name=${`q-${q.id}`} value=${a.value} .checked=${current === a.value} ?disabled=${!this.#canWrite}
            @change=${() => void this.#answer(q.id, a.value)} /> ${a.label}</label>`,
        )}
      </div>
    </fieldset>`;
  }

  #render(): void {
    const themes = [...new Set(this.#questions.map((q) => q.theme))];
    const answered = Object.keys(this.#state.answers).length;
    render(
      html`<p>Vastatud <strong>${answered}</strong> küsimusele ${this.#questions.length}-st.</p>
        ${themes.map(
          (t, i) => html`<section aria-labelledby=${`theme-${i}`}>
            <h2 id=${`theme-${i}`}>${t}</h2>
            ${this.#questions.filter((q) => q.theme === t).map((q) => this.#question(q))}
          </section>`,
        )}`,
      this.#el('questions'),
    );
    const steps = this.#state.nextSteps;
    render(
      steps.length
        ? html`<ol>${steps.map((s) => html`<li>${s.text} <span class="hint">Sinu vastus: ${s.answer === 'ei_tea' ? 'ei tea' : s.answer}.${s.guide ? html` <a href=${`/juhendid/${s.guide}/`}>Loe juhendit</a>` : nothing}</span></li>`)}</ol>`
        : html`<p>Järgmised sammud ilmuvad siia, kui oled küsimustele vastanud.</p>`,
      this.#el('next-steps'),
    );
    const box = this.#el('preview');
    box.hidden = !this.#preview;
    render(
      this.#preview ? html`${previewView(this.#preview)}${importButtons({ preview: this.#preview, busy: this.#busy }, { apply: () => void this.#act('apply'), undo: () => void this.#act('undo') })}` : nothing,
      box,
    );
  }

  async #makePreview(): Promise<void> {
    try {
      this.#preview = await apiFetch<ImportPreview>(`/api/kovs/${this.#ehak}/first-steps/preview`, { method: 'POST' });
      this.#say('Eelvaade on valmis. Midagi pole veel muudetud.');
      this.#render();
      this.#el('preview-title').focus();
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err;
      this.#say(err.message);
    }
  }

  async #act(action: 'apply' | 'undo'): Promise<void> {
    if (!this.#preview) return;
    this.#busy = true;
    this.#render();
    const { message, state } = await runImportAction(this.#ehak, this.#preview, action);
    this.#preview = { ...this.#preview, state };
    this.#busy = false;
    this.#say(message);
    this.#render();
  }
}

customElements.define('tv-first-steps', FirstStepsPage);
