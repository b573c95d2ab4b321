// The submission form: a new template, or with ?mall=ID a new version of an existing one.
// Errors are listed in a focused summary (announced) and shown beside their fields.
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { FIELD_LABELS } from './common.ts';
import { navigate } from '../lib/navigate.ts';

const form = document.getElementById('submit-form') as HTMLFormElement;
const summary = document.getElementById('error-summary') as HTMLElement;
const errorList = document.getElementById('error-list') as HTMLUListElement;
const statusEl = document.getElementById('submit-status') as HTMLElement;
const button = document.getElementById('submit-button') as HTMLButtonElement;
const FIELDS = ['title', 'summary', 'category', 'measures', 'file'] as const;
type Field = (typeof FIELDS)[number];

const templateId = Number(new URLSearchParams(window.location.search).get('mall')) || null;

function clearErrors(): void {
  summary.hidden = true;
  errorList.replaceChildren();
  for (const f of FIELDS) {
    const el = document.getElementById(`tpl-${f}-error`)!;
    el.hidden = true;
    el.textContent = '';
    document.getElementById(`tpl-${f}`)!.removeAttribute('aria-invalid');
  }
}

function showErrors(errors: Array<{ field: Field | null; message: string }>): void {
  errorList.replaceChildren();
  for (const { field, message } of errors) {
    const li = document.createElement('li');
    if (field) {
      const a = document.createElement('a');
      a.href = `#tpl-${field}`;
      a.textContent = `${FIELD_LABELS[field]}: ${message}`;
      li.append(a);
      const el = document.getElementById(`tpl-${field}-error`)!;
      el.hidden = false;
      el.textContent = el.textContent ? `${el.textContent} ${message}` : message;
      document.getElementById(`tpl-${field}`)!.setAttribute('aria-invalid', 'true');
    } else {
      li.textContent = message;
    }
    errorList.append(li);
  }
  summary.hidden = false;
  summary.focus();
}

/** Checks the browser can do before uploading; the server checks everything again. */
function clientErrors(): Array<{ field: Field; message: string }> {
  const errors: Array<{ field: Field; message: string }> = [];
  const title = (form.elements.namedItem('title') as HTMLInputElement).value.trim();
  if (!title) errors.push({ field: 'title', message: 'Sisesta pealkiri.' });
  const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
  if (!file) errors.push({ field: 'file', message: 'Vali fail.' });
  else if (file.size > 5 * 1024 * 1024) errors.push({ field: 'file', message: 'Fail on suurem kui 5 MB.' });
  return errors;
}

function apiErrors(err: ApiRequestError): Array<{ field: Field | null; message: string }> {
  const details = Array.isArray(err.details) ? (err.details as Array<{ path?: string; message?: string }>) : [];
  const fielded = details
    .filter((d) => (FIELDS as readonly string[]).includes(d.path ?? ''))
    .map((d) => ({ field: d.path as Field, message: d.message ?? err.message }));
  if (err.code === 'unknown_measure') return [{ field: 'measures', message: err.message }];
  if (err.status === 413) return [{ field: 'file', message: err.message }];
  return fielded.length ? fielded : [{ field: null, message: err.message }];
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const local = clientErrors();
  if (local.length) return showErrors(local);
  button.disabled = true;
  statusEl.textContent = 'Laadin faili üles…';
  try {
    const path = templateId ? `/api/templates/${templateId}/versions` : '/api/templates';
    const result = await apiFetch<{ id: number; version: number }>(path, { method: 'POST', body: new FormData(form) });
    statusEl.textContent = 'Mall on esitatud. Avan ülevaatuse lehe…';
    navigate(`/mallid/ulevaatus/?id=${result.id}&esitatud=${result.version}`);
  } catch (err) {
    statusEl.textContent = '';
    showErrors(err instanceof ApiRequestError ? apiErrors(err) : [{ field: null, message: 'Ühendus serveriga katkes. Proovi uuesti.' }]);
  } finally {
    button.disabled = false;
  }
});

async function init(): Promise<void> {
  const me = await fetchMe().catch(() => null);
  if (!me) {
    document.getElementById('signin-needed')!.hidden = false;
    return;
  }
  if (templateId) {
    const note = document.getElementById('new-version-note')!;
    try {
      const t = await apiFetch<{ versions: Array<{ title: string; summary: string; category: string; measures: string[] }>; viewer: { canSubmitVersion: boolean } }>(`/api/templates/${templateId}`);
      const last = t.versions[t.versions.length - 1]!;
      if (!t.viewer.canSubmitVersion) {
        note.textContent = `Mallist „${last.title}” saab uue versiooni esitada ainult selle esitaja või administraator.`;
        note.hidden = false;
        return;
      }
      (form.elements.namedItem('title') as HTMLInputElement).value = last.title;
      (form.elements.namedItem('summary') as HTMLTextAreaElement).value = last.summary;
      (form.elements.namedItem('category') as HTMLSelectElement).value = last.category;
      (form.elements.namedItem('measures') as HTMLInputElement).value = last.measures.join(', ');
      document.getElementById('page-title')!.textContent = 'Esita mallist uus versioon';
      note.textContent = `Esitad uue versiooni mallist „${last.title}”. Uus versioon asendab ülevaatusel oleva versiooni; varem kinnitatud versioon jääb allalaaditavaks.`;
      note.hidden = false;
    } catch (err) {
      note.textContent = err instanceof ApiRequestError ? err.message : 'Malli ei õnnestunud laadida.';
      note.hidden = false;
      return;
    }
  }
  form.hidden = false;
}

void init();
