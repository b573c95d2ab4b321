// Measures delivered centrally (ELVL or another provider) for chosen municipalities: listed for
// ELVL, managed by admins.
import { apiFetch } from '../lib/api.ts';
import { escapeHtml } from '../lib/format.ts';

interface SharedService {
  id: number;
  measureId: string;
  measureTitle: string;
  provider: string;
  note: string | null;
  kovs: Array<{ ehak: string; name: string }>;
}

const $ = (id: string) => document.getElementById(id)!;

async function render(canManage: boolean): Promise<void> {
  const services = await apiFetch<SharedService[]>('/api/shared-services');
  ($('shared-table') as HTMLTableElement).hidden = services.length === 0;
  $('shared-empty').hidden = services.length > 0;
  $('shared-rows').innerHTML = services
    .map(
      (s) => `<tr><th scope="row">${escapeHtml(s.measureId)} ${escapeHtml(s.measureTitle)}</th><td>${escapeHtml(s.provider)}${s.note ? ` – ${escapeHtml(s.note)}` : ''}</td>
        <td><details><summary>${s.kovs.length}</summary>${escapeHtml(s.kovs.map((k) => k.name).join(', '))}</details></td>
        <td>${canManage ? `<button type="button" class="button button--warning" data-delete="${s.id}">Eemalda<span class="visually-hidden"> ${escapeHtml(s.measureId)}</span></button>` : ''}</td></tr>`,
    )
    .join('');
}

export async function setupSharedServices(kovs: Array<{ ehak: string; name: string }>, canManage: boolean): Promise<void> {
  await render(canManage);
  if (!canManage) return;
  const form = $('shared-form') as HTMLFormElement;
  const status = $('shared-status');
  $('shared-kovs').innerHTML = [...kovs]
    .sort((a, b) => a.name.localeCompare(b.name, 'et'))
    .map((k) => `<label><input type="checkbox" name="kov" value="${k.ehak}" /> ${escapeHtml(k.name)}</label>`)
    .join('');
  form.hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input[name="kov"]:checked')].map((i) => i.value);
    try {
      await apiFetch('/api/shared-services', {
        method: 'POST',
        json: { measureId: value('measureId'), provider: value('provider'), note: value('note') || null, kovs: chosen },
      });
      status.textContent = 'Lisatud. Omavalitsuste näitajad arvestavad seda kohe.';
      form.reset();
      await render(true);
    } catch (err) {
      status.textContent = `Ei lisatud: ${(err as Error).message}`;
    }
  });
  $('shared-rows').addEventListener('click', async (e) => {
    const id = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-delete]')?.dataset['delete'];
    if (!id) return;
    try {
      await apiFetch(`/api/shared-services/${id}`, { method: 'DELETE' });
      status.textContent = 'Eemaldatud.';
      await render(true);
    } catch (err) {
      status.textContent = `Ei eemaldatud: ${(err as Error).message}`;
    }
  });
}
