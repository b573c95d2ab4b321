// /mallid/kasutus/: a municipality's adopted template versions (with "uuem versioon saadaval"),
// recording an adoption, and for ELVL (reports.read) one template's adoption across the 79.
import { hasPermission } from '../../../api/auth/rules.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { formatDate, parseDate } from '../lib/format.ts';
import type { Adoption, AdoptionAcross as Across } from '../../../api/contracts/templates.ts';
import { escapeHtml, type ListItem } from './common.ts';

interface Kov { ehak: string; name: string }

const statusEl = document.getElementById('load-status')!;
const kovSelect = document.getElementById('kov-select') as HTMLSelectElement;
const adoptForm = document.getElementById('adopt-form') as HTMLFormElement;
const adoptErrors = document.getElementById('adopt-errors')!;
let approved: ListItem[] = [];

const newer = '<span class="tag tpl-newer">uuem versioon saadaval</span>';

async function showKov(): Promise<void> {
  const rows = await apiFetch<Adoption[]>(`/api/kovs/${encodeURIComponent(kovSelect.value)}/adoptions`);
  const target = document.getElementById('kov-adoptions')!;
  target.innerHTML = rows.length
    ? `<table class="tpl-table"><caption class="visually-hidden">Kasutusele võetud mallid</caption>
        <thead><tr><th scope="col">Mall</th><th scope="col" class="num">Versioon</th><th scope="col">Kasutusel alates</th><th scope="col">Märkus</th></tr></thead>
        <tbody>${rows.map((r) => `<tr><th scope="row">${escapeHtml(r.title)}</th><td class="num">${r.version}</td><td>${escapeHtml(formatDate(r.adoptedOn))}</td>
          <td>${r.newerVersionAvailable ? `${newer} (versioon ${r.currentVersion})` : 'ajakohane'}</td></tr>`).join('')}</tbody></table>`
    : '<p>Omavalitsus ei ole veel ühtegi kinnitatud malli kasutusele võtnud.</p>';
}

async function initKov(): Promise<void> {
  const kovs = await apiFetch<Kov[]>('/api/kovs');
  if (kovs.length === 0) return;
  kovSelect.innerHTML = kovs.map((k) => `<option value="${escapeHtml(k.ehak)}">${escapeHtml(k.name)}</option>`).join('');
  const adoptTemplate = document.getElementById('adopt-template') as HTMLSelectElement;
  adoptTemplate.innerHTML = approved.map((t) => `<option value="${t.id}:${t.version}">${escapeHtml(t.title)} (versioon ${t.version})</option>`).join('');
  adoptForm.hidden = approved.length === 0;
  kovSelect.addEventListener('change', () => void showKov());
  adoptForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    adoptErrors.hidden = true;
    const dateInput = document.getElementById('adopt-date') as HTMLInputElement;
    const adoptedOn = parseDate(dateInput.value);
    const [templateId, version] = adoptTemplate.value.split(':').map(Number);
    if (!adoptedOn) {
      adoptErrors.textContent = 'Kuupäev peab olema kujul pp.kk.aaaa.';
      adoptErrors.hidden = false;
      dateInput.setAttribute('aria-invalid', 'true');
      dateInput.focus();
      return;
    }
    try {
      await apiFetch(`/api/kovs/${encodeURIComponent(kovSelect.value)}/adoptions`, { method: 'POST', json: { templateId, version, adoptedOn } });
      dateInput.removeAttribute('aria-invalid');
      await showKov();
      statusEl.textContent = 'Kasutuselevõtt on salvestatud.';
    } catch (err) {
      adoptErrors.textContent = err instanceof ApiRequestError ? err.message : 'Salvestamine ei õnnestunud.';
      adoptErrors.hidden = false;
    }
  });
  document.getElementById('kov-section')!.hidden = false;
  await showKov();
}

async function showAcross(select: HTMLSelectElement): Promise<boolean> {
  try {
    const a = await apiFetch<Across>(`/api/templates/${encodeURIComponent(select.value)}/adoptions`);
    document.getElementById('elvl-summary')!.textContent = `Kasutusele võtnud ${a.adopted} omavalitsust 79-st, neist uusimal kinnitatud versioonil ${a.onCurrent}.`;
    document.getElementById('elvl-table')!.innerHTML = `<table class="tpl-table"><caption class="visually-hidden">Malli kasutus omavalitsustes</caption>
      <thead><tr><th scope="col">Omavalitsus</th><th scope="col" class="num">Versioon</th><th scope="col">Kasutusel alates</th><th scope="col">Märkus</th></tr></thead>
      <tbody>${a.kovs.map((k) => `<tr><th scope="row">${escapeHtml(k.name)}</th><td class="num">${k.version ?? '—'}</td><td>${escapeHtml(formatDate(k.adoptedOn)) || '—'}</td>
        <td>${k.version === null ? 'ei ole kasutusel' : k.newerVersionAvailable ? newer : 'ajakohane'}</td></tr>`).join('')}</tbody></table>`;
    return true;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 403) return false;
    throw err;
  }
}

async function initAcross(): Promise<void> {
  if (approved.length === 0) return;
  const select = document.getElementById('elvl-template') as HTMLSelectElement;
  select.innerHTML = approved.map((t) => `<option value="${t.id}">${escapeHtml(t.title)}</option>`).join('');
  select.addEventListener('change', () => void showAcross(select));
  if (await showAcross(select)) document.getElementById('elvl-section')!.hidden = false;
}

async function main(): Promise<void> {
  try {
    const me = await fetchMe();
    if (!me) {
      statusEl.innerHTML = 'Kasutuselevõtu vaatamiseks <a href="/logi-sisse/?tagasi=/mallid/kasutus/">logi sisse</a>.';
      return;
    }
    approved = await apiFetch<ListItem[]>('/api/templates?status=approved');
    await initKov();
    // Mirrors reports.read in api/auth/access.ts, so other roles do not request a 403.
    if (hasPermission(me, 'reports.read')) await initAcross();
    statusEl.textContent = approved.length ? '' : 'Töörühm ei ole veel ühtegi malli kinnitanud.';
  } catch (err) {
    statusEl.textContent = err instanceof ApiRequestError ? err.message : 'Andmeid ei õnnestunud laadida.';
  }
}

void main();
