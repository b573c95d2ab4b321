// Tracker start: the municipalities this user may open, and the ELVL overview for analysts.
import { hasPermission } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { escapeHtml } from '../lib/format.ts';
import { navigate } from '../lib/navigate.ts';

interface Kov { ehak: string; name: string; county: string }

async function main() {
  const status = document.getElementById('load-status')!;
  const me = await fetchMe().catch(() => null);
  if (!me) {
    status.innerHTML = 'Jälgimine on sisselogitud kasutajatele. <a href="/logi-sisse/?tagasi=/jalgimine/">Logi sisse</a>.';
    return;
  }
  const kovs = await apiFetch<Kov[]>('/api/kovs');
  if (kovs.length === 1 && !hasPermission(me, 'reports.read')) {
    navigate(`/jalgimine/kov/?ehak=${encodeURIComponent(kovs[0]!.ehak)}`, { replace: true });
    return;
  }
  document.getElementById('overview-link')!.hidden = !hasPermission(me, 'reports.read');
  const list = document.getElementById('kovs')!;
  const render = (q: string) => {
    const shown = kovs.filter((k) => k.name.toLowerCase().includes(q.toLowerCase()));
    list.innerHTML = shown.map((k) => `<li><a href="/jalgimine/kov/?ehak=${k.ehak}">${escapeHtml(k.name)}</a> <span class="hint">${escapeHtml(k.county)}</span></li>`).join('');
    status.textContent = kovs.length ? `${shown.length} omavalitsust` : 'Sulle ei ole ühtegi omavalitsust määratud. Pöördu ELVL-i administraatori poole.';
  };
  document.getElementById('kov-filter')!.addEventListener('input', (e) => render((e.target as HTMLInputElement).value));
  document.getElementById('kov-list')!.hidden = kovs.length === 0;
  render('');
}

void main();
