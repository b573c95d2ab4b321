// <tv-preferences>: the user's own mail settings on "Minu konto": the weekly digest on or off
// (GET/PATCH /api/me/preferences). The checkbox stays disabled until the current value is known.
import { render } from 'lit-html';
import type { Preferences } from '../../../api/contracts/notifications.ts';
import { apiFetch } from '../lib/api.ts';
import { errorText } from './labels.ts';

class PreferencesForm extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const box = this.querySelector<HTMLInputElement>('#weekly-digest')!;
    box.addEventListener('change', () => void this.#save(box));
    void this.#load(box);
  }

  #say(text: string): void {
    render(text, this.querySelector<HTMLElement>('#preferences-status')!);
  }

  async #load(box: HTMLInputElement): Promise<void> {
    try {
      box.checked = (await apiFetch<Preferences>('/api/me/preferences')).weeklyDigest;
      box.disabled = false;
    } catch (err) {
      this.#say(errorText(err));
    }
  }

  async #save(box: HTMLInputElement): Promise<void> {
    box.disabled = true;
    try {
      const saved = await apiFetch<Preferences>('/api/me/preferences', { method: 'PATCH', json: { weeklyDigest: box.checked } });
      box.checked = saved.weeklyDigest;
      this.#say(saved.weeklyDigest ? 'Iganädalane kokkuvõte on sisse lülitatud.' : 'Iganädalane kokkuvõte on välja lülitatud.');
    } catch (err) {
      box.checked = !box.checked;
      this.#say(errorText(err));
    } finally {
      box.disabled = false;
    }
  }
}

if (!customElements.get('tv-preferences')) customElements.define('tv-preferences', PreferencesForm);
