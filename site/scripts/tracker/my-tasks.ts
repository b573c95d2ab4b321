// <tv-my-tasks>: "Minu ülesanded", the signed-in user's measures that still need work across every
// municipality they can see (GET /api/me/tasks, already in order), each linking to its measure page.
import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { MyTask } from '../../../api/contracts/tracker.ts';
import { apiFetch } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { statusLabel, trackerUrl } from './vocabulary.ts';

class MyTasks extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    void loadWithRetry(this.querySelector<HTMLElement>('[data-load]')!, () => this.#load());
  }

  async #load(): Promise<void> {
    const tasks = await apiFetch<MyTask[]>('/api/me/tasks');
    const overdue = tasks.filter((t) => t.overdue).length;
    const summary = tasks.length
      ? `${tasks.length} lõpetamata meedet${overdue ? `, neist ${overdue} tähtaja ületanud` : ''}.`
      : 'Sinu vastutusel ei ole ühtegi lõpetamata meedet.';
    render(summary, this.querySelector<HTMLElement>('#tasks-status')!);
    this.querySelector<HTMLElement>('table')!.hidden = tasks.length === 0;
    const row = (t: MyTask) => html`<tr>
      <th scope="row"><a href=${trackerUrl.measure(t.ehak, t.measureId, t.objectName === null ? null : t.objectId)}>${t.measureId}</a> ${t.title}${t.objectName ? html`<span class="object-type">${t.objectName}</span>` : ''}</th>
      <td data-label="Omavalitsus">${t.kovName}</td>
      <td data-label="Seis">${statusLabel(t.status)}</td>
      <td data-label="Tähtaeg">${t.dueDate ? formatDate(t.dueDate) : '–'}${t.overdue ? html` <span class="overdue">tähtaeg möödas</span>` : nothing}</td>
    </tr>`;
    render(repeat(tasks, (t) => `${t.ehak}/${t.objectId}/${t.measureId}`, row), this.querySelector<HTMLElement>('#tasks-body')!);
  }
}

if (!customElements.get('tv-my-tasks')) customElements.define('tv-my-tasks', MyTasks);
