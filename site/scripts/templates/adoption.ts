// /mallid/kasutus/: a municipality's adopted templates, built-in and working-group (with "uuem
// versioon saadaval"), recording an adoption of either, and for ELVL (reports.read) one
// template's adoption across the 79. The built-in templates' options come with the page's markup.
import { hasPermission } from '../../../api/auth/rules.ts';
import { html, render, type TemplateResult } from 'lit-html';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { formatDate, parseDate } from '../lib/format.ts';
import type { Adoption, AdoptionAcross as Across, BuiltinAdoptionAcross } from '../../../api/contracts/templates.ts';
import type { ListItem } from './common.ts';

interface Kov { ehak: string; name: string }

const statusEl = document.getElementById('load-status')!;
const kovSelect = document.getElementById('kov-select') as HTMLSelectElement;
const adoptForm = document.getElementById('adopt-form') as HTMLFormElement;
const adoptErrors = document.getElementById('adopt-errors')!;
let approved: ListItem[] = [];

const newer = html`<span class="tag tpl-newer">uuem versioon saadaval</span>`;

/** One table layout for both views: a name per row, then version, date and a note. */
function adoptionTable(caption: string, first: string, rows: Array<[string, number | string | null, string | null, TemplateResult | string]>): TemplateResult {
  return html`<table class="tpl-table card-table"><caption class="visually-hidden">${caption}</caption>
    <thead><tr><th scope="col">${first}</th><th scope="col" class="num">Versioon</th><th scope="col">Kasutusel alates</th><th scope="col">Märkus</th></tr></thead>
    <tbody>${rows.map(
      ([name, version, date, note]) => html`<tr><th scope="row">${name}</th><td class="num" data-label="Versioon">${version ?? '—'}</td><td data-label="Kasutusel alates">${formatDate(date) || '—'}</td><td data-label="Märkus">${note}</td></tr>`,
    )}</tbody></table>`;
}

async function showKov(): Promise<void> {
  const rows = await apiFetch<Adoption[]>(`/api/kovs/${encodeURIComponent(kovSelect.value)}/adoptions`);
  const view = rows.length
    ? adoptionTable('Kasutusele võetud mallid', 'Mall', rows.map((r) => [r.title, r.version ?? r.builtinVersion, r.adoptedOn, r.newerVersionAvailable ? (r.currentVersion ? html`${newer} (versioon ${r.currentVersion})` : newer) : 'ajakohane']))
    : html`<p>Omavalitsus ei ole veel ühtegi malli kasutusele võtnud.</p>`;
  render(view, document.getElementById('kov-adoptions')!);
}

async function initKov(): Promise<void> {
  const kovs = await apiFetch<Kov[]>('/api/kovs');
  if (kovs.length === 0) return;
  render(html`${kovs.map((k) => html`<option value=${k.ehak}>${k.name}</option>`)}`, kovSelect);
  const adoptTemplate = document.getElementById('adopt-template') as HTMLSelectElement;
  render(html`${approved.map((t) => html`<option value="wg:${t.id}:${t.version}">${t.title} (versioon ${t.version})</option>`)}`, document.getElementById('adopt-wg')!);
  adoptForm.hidden = false;
  kovSelect.addEventListener('change', () => void showKov());
  adoptForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    adoptErrors.hidden = true;
    const dateInput = document.getElementById('adopt-date') as HTMLInputElement;
    const adoptedOn = parseDate(dateInput.value);
    const [source, key, n] = adoptTemplate.value.split(':');
    const which = source === 'builtin' ? { slug: key } : { templateId: Number(key), version: Number(n) };
    if (!adoptedOn) {
      adoptErrors.textContent = 'Kuupäev peab olema kujul pp.kk.aaaa.';
      adoptErrors.hidden = false;
      dateInput.setAttribute('aria-invalid', 'true');
      dateInput.focus();
      return;
    }
    try {
      await apiFetch(`/api/kovs/${encodeURIComponent(kovSelect.value)}/adoptions`, { method: 'POST', json: { ...which, adoptedOn } });
      dateInput.removeAttribute('aria-invalid');
      await showKov();
      render('Kasutuselevõtt on salvestatud.', statusEl);
    } catch (err) {
      adoptErrors.textContent = err instanceof ApiRequestError ? err.message : 'Salvestamine ei õnnestunud.';
      adoptErrors.hidden = false;
    }
  });
  document.getElementById('kov-section')!.hidden = false;
  await showKov();
}

/** A working-group template ("wg:<id>") or a built-in one ("builtin:<slug>") across the 79. */
async function showAcross(select: HTMLSelectElement): Promise<boolean> {
  const [source, key] = select.value.split(':') as [string, string];
  try {
    const a =
      source === 'builtin'
        ? await apiFetch<BuiltinAdoptionAcross>(`/api/builtin-templates/${encodeURIComponent(key)}/adoptions`)
        : await apiFetch<Across>(`/api/templates/${encodeURIComponent(key)}/adoptions`);
    document.getElementById('elvl-summary')!.textContent = `Kasutusele võtnud ${a.adopted} omavalitsust 79-st, neist uusimal ${source === 'builtin' ? '' : 'kinnitatud '}versioonil ${a.onCurrent}.`;
    const note = (k: { version: number | string | null; newerVersionAvailable: boolean }) => (k.version === null ? 'ei ole kasutusel' : k.newerVersionAvailable ? newer : 'ajakohane');
    const rows = a.kovs.map((k): [string, number | string | null, string | null, TemplateResult | string] => [k.name, k.version, k.adoptedOn, note(k)]);
    render(adoptionTable('Malli kasutus omavalitsustes', 'Omavalitsus', rows), document.getElementById('elvl-table')!);
    return true;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 403) return false;
    throw err;
  }
}

async function initAcross(): Promise<void> {
  const select = document.getElementById('elvl-template') as HTMLSelectElement;
  render(html`${approved.map((t) => html`<option value="wg:${t.id}">${t.title}</option>`)}`, document.getElementById('elvl-wg')!);
  // The built-in options were selected first while the markup loaded; a working-group template leads once listed.
  if (approved[0]) select.value = `wg:${approved[0].id}`;
  select.addEventListener('change', () => void showAcross(select));
  if (await showAcross(select)) document.getElementById('elvl-section')!.hidden = false;
}

async function main(): Promise<void> {
  // lit renders the status from now on (it may hold a link); the markup's "Laadin…" makes way.
  statusEl.replaceChildren();
  render('Laadin…', statusEl);
  try {
    const me = await fetchMe();
    if (!me) {
      render(html`Kasutuselevõtu vaatamiseks <a href="/logi-sisse/?tagasi=/mallid/kasutus/">logi sisse</a>.`, statusEl);
      return;
    }
    approved = await apiFetch<ListItem[]>('/api/templates?status=approved');
    await initKov();
    // Mirrors reports.read in api/auth/access.ts, so other roles do not request a 403.
    if (hasPermission(me, 'reports.read')) await initAcross();
    render('', statusEl);
  } catch (err) {
    render(err instanceof ApiRequestError ? err.message : 'Andmeid ei õnnestunud laadida.', statusEl);
  }
}

void main();
