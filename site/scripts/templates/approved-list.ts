// Adds the working group's approved templates to the templates page's list (#template-list), next to
// the built-in ones, fetched at view time so a new approval shows without a site rebuild. They carry
// the same data attributes, so the page's filters and search (site/scripts/kb/filter.ts) cover them;
// their modules join the module filter's options.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { moduleOfMeasure } from '../../../api/catalog/ids.ts';
import { apiFetch } from '../lib/api.ts';
import { categoryLabel, downloadLink, formatDate, type ListItem } from './common.ts';

const modulesOf = (t: ListItem) => [...new Set(t.measures.map(moduleOfMeasure))];

function item(t: ListItem): TemplateResult {
  const modules = modulesOf(t);
  return html`<li data-filter-item data-module=${modules.join(' ')} data-category=${t.category} data-source="tooruhm">
    <h2 class="kb-list__title">${t.title}</h2>
    <p class="kb-list__note">Töörühma kinnitatud mall: versioon ${t.version}, kinnitatud ${formatDate(t.approvedAt)}</p>
    ${t.summary ? html`<p>${t.summary}</p>` : nothing}
    ${t.measures.length ? html`<p class="tpl-measures">E-ITS meetmed: ${t.measures.join(', ')}</p>` : nothing}
    <p>${downloadLink(t)}</p>
    <ul class="kb-tags" aria-label="Märksõnad">
      <li class="tag">${categoryLabel(t.category)}</li><li class="tag">Töörühm</li><li class="tag">v${t.version}</li>${modules.map((m) => html`<li class="tag">${m}</li>`)}
    </ul>
  </li>`;
}

/** Modules of the working group's templates that the module filter does not offer yet. */
function addModuleOptions(items: ListItem[]): void {
  const select = document.querySelector<HTMLSelectElement>('form[data-kb-filter="template-list"] select[name="module"]');
  if (!select) return;
  const known = new Set(Array.from(select.options).map((o) => o.value));
  for (const m of [...new Set(items.flatMap(modulesOf))].sort()) {
    if (known.has(m)) continue;
    const option = document.createElement('option');
    option.value = m;
    option.textContent = m;
    select.append(option);
  }
}

async function main(list: HTMLElement, status: HTMLElement): Promise<void> {
  try {
    const items = await apiFetch<ListItem[]>('/api/templates?status=approved', { allowAnonymous: true });
    status.textContent = items.length ? `Töörühma kinnitatud malle loetelus: ${items.length}.` : 'Töörühm ei ole veel ühtegi esitatud malli kinnitanud.';
    if (items.length === 0) return;
    render(html`${items.map(item)}`, list);
    addModuleOptions(items);
    list.dispatchEvent(new CustomEvent('kb-items-changed'));
  } catch {
    status.textContent = 'Töörühma kinnitatud malle ei õnnestunud laadida. Proovi hiljem uuesti.';
  }
}

const list = document.getElementById('template-list');
const status = document.querySelector<HTMLElement>('#kinnitatud-mallid [data-status]');
if (list && status) void main(list, status);
