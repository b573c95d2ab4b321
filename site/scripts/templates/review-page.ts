// /mallid/ulevaatus/: without ?id the review queue with filters; with ?id=N one template with
// its versions, metadata diff, votes, quorum, threaded comments and the reviewer's decision form.
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import type { ListItem } from './common.ts';
import { detailView, queueTable, type Detail } from './review-render.ts';

const params = new URLSearchParams(window.location.search);
const statusEl = document.getElementById('load-status')!;
const id = Number(params.get('id')) || null;

async function loadQueue(): Promise<void> {
  const queue = document.getElementById('queue')!;
  const form = document.getElementById('queue-filters') as HTMLFormElement;
  for (const name of ['status', 'category', 'measure']) {
    const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    el.value = params.get(name) ?? '';
  }
  const query = new URLSearchParams();
  for (const name of ['status', 'category', 'measure']) if (params.get(name)) query.set(name, params.get(name)!);
  const items = await apiFetch<ListItem[]>(`/api/templates?${query}`);
  document.getElementById('queue-table')!.innerHTML = queueTable(items);
  statusEl.textContent = `Malle: ${items.length}.`;
  queue.hidden = false;
}

function fieldError(id: string, message: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = message;
  el.hidden = message === '';
}

function bindDetail(d: Detail): void {
  const commentForm = document.getElementById('comment-form') as HTMLFormElement;
  const parentInput = commentForm.elements.namedItem('parentId') as HTMLInputElement;
  const replyTo = document.getElementById('reply-to')!;
  const cancel = document.getElementById('cancel-reply') as HTMLButtonElement;
  const body = document.getElementById('comment-body') as HTMLTextAreaElement;
  document.querySelectorAll<HTMLButtonElement>('button[data-reply]').forEach((b) =>
    b.addEventListener('click', () => {
      parentInput.value = b.dataset['reply']!;
      replyTo.textContent = `Vastad kommentaarile, autor ${b.dataset['author'] ?? ''}.`;
      replyTo.hidden = false;
      cancel.hidden = false;
      body.focus();
    }),
  );
  cancel.addEventListener('click', () => {
    parentInput.value = '';
    replyTo.hidden = true;
    cancel.hidden = true;
  });
  commentForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = body.value.trim();
    if (!text) return fieldError('comment-body-error', 'Kirjuta kommentaar.');
    try {
      const parentId = Number(parentInput.value) || undefined;
      await apiFetch(`/api/templates/${d.id}/comments`, { method: 'POST', json: { body: text, ...(parentId ? { parentId } : {}) } });
      await loadDetail('Kommentaar on lisatud.');
    } catch (err) {
      fieldError('comment-body-error', err instanceof ApiRequestError ? err.message : 'Kommentaari ei õnnestunud salvestada.');
      body.setAttribute('aria-invalid', 'true');
      body.focus();
    }
  });
  const reviewForm = document.getElementById('review-form') as HTMLFormElement | null;
  reviewForm?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const decision = ((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'approve';
    const comment = (document.getElementById('review-comment') as HTMLTextAreaElement).value.trim();
    if (decision !== 'approve' && !comment) {
      fieldError('review-comment-error', 'Kirjuta põhjendus.');
      document.getElementById('review-comment')!.focus();
      return;
    }
    try {
      const r = await apiFetch<{ status: string }>(`/api/templates/${d.id}/reviews`, { method: 'POST', json: { decision, comment } });
      await loadDetail(r.status === 'approved' ? 'Hääl on salvestatud. Mall on kinnitatud.' : 'Hääl on salvestatud.');
    } catch (err) {
      fieldError('review-comment-error', err instanceof ApiRequestError ? err.message : 'Häält ei õnnestunud salvestada.');
    }
  });
}

async function loadDetail(message?: string): Promise<void> {
  const d = await apiFetch<Detail>(`/api/templates/${id}`);
  const latest = d.versions[d.versions.length - 1]!;
  document.title = `${latest.title} – Mallide ülevaatus – Turvarada`;
  document.getElementById('page-title')!.textContent = latest.title;
  const container = document.getElementById('detail')!;
  container.innerHTML = detailView(d);
  container.hidden = false;
  bindDetail(d);
  const submitted = params.get('esitatud');
  statusEl.textContent = message ?? (submitted ? `Versioon ${submitted} on esitatud ülevaatuseks.` : '');
}

async function main(): Promise<void> {
  try {
    if (id) await loadDetail();
    else await loadQueue();
  } catch (err) {
    statusEl.textContent = err instanceof ApiRequestError ? err.message : 'Andmeid ei õnnestunud laadida.';
  }
}

void main();
