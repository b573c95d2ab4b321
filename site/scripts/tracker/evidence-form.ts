// Adding evidence to a measure: a link (JSON) or a file (multipart), with an optional description and
// an optional "kehtib kuni" date (typed dd.mm.yyyy; the owner is reminded 14 days before).
// Rendered with lit-html only for those who may change the measure; the server checks the file type.
import { html, render, type TemplateResult } from 'lit-html';
import { EVIDENCE_DESCRIPTION_MAX } from '../../../api/contracts/tracker.ts';
import { apiFetch } from '../lib/api.ts';
import { parseDate } from '../lib/format.ts';

function form(submit: (e: SubmitEvent) => void): TemplateResult {
  return html`<form id="evidence-form" class="filters" @submit=${submit}>
    <div class="field">
      <label for="evidence-url">Link tõendile <span class="hint">nt https://… dokumendiregistris</span></label>
      <input id="evidence-url" name="url" type="url" inputmode="url" />
    </div>
    <div class="field">
      <label for="evidence-file">või fail <span class="hint">PDF, pilt, Office/ODF dokument või tekst, kuni 10 MB</span></label>
      <input id="evidence-file" name="file" type="file" />
    </div>
    <div class="field">
      <label for="evidence-description">Kirjeldus <span class="hint">valikuline, mida tõend näitab (kuni ${EVIDENCE_DESCRIPTION_MAX} märki)</span></label>
      <input id="evidence-description" name="description" type="text" maxlength=${EVIDENCE_DESCRIPTION_MAX} autocomplete="off" />
    </div>
    <div class="field">
      <label for="evidence-valid-until">Kehtib kuni <span class="hint">valikuline, pp.kk.aaaa</span></label>
      <input id="evidence-valid-until" name="validUntil" type="text" inputmode="numeric" autocomplete="off" />
    </div>
    <button type="submit" class="button button--secondary">Lisa tõend</button>
    <p id="evidence-status" role="status" aria-live="polite"></p>
  </form>`;
}

/** Renders the form into `box`; `onAdded` runs after a successful add. */
/** `api(tail)` is the measure's API address with the tail, on its target object. */
export function renderEvidenceForm(box: HTMLElement, api: (tail: string) => string, onAdded: () => Promise<void> | void): void {
  const submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    const status = el.querySelector('#evidence-status')!;
    const url = (el.elements.namedItem('url') as HTMLInputElement).value.trim();
    const file = (el.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const description = (el.elements.namedItem('description') as HTMLInputElement).value.trim() || null;
    if (!url && !file) {
      status.textContent = 'Lisa link või vali fail.';
      return;
    }
    const validText = (el.elements.namedItem('validUntil') as HTMLInputElement).value.trim();
    const validUntil = validText ? parseDate(validText) : null;
    if (validText && !validUntil) {
      status.textContent = 'Kehtivuse kuupäev kujul pp.kk.aaaa, nt 31.12.2026.';
      return;
    }
    try {
      if (file) {
        const body = new FormData();
        body.append('file', file);
        if (description) body.append('description', description);
        if (validUntil) body.append('validUntil', validUntil);
        await apiFetch(api('/evidence'), { method: 'POST', body });
      } else {
        await apiFetch(api('/evidence'), { method: 'POST', json: { url, description, validUntil } });
      }
      el.reset();
      await onAdded();
      status.textContent = 'Tõend lisatud.';
    } catch (err) {
      status.textContent = `Tõendit ei lisatud: ${(err as Error).message}`;
    }
  };
  render(form((e) => void submit(e)), box);
}
