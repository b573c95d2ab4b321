// The municipality's security approach and extra modules: shown to everyone who may read it,
// editable by its specialists and ELVL admins (the form is rendered for them only).
import { html, render, type TemplateResult } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { APPROACH_LABELS } from './vocabulary.ts';

interface Scope {
  edition: string;
  profileName: string;
  approach: 'basic' | 'standard' | 'core';
  extraModules: string[];
  isDefault: boolean;
  updatedAt: string | null;
  measureCount: number;
}

const APPROACH_OPTIONS: Array<[Scope['approach'], string]> = [
  ['basic', 'põhiturve (põhimeetmed)'],
  ['standard', 'standardturve (põhi- ja standardmeetmed)'],
  ['core', 'tuumikuturve (P1-moodulite põhi- ja standardmeetmed)'],
];

function scopeForm(scope: Scope): TemplateResult {
  return html`<form id="scope-form" class="filters">
    <div class="field">
      <label for="scope-approach">Turbeviis</label>
      <select id="scope-approach" name="approach">
        ${APPROACH_OPTIONS.map(([value, label]) => html`<option value=${value} ?selected=${value === scope.approach}>${label}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="scope-extra">Lisamoodulid <span class="hint">komaga eraldatud, nt APP.3.2, SYS.1.5</span></label>
      <input id="scope-extra" name="extraModules" type="text" autocomplete="off" .value=${scope.extraModules.join(', ')} />
    </div>
    <button type="submit" class="button button--secondary">Salvesta ulatus</button>
    <p id="scope-status" role="status" aria-live="polite"></p>
  </form>`;
}

export async function setupScopeForm(root: HTMLElement, ehak: string, onSaved: () => void): Promise<void> {
  const [scope, me] = await Promise.all([apiFetch<Scope>(`/api/kovs/${ehak}/scope`), fetchMe()]);
  const extra = scope.extraModules.length ? `, lisamoodulid ${scope.extraModules.join(', ')}` : '';
  root.querySelector('#scope-summary')!.textContent =
    `E-ITS ${scope.edition}, profiil ${scope.profileName}, ${APPROACH_LABELS[scope.approach]}${extra}: ${scope.measureCount} meedet.` +
    (scope.isDefault ? ' (vaikimisi ulatus)' : scope.updatedAt ? ` Muudetud ${formatDate(scope.updatedAt)}.` : '');
  const canWrite = !!me && canWriteKov(me, ehak);
  if (!canWrite) return;
  render(scopeForm(scope), root.querySelector<HTMLElement>('#scope-edit')!);
  const form = root.querySelector('#scope-form') as HTMLFormElement;
  const approach = form.elements.namedItem('approach') as HTMLSelectElement;
  const modules = form.elements.namedItem('extraModules') as HTMLInputElement;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = root.querySelector('#scope-status')!;
    const extraModules = modules.value.split(',').map((m) => m.trim()).filter(Boolean);
    try {
      await apiFetch(`/api/kovs/${ehak}/scope`, { method: 'PUT', json: { approach: approach.value, extraModules } });
      status.textContent = 'Ulatus salvestatud.';
      onSaved();
    } catch (err) {
      status.textContent = `Ulatust ei salvestatud: ${(err as Error).message}`;
    }
  });
}
