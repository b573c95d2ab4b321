// The municipality's security approach and extra modules: shown to everyone who may read it,
// editable by its specialists and ELVL admins.
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

export async function setupScopeForm(root: HTMLElement, ehak: string, onSaved: () => void): Promise<void> {
  const [scope, me] = await Promise.all([apiFetch<Scope>(`/api/kovs/${ehak}/scope`), fetchMe()]);
  const extra = scope.extraModules.length ? `, lisamoodulid ${scope.extraModules.join(', ')}` : '';
  root.querySelector('#scope-summary')!.textContent =
    `E-ITS ${scope.edition}, profiil ${scope.profileName}, ${APPROACH_LABELS[scope.approach]}${extra}: ${scope.measureCount} meedet.` +
    (scope.isDefault ? ' (vaikimisi ulatus)' : scope.updatedAt ? ` Muudetud ${formatDate(scope.updatedAt)}.` : '');
  const canWrite = !!me && canWriteKov(me, ehak);
  if (!canWrite) return;
  const form = root.querySelector('#scope-form') as HTMLFormElement;
  const approach = form.elements.namedItem('approach') as HTMLSelectElement;
  const modules = form.elements.namedItem('extraModules') as HTMLInputElement;
  approach.value = scope.approach;
  modules.value = scope.extraModules.join(', ');
  form.hidden = false;
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
