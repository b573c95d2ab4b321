// Adding evidence to a measure: a link (JSON) or a file (multipart). The server checks the type.
import { apiFetch } from '../lib/api.ts';

export function setupEvidenceForm(root: HTMLElement, measureApi: string, onAdded: () => void): void {
  const form = root.querySelector('#evidence-form') as HTMLFormElement;
  const status = root.querySelector('#evidence-status')!;
  form.hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = (form.elements.namedItem('url') as HTMLInputElement).value.trim();
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!url && !file) {
      status.textContent = 'Lisa link või vali fail.';
      return;
    }
    try {
      if (file) {
        const body = new FormData();
        body.append('file', file);
        await apiFetch(`${measureApi}/evidence`, { method: 'POST', body });
      } else {
        await apiFetch(`${measureApi}/evidence`, { method: 'POST', json: { url } });
      }
      status.textContent = 'Tõend lisatud.';
      onAdded();
    } catch (err) {
      status.textContent = `Tõendit ei lisatud: ${(err as Error).message}`;
    }
  });
}
