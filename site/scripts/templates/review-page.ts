// /mallid/ulevaatus/: without ?id the review queue with filters (for a reviewer the default is
// "ootab minu otsust": open versions without their vote); with ?id=N one template: the latest
// version's preview with the decision form below it, versions with metadata and text changes, votes,
// quorum, threaded comments and, for an admin, closing as rejected. The detail is re-rendered in
// place after each action; its handlers are bound once.
import { render } from 'lit-html';
import { hasPermission } from '../../../api/auth/rules.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import type { ListItem } from './common.ts';
import type { PreviewState, Preview } from './preview-render.ts';
import { detailView, queueTable, type Detail, type Previews } from './review-render.ts';

const params = new URLSearchParams(window.location.search);
const statusEl = document.getElementById('load-status')!;
const container = document.getElementById('detail')!;
const id = Number(params.get('id')) || null;
const $ = <T extends HTMLElement = HTMLElement>(elId: string) => document.getElementById(elId) as T;

/** The Seis filter's value for "versions awaiting my decision" (the API's awaiting=me). */
const AWAITING = 'ootab';

async function loadQueue(): Promise<void> {
  const form = $<HTMLFormElement>('queue-filters');
  const status = form.elements.namedItem('status') as HTMLSelectElement;
  const me = await fetchMe();
  const reviewer = hasPermission(me, 'templates.review');
  if (reviewer) {
    const option = document.createElement('option');
    option.value = AWAITING;
    option.textContent = 'ootab minu otsust';
    status.prepend(option);
    if (!params.has('status')) params.set('status', AWAITING);
  }
  const query = new URLSearchParams();
  for (const name of ['status', 'category', 'measure']) {
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = params.get(name) ?? '';
    if (params.get(name)) query.set(name, params.get(name)!);
  }
  if (query.get('status') === AWAITING) {
    query.delete('status');
    query.set('awaiting', 'me');
  }
  const items = await apiFetch<ListItem[]>(`/api/templates?${query}`);
  const awaiting = query.has('awaiting');
  render(queueTable(items, awaiting ? 'Sinu otsust ootavaid malle ei ole.' : undefined), $('queue-table'));
  statusEl.textContent = awaiting ? `Sinu otsust ootab ${items.length} malli.` : `Malle: ${items.length}.`;
  $('queue').hidden = false;
}

function fieldError(elId: string, message: string): void {
  const el = document.getElementById(elId);
  if (!el) return;
  el.textContent = message;
  el.hidden = message === '';
}

function setReply(parentId: string, author: string): void {
  $<HTMLFormElement>('comment-form').querySelector<HTMLInputElement>('input[name="parentId"]')!.value = parentId;
  $('reply-to').textContent = parentId ? `Vastad kommentaarile, autor ${author}.` : '';
  $('reply-to').hidden = !parentId;
  $('cancel-reply').hidden = !parentId;
}

async function addComment(form: HTMLFormElement): Promise<void> {
  const body = $<HTMLTextAreaElement>('comment-body');
  const text = body.value.trim();
  if (!text) return fieldError('comment-body-error', 'Kirjuta kommentaar.');
  try {
    const parentId = Number((form.elements.namedItem('parentId') as HTMLInputElement).value) || undefined;
    await apiFetch(`/api/templates/${id}/comments`, { method: 'POST', json: { body: text, ...(parentId ? { parentId } : {}) } });
    body.value = '';
    body.removeAttribute('aria-invalid');
    fieldError('comment-body-error', '');
    setReply('', '');
    await loadDetail('Kommentaar on lisatud.');
  } catch (err) {
    fieldError('comment-body-error', err instanceof ApiRequestError ? err.message : 'Kommentaari ei õnnestunud salvestada.');
    body.setAttribute('aria-invalid', 'true');
    body.focus();
  }
}

async function vote(e: SubmitEvent): Promise<void> {
  const decision = (e.submitter as HTMLButtonElement | null)?.value ?? 'approve';
  const comment = $<HTMLTextAreaElement>('review-comment');
  if (decision !== 'approve' && !comment.value.trim()) {
    fieldError('review-comment-error', 'Kirjuta põhjendus.');
    comment.focus();
    return;
  }
  try {
    const r = await apiFetch<{ status: string }>(`/api/templates/${id}/reviews`, { method: 'POST', json: { decision, comment: comment.value.trim() } });
    comment.value = '';
    fieldError('review-comment-error', '');
    await loadDetail(r.status === 'approved' ? 'Hääl on salvestatud. Mall on kinnitatud.' : 'Hääl on salvestatud. Hääletus on avatud.');
  } catch (err) {
    fieldError('review-comment-error', err instanceof ApiRequestError ? err.message : 'Häält ei õnnestunud salvestada.');
  }
}

async function closeVersion(): Promise<void> {
  const reason = $<HTMLTextAreaElement>('close-reason');
  if (!reason.value.trim()) {
    fieldError('close-reason-error', 'Kirjuta põhjendus.');
    reason.focus();
    return;
  }
  try {
    await apiFetch(`/api/templates/${id}/close`, { method: 'POST', json: { reason: reason.value.trim() } });
    await loadDetail('Versioon on suletud tagasilükatuna.');
  } catch (err) {
    fieldError('close-reason-error', err instanceof ApiRequestError ? err.message : 'Sulgemine ei õnnestunud.');
  }
}

function bindDetail(): void {
  container.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const reply = target.closest<HTMLButtonElement>('button[data-reply]');
    if (reply) {
      setReply(reply.dataset['reply']!, reply.dataset['author'] ?? '');
      $('comment-body').focus();
    } else if (target.closest('#cancel-reply')) setReply('', '');
  });
  container.addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (form.id === 'comment-form') void addComment(form);
    if (form.id === 'review-form') void vote(e as SubmitEvent);
    if (form.id === 'close-form') void closeVersion();
  });
}

const previewOf = (n: number): Promise<PreviewState> => apiFetch<Preview>(`/api/templates/${id}/versions/${n}/preview`).catch((): PreviewState => 'error');

async function loadDetail(message?: string): Promise<void> {
  const d = await apiFetch<Detail>(`/api/templates/${id}`);
  const latest = d.versions[d.versions.length - 1]!;
  document.title = `${latest.title} – Mallide ülevaatus – Turvarada`;
  $('page-title').textContent = latest.title;
  const loading: Previews = { latest: 'loading', previous: latest.n > 1 ? 'loading' : null };
  render(detailView(d, loading), container);
  const [now, before] = await Promise.all([previewOf(latest.n), latest.n > 1 ? previewOf(latest.n - 1) : Promise.resolve(null)]);
  render(detailView(d, { latest: now, previous: before }), container);
  container.hidden = false;
  const submitted = params.get('esitatud');
  statusEl.textContent = message ?? (submitted ? `Versioon ${submitted} on esitatud ülevaatuseks.` : '');
}

async function main(): Promise<void> {
  try {
    if (id) {
      bindDetail();
      await loadDetail();
    } else await loadQueue();
  } catch (err) {
    statusEl.textContent = err instanceof ApiRequestError ? err.message : 'Andmeid ei õnnestunud laadida.';
  }
}

void main();
