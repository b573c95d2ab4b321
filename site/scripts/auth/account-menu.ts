import { hasPermission } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { escapeHtml } from '../lib/format.ts';
import { navigate } from '../lib/navigate.ts';

const menu = document.getElementById('account-menu');

async function init() {
  if (!menu) return;
  const me = await fetchMe().catch(() => null);
  if (!me) return;
  menu.innerHTML = `<span class="account-menu__name">${escapeHtml(me.name)}</span>
    <a href="/minu-konto/">Minu konto</a>
    ${hasPermission(me, 'users.manage') ? '<a href="/haldus/kasutajad/">Kasutajad</a>' : ''}
    <button type="button" class="account-menu__logout" id="account-menu-logout">Logi välja</button>`;
  document.getElementById('account-menu-logout')!.addEventListener('click', async () => {
    await apiFetch('/api/auth/logout', { method: 'POST', allowAnonymous: true }).catch(() => undefined);
    navigate('/');
  });
}

void init();
