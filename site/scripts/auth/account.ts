import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { readableKovs } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe, type Me } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { errorText, hideAlert, ROLE_LABELS, showAlert } from './labels.ts';
import { navigate, signInAndReturn } from '../lib/navigate.ts';
import type { Session } from '../../../api/contracts/auth.ts';


const alertBox = document.getElementById('account-alert') as HTMLElement;
const body = document.getElementById('sessions-body') as HTMLTableSectionElement;

/** A short human name for a user agent string. */
function device(ua: string | null): string {
  if (!ua) return 'Tundmatu seade';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Brauser';
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser}, ${os}` : browser;
}

async function loadMe() {
  const me = await fetchMe();
  if (!me) {
    signInAndReturn();
    return null;
  }
  const kovs = await apiFetch<Array<{ ehak: string; name: string }>>('/api/kovs');
  (document.getElementById('acc-name') as HTMLElement).textContent = me.name;
  (document.getElementById('acc-email') as HTMLElement).textContent = me.email;
  (document.getElementById('acc-role') as HTMLElement).textContent = ROLE_LABELS[me.role];
  (document.getElementById('acc-kovs') as HTMLElement).textContent =
    readableKovs(me) === 'all' ? 'kõik' : kovs.map((k) => k.name).join(', ') || '–';
  document.getElementById('account-details')!.setAttribute('aria-busy', 'false');
  return me;
}

async function loadSessions() {
  const sessions = await apiFetch<Session[]>('/api/auth/sessions');
  const row = (s: Session) => html`<tr>
    <th scope="row">${device(s.userAgent)}${s.current ? html` <span class="tag">see seade</span>` : nothing}</th>
    <td data-label="Aadress">${s.ip ?? '–'}</td>
    <td data-label="Alustatud">${formatDateTime(s.createdAt)}</td>
    <td data-label="Viimati kasutatud">${formatDateTime(s.lastUsedAt)}</td>
    <td>${s.current ? nothing : html`<button type="button" class="button button--secondary" data-end=${s.id}>Lõpeta<span class="visually-hidden"> seanss ${device(s.userAgent)}</span></button>`}</td>
  </tr>`;
  render(repeat(sessions, (s) => s.id, row), body);
}

body.addEventListener('click', async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-end]');
  if (!button) return;
  try {
    await apiFetch(`/api/auth/sessions/${encodeURIComponent(button.dataset['end']!)}`, { method: 'DELETE' });
    showAlert(alertBox, 'Seanss lõpetatud.', 'success');
    await loadSessions();
  } catch (err) {
    showAlert(alertBox, errorText(err));
  }
});

document.getElementById('logout-all')!.addEventListener('click', async () => {
  try {
    await apiFetch('/api/auth/logout-all', { method: 'POST' });
    navigate('/logi-sisse/');
  } catch (err) {
    showAlert(alertBox, errorText(err));
  }
});

const form = document.getElementById('password-form') as HTMLFormElement;
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  hideAlert(alertBox);
  const current = document.getElementById('current-password') as HTMLInputElement;
  const next = document.getElementById('next-password') as HTMLInputElement;
  try {
    await apiFetch<Me>('/api/auth/password', { method: 'POST', json: { currentPassword: current.value, newPassword: next.value }, allowAnonymous: true });
    form.reset();
    showAlert(alertBox, 'Parool vahetatud. Kõik teised seansid on lõpetatud.', 'success');
    await loadSessions();
  } catch (err) {
    showAlert(alertBox, errorText(err));
    current.focus();
  }
});

loadMe()
  .then(async (me) => {
    if (!me) return;
    if (new URLSearchParams(location.search).get('parool') === 'seatud') showAlert(alertBox, 'Parool on seatud ja oled sisse logitud.', 'success');
    await loadSessions();
  })
  .catch((err: unknown) => showAlert(alertBox, errorText(err)));
