// The header's account area and the role-dependent links of every page: "Logi sisse" stays for a
// signed-out visitor; a signed-in user sees their name, when their access ends (auditors), "Minu
// konto", user administration and the unsent mail for admins and "Logi välja". The links only some roles may open
// (Eelarve, the template workflow, …) are rendered by role-links.ts from the same session answer.
import { html, nothing, render } from 'lit-html';
import { apiFetch } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import { navigate } from '../lib/navigate.ts';
import { MAY_OPEN, renderRoleLinks, sessionUser } from './role-links.ts';

const menu = document.getElementById('account-menu');

async function logout(): Promise<void> {
  await apiFetch('/api/auth/logout', { method: 'POST', allowAnonymous: true }).catch(() => undefined);
  navigate('/');
}

/** The last day of access: the API gives the date at whose start access ends. */
export function lastAccessDay(expiresOn: string): string {
  const d = new Date(`${expiresOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function init() {
  void renderRoleLinks();
  if (!menu) return;
  const me = await sessionUser();
  if (!me) return;
  menu.replaceChildren();
  render(
    html`<span class="account-menu__name">${me.name}</span>
      ${me.accessExpiresOn ? html`<span class="account-menu__expiry" id="access-expiry">Juurdepääs kehtib kuni ${formatDate(lastAccessDay(me.accessExpiresOn))}</span>` : nothing}
      <a href="/minu-konto/">Minu konto</a>
      ${MAY_OPEN.users(me) ? html`<a href="/haldus/kasutajad/">Kasutajad</a>` : nothing}
      ${MAY_OPEN.mailOutbox(me) ? html`<a href="/haldus/kirjad/">Saatmata kirjad</a>` : nothing}
      <button type="button" class="account-menu__logout" id="account-menu-logout" @click=${() => void logout()}>Logi välja</button>`,
    menu,
  );
}

void init();
