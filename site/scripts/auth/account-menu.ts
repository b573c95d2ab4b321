// The header's account area: "Logi sisse" stays for a signed-out visitor; a signed-in user sees their
// name, "Minu konto", user administration for admins and "Logi välja".
import { html, nothing, render } from 'lit-html';
import { hasPermission } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { navigate } from '../lib/navigate.ts';

const menu = document.getElementById('account-menu');

async function logout(): Promise<void> {
  await apiFetch('/api/auth/logout', { method: 'POST', allowAnonymous: true }).catch(() => undefined);
  navigate('/');
}

async function init() {
  if (!menu) return;
  const me = await fetchMe().catch(() => null);
  if (!me) return;
  menu.replaceChildren();
  render(
    html`<span class="account-menu__name">${me.name}</span>
      <a href="/minu-konto/">Minu konto</a>
      ${hasPermission(me, 'users.manage') ? html`<a href="/haldus/kasutajad/">Kasutajad</a>` : nothing}
      <button type="button" class="account-menu__logout" id="account-menu-logout" @click=${() => void logout()}>Logi välja</button>`,
    menu,
  );
}

void init();
