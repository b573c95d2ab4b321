// Apply and undo of a previewed import, shared by the import page and the first-steps check: the
// buttons, and the outcome (or the API's refusal) said in the status line.
import { html, nothing } from 'lit-html';
import type { ImportPreview, ImportResult } from '../../../api/contracts/imports.ts';
import { ApiRequestError, apiFetch } from '../lib/api.ts';

export interface ImportState {
  preview: ImportPreview;
  busy: boolean;
}

export const importButtons = (s: ImportState, on: { apply: () => void; undo: () => void }) => html`<p class="import-actions">
  ${s.preview.state === 'preview'
    ? html`<button type="button" class="button" ?disabled=${s.busy || s.preview.summary.refused > 0} @click=${on.apply}>Rakenda muudatused</button>`
    : nothing}
  ${s.preview.state === 'applied' ? html`<button type="button" class="button button--secondary" ?disabled=${s.busy} @click=${on.undo}>Võta import tagasi</button>` : nothing}
</p>`;

/** Applies or undoes; returns the message for the status line and the new state of the import. */
export async function runImportAction(ehak: string, preview: ImportPreview, action: 'apply' | 'undo'): Promise<{ message: string; state: ImportPreview['state'] }> {
  try {
    const r = await apiFetch<ImportResult>(`/api/kovs/${ehak}/imports/${preview.id}/${action}`, { method: 'POST' });
    const message = action === 'apply' ? `Rakendatud: ${r.written} seisu muudeti.` : `Import võeti tagasi: ${r.written} seisu taastati.`;
    return { message, state: r.state };
  } catch (err) {
    if (err instanceof ApiRequestError) return { message: err.message, state: preview.state };
    throw err;
  }
}
