// The overview's "Keskselt tagatud meetmed": the solution models delivered to municipalities as a
// whole (what shared services were before migration 024), with the measures their provider implements.
import { html, render } from 'lit-html';
import type { SolutionModel } from '../../../api/contracts/solutions.ts';

export function renderCentralModels(root: HTMLElement, models: readonly SolutionModel[]): void {
  const central = models.filter((m) => m.kovs.length > 0);
  root.querySelector<HTMLTableElement>('#shared-table')!.hidden = central.length === 0;
  root.querySelector<HTMLElement>('#shared-empty')!.hidden = central.length > 0;
  const implemented = (m: SolutionModel) => m.statements.filter((s) => s.responsibility === 'provider' && s.status === 'implemented');
  const row = (m: SolutionModel) => html`<tr>
    <th scope="row"><a href="/jalgimine/lahendused/#model-${m.id}">${m.name}</a></th>
    <td data-label="Pakkuja">${m.provider}</td>
    <td data-label="Pakkuja rakendab">${implemented(m).map((s) => s.measureId).join(', ') || '–'}${implemented(m).some((s) => s.note) ? html`<br /><span class="hint">${implemented(m).flatMap((s) => (s.note ? [s.note] : [])).join(' ')}</span>` : ''}</td>
    <td data-label="Omavalitsusi"><details><summary>${m.kovs.length}<span class="visually-hidden"> omavalitsust</span></summary>${m.kovs.map((k) => k.name).join(', ')}</details></td>
  </tr>`;
  render(html`${central.map(row)}`, root.querySelector<HTMLElement>('#shared-rows')!);
}
