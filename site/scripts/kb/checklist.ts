/**
 * <tv-checklist>: turns the server-rendered checklist (components/kb/Checklist.astro) into native checkboxes
 * with labels, remembered in this browser only (localStorage, no account: checklist-store.ts), with a
 * count, "Tühjenda" and "Prindi". Without JavaScript the list stays a plain list with printed empty boxes.
 * Each item's <li> gets `data-done` when ticked, which the print stylesheet draws as a ticked box.
 * Pattern: Starlight's custom elements (server markup, enhanced in connectedCallback); rendered with lit-html.
 */
import { html, nothing, render } from 'lit-html';
import { browserStorage, itemKey, readTicks, storageKey, writeTicks } from './checklist-store.ts';

const NO_STORAGE = 'See brauser ei luba märkimisi meelde jätta: need kaovad, kui lehelt lahkud.';
const SAVE_FAILED = 'Märkimisi ei õnnestunud salvestada (brauseri mälu on täis või keelatud).';

interface Item {
  li: HTMLLIElement;
  text: string;
  key: string;
  id: string;
}

class TvChecklist extends HTMLElement {
  #items: Item[] = [];
  #ticked = new Set<string>();
  #storage: Storage | null = null;
  #key = '';
  #tools: HTMLDivElement | null = null;
  #message = '';

  connectedCallback(): void {
    const list = this.querySelector<HTMLElement>('.kb-checklist__list');
    const listId = this.dataset['listId'];
    if (!list || !listId || this.#tools) return;
    this.#key = storageKey(location.pathname, listId);
    this.#storage = browserStorage();
    this.#items = Array.from(list.children)
      .filter((el): el is HTMLLIElement => el instanceof HTMLLIElement)
      .map((li, i) => ({ li, text: (li.textContent ?? '').trim(), key: itemKey(li.textContent ?? ''), id: `${listId}-punkt-${i + 1}` }));
    this.#ticked = readTicks(this.#storage, this.#key, this.#items.map((i) => i.key));
    if (!this.#storage) this.#message = NO_STORAGE;
    for (const item of this.#items) item.li.textContent = '';
    list.classList.add('kb-checklist__list--live');
    this.#tools = document.createElement('div');
    this.#tools.className = 'kb-checklist__tools no-print';
    list.after(this.#tools);
    window.addEventListener('storage', (e) => {
      if (e.key !== this.#key) return;
      this.#ticked = readTicks(this.#storage, this.#key, this.#items.map((i) => i.key));
      this.#render();
    });
    this.#render();
  }

  #toggle(key: string, checked: boolean): void {
    if (checked) this.#ticked.add(key);
    else this.#ticked.delete(key);
    this.#save('');
  }

  #clear(): void {
    this.#ticked.clear();
    this.#save('Märkimised on tühjendatud.');
    this.#items[0]?.li.querySelector('input')?.focus();
  }

  #save(message: string): void {
    if (!this.#storage) this.#message = [message, NO_STORAGE].filter(Boolean).join(' ');
    else this.#message = writeTicks(this.#storage, this.#key, this.#ticked) ? message : SAVE_FAILED;
    this.#render();
  }

  #render(): void {
    for (const item of this.#items) {
      const checked = this.#ticked.has(item.key);
      item.li.toggleAttribute('data-done', checked);
      render(
        html`<input type="checkbox" class="kb-checklist__box" id=${item.id} .checked=${checked}
            @change=${(e: Event) => this.#toggle(item.key, (e.target as HTMLInputElement).checked)} /><label for=${item.id}>${item.text}</label>`,
        item.li,
      );
    }
    const done = this.#items.filter((i) => this.#ticked.has(i.key)).length;
    render(
      html`<p class="kb-checklist__status" role="status">${done} / ${this.#items.length} tehtud${this.#message ? html`. ${this.#message}` : nothing}</p>
        <p class="kb-checklist__hint">Märkimised jäävad ainult selle brauseri mällu; kontot pole vaja.</p>
        <div class="kb-checklist__buttons">
          <button type="button" class="button button--secondary" ?disabled=${done === 0} @click=${() => this.#clear()}>Tühjenda</button>
          <button type="button" class="button button--secondary" @click=${() => window.print()}>Prindi</button>
        </div>`,
      this.#tools!,
    );
  }
}

if (!customElements.get('tv-checklist')) customElements.define('tv-checklist', TvChecklist);
