import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { apiFetch, ApiRequestError } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { errorText, hideAlert, ROLE_LABELS, showAlert } from './labels.ts';
import { tallinnToday } from '../../../api/lib/today.ts';

interface User {
  id: number;
  email: string;
  name: string;
  role: keyof typeof ROLE_LABELS;
  kovs: string[];
  personalCode: string | null;
  expiresOn: string | null;
  disabled: boolean;
  hasPassword: boolean;
  kovHead: boolean;
}
interface Kov {
  ehak: string;
  name: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const alertBox = $('users-alert');
const linkBox = $('users-link');
const body = $<HTMLTableSectionElement>('users-body');
const form = $<HTMLFormElement>('user-form');
let users: User[] = [];
let kovNames = new Map<string, string>();
let editing: User | null = null;

function stateOf(u: User): string {
  if (u.disabled) return 'Suletud';
  if (u.expiresOn && u.expiresOn <= tallinnToday()) return 'Aegunud';
  if (!u.hasPassword) return 'Ootab parooli';
  return u.expiresOn ? `Aktiivne kuni ${formatDate(u.expiresOn)}` : 'Aktiivne';
}

function userRow(u: User) {
  const kovs = u.kovs.map((k) => kovNames.get(k) ?? k).join(', ') || (u.role === 'admin' || u.role === 'analyst' ? 'kõik' : '–');
  const who = html`<span class="visually-hidden"> (${u.name})</span>`;
  return html`<tr>
    <th scope="row">${u.name}</th><td data-label="E-post">${u.email}</td><td data-label="Roll">${ROLE_LABELS[u.role]}${u.kovHead ? ', KOV juht' : nothing}</td>
    <td data-label="Omavalitsused">${kovs}</td><td data-label="Olek">${stateOf(u)}</td>
    <td>
      <button type="button" class="button button--secondary" data-action="edit" data-id=${u.id}>Muuda${who}</button>
      ${u.disabled ? nothing : html`<button type="button" class="button button--secondary" data-action="invite" data-id=${u.id}>Uus parooli link${who}</button>`}
      <button type="button" class="button ${u.disabled ? 'button--secondary' : 'button--warning'}" data-action="toggle" data-id=${u.id}>${u.disabled ? 'Ava konto' : 'Sulge konto'}${who}</button>
    </td></tr>`;
}

function renderUsers() {
  render(repeat(users, (u) => u.id, userRow), body);
}

function showLink(text: string, link: string) {
  $('users-link-text').textContent = text;
  $('users-link-value').textContent = link;
  linkBox.hidden = false;
  linkBox.scrollIntoView({ block: 'nearest' });
}

async function reload() {
  users = await apiFetch<User[]>('/api/users');
  renderUsers();
}

function fillForm(u: User | null) {
  editing = u;
  $('user-form-heading').textContent = u ? `Muuda: ${u.name}` : 'Lisa kasutaja';
  $<HTMLInputElement>('u-email').value = u?.email ?? '';
  $<HTMLInputElement>('u-email').disabled = !!u;
  $<HTMLInputElement>('u-name').value = u?.name ?? '';
  $<HTMLSelectElement>('u-role').value = u?.role ?? 'specialist';
  $<HTMLInputElement>('u-expires').value = u?.expiresOn ?? '';
  $<HTMLInputElement>('u-code').value = u?.personalCode ?? '';
  $<HTMLInputElement>('u-head').checked = !!u?.kovHead;
  syncHead();
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="kov"]')) box.checked = !!u?.kovs.includes(box.value);
  $('u-submit').textContent = u ? 'Salvesta muudatused' : 'Lisa kasutaja ja loo link';
  $('u-cancel').hidden = !u;
}

body.addEventListener('click', async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
  if (!button) return;
  const user = users.find((u) => u.id === Number(button.dataset['id']));
  if (!user) return;
  hideAlert(alertBox);
  try {
    if (button.dataset['action'] === 'edit') {
      fillForm(user);
      $<HTMLInputElement>('u-name').focus();
    } else if (button.dataset['action'] === 'invite') {
      const inv = await apiFetch<{ link: string }>(`/api/users/${user.id}/invitation`, { method: 'POST' });
      showLink(`Uus parooli seadmise link kasutajale ${user.name}. Varasemad lingid ei kehti enam.`, inv.link);
    } else {
      await apiFetch(`/api/users/${user.id}`, { method: 'PATCH', json: { disabled: !user.disabled } });
      showAlert(alertBox, user.disabled ? `Konto avatud: ${user.name}.` : `Konto suletud ja seansid lõpetatud: ${user.name}.`, 'success');
      await reload();
    }
  } catch (err) {
    showAlert(alertBox, errorText(err));
  }
});

/** Only a viewer or specialist can be a municipality's head: the box is off and disabled for other roles. */
function syncHead() {
  const box = $<HTMLInputElement>('u-head');
  box.disabled = !['viewer', 'specialist'].includes($<HTMLSelectElement>('u-role').value);
  if (box.disabled) box.checked = false;
}

$('u-cancel').addEventListener('click', () => fillForm(null));
$('u-role').addEventListener('change', syncHead);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  hideAlert(alertBox);
  const kovs = [...form.querySelectorAll<HTMLInputElement>('input[name="kov"]:checked')].map((b) => b.value);
  const role = $<HTMLSelectElement>('u-role').value;
  const expiresOn = $<HTMLInputElement>('u-expires').value || null;
  const personalCode = $<HTMLInputElement>('u-code').value.trim() || null;
  const name = $<HTMLInputElement>('u-name').value;
  const kovHead = $<HTMLInputElement>('u-head').checked;
  try {
    if (editing) {
      await apiFetch(`/api/users/${editing.id}`, { method: 'PATCH', json: { name, role, kovs, expiresOn, personalCode, kovHead } });
      showAlert(alertBox, `Muudatused salvestatud: ${name}.`, 'success');
    } else {
      const created = await apiFetch<{ invitation: { link: string } }>('/api/users', {
        method: 'POST',
        json: { email: $<HTMLInputElement>('u-email').value, name, role, kovs, expiresOn, personalCode, kovHead },
      });
      showLink(`Kasutaja ${name} on loodud. Parooli seadmise link:`, created.invitation.link);
    }
    fillForm(null);
    await reload();
  } catch (err) {
    showAlert(alertBox, errorText(err));
  }
});

async function init() {
  try {
    const kovs = await apiFetch<Kov[]>('/api/kovs');
    kovNames = new Map(kovs.map((k) => [k.ehak, k.name]));
    render(html`${kovs.map((k) => html`<label><input type="checkbox" name="kov" value=${k.ehak} /> ${k.name}</label>`)}`, $('u-kovs'));
    await reload();
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 403) {
      showAlert(alertBox, 'Kasutajaid saab hallata ainult administraator.');
      form.hidden = true;
      return;
    }
    showAlert(alertBox, errorText(err));
  }
}

void init();
