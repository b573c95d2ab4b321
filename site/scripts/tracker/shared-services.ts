// Measures delivered centrally (ELVL or another provider) for chosen municipalities: listed for
// ELVL, managed by admins.
import { html, nothing, render } from 'lit-html';
import { apiFetch } from '../lib/api.ts';

interface SharedService {
  id: number;
  measureId: string;
  measureTitle: string;
  provider: string;
  note: string | null;
  kovs: Array<{ ehak: string; name: string }>;
}

async function renderServices(root: HTMLElement, canManage: boolean, remove: (id: number) => void): Promise<void> {
  const services = await apiFetch<SharedService[]>('/api/shared-services');
  root.querySelector<HTMLTableElement>('#shared-table')!.hidden = services.length === 0;
  root.querySelector<HTMLElement>('#shared-empty')!.hidden = services.length > 0;
  const row = (s: SharedService) => html`<tr>
    <th scope="row">${s.measureId} ${s.measureTitle}</th>
    <td>${s.provider}${s.note ? ` – ${s.note}` : ''}</td>
    <td><details><summary>${s.kovs.length}</summary>${s.kovs.map((k) => k.name).join(', ')}</details></td>
    <td>${canManage
      ? html`<button type="button" class="button button--warning" @click=${() => remove(s.id)}>Eemalda<span class="visually-hidden"> ${s.measureId}</span></button>`
      : nothing}</td>
  </tr>`;
  render(html`${services.map(row)}`, root.querySelector<HTMLElement>('#shared-rows')!);
}

export async function setupSharedServices(root: HTMLElement, kovs: Array<{ ehak: string; name: string }>, canManage: boolean): Promise<void> {
  const status = root.querySelector<HTMLElement>('#shared-status')!;
  const refresh = () => renderServices(root, canManage, (id) => void remove(id));
  const remove = async (id: number) => {
    try {
      await apiFetch(`/api/shared-services/${id}`, { method: 'DELETE' });
      status.textContent = 'Eemaldatud.';
      await refresh();
    } catch (err) {
      status.textContent = `Ei eemaldatud: ${(err as Error).message}`;
    }
  };
  await refresh();
  if (!canManage) return;
  const form = root.querySelector<HTMLFormElement>('#shared-form')!;
  if (form.dataset['bound']) return; // a retried load: the form is set up already
  form.dataset['bound'] = '1';
  const sortedKovs = [...kovs].sort((a, b) => a.name.localeCompare(b.name, 'et'));
  render(html`${sortedKovs.map((k) => html`<label><input type="checkbox" name="kov" value=${k.ehak} /> ${k.name}</label>`)}`, root.querySelector<HTMLElement>('#shared-kovs')!);
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
      await refresh();
    } catch (err) {
      status.textContent = `Ei lisatud: ${(err as Error).message}`;
    }
  });
}
