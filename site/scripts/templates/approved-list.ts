// Fills #kinnitatud-mallid on the knowledge base's templates page with the working group's
// approved templates, fetched at view time so a new approval shows without a site rebuild.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { apiFetch } from '../lib/api.ts';
import { categoryLabel, downloadLink, formatDate, type ListItem } from './common.ts';

function card(t: ListItem): TemplateResult {
  return html`<li class="card">
    <h3>${t.title}</h3>
    <p><span class="tag">${categoryLabel(t.category)}</span> Versioon ${t.version}, kinnitatud ${formatDate(t.approvedAt)}</p>
    ${t.summary ? html`<p>${t.summary}</p>` : nothing}
    ${t.measures.length ? html`<p class="tpl-measures">E-ITS meetmed: ${t.measures.join(', ')}</p>` : nothing}
    <p>${downloadLink(t)}</p>
  </li>`;
}

async function main(root: HTMLElement): Promise<void> {
  let status = root.querySelector<HTMLElement>('[data-status]');
  if (!status) {
    status = document.createElement('p');
    status.setAttribute('role', 'status');
    root.append(status);
  }
  status.textContent = 'Laadin kinnitatud malle…';
  try {
    const items = await apiFetch<ListItem[]>('/api/templates?status=approved', { allowAnonymous: true });
    root.querySelector('[data-approved-list]')?.remove();
    if (items.length === 0) {
      status.textContent = 'Töörühm ei ole veel ühtegi esitatud malli kinnitanud.';
      return;
    }
    status.textContent = `Töörühma kinnitatud malle: ${items.length}.`;
    const list = document.createElement('ul');
    list.className = 'card-grid';
    list.dataset['approvedList'] = '';
    render(html`${items.map(card)}`, list);
    root.append(list);
  } catch {
    status.textContent = 'Kinnitatud malle ei õnnestunud laadida. Proovi hiljem uuesti.';
  }
}

const root = document.getElementById('kinnitatud-mallid');
if (root) void main(root);
