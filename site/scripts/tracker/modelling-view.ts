// The modelling report's parts as lit-html templates: gaps, the modules × objects matrix (scrolls
// inside its own region on a phone), the objects' needs with their origin and the risk analyses.
import { html, nothing, type TemplateResult } from 'lit-html';
import { NEED_DIMENSION_LABELS, NEED_DIMENSION_LETTERS, NEED_LABELS, OBJECT_TYPE_LABELS } from '../../../api/contracts/labels.ts';
import type { ModellingObject, ModellingReport } from '../../../api/contracts/modelling.ts';
import { NEED_DIMENSIONS } from '../../../api/contracts/objects.ts';

export function gaps(ehak: string, r: ModellingReport): TemplateResult {
  const open = r.modules.filter((m) => m.gap);
  if (!open.length) return html`<p>Lünki pole: iga ulatuse süsteemimoodul on modelleeritud vähemalt ühele objektile.</p>`;
  const names = new Map(r.objects.map((o) => [o.id, o.name]));
  const list = html`<ul class="gap-list">${open.map(
    (m) => html`<li><strong>${m.id}</strong> ${m.title}${m.suggestedFor.length
      ? html`<span class="hint"> — sobib: ${m.suggestedFor.map((id) => names.get(id)).join(', ')}</span>`
      : nothing}</li>`,
  )}</ul>`;
  return html`<p>${open.length} süsteemimoodulit on modelleeritud ainult organisatsioonile tervikuna. Lisa need objektidele
      <a href=${`/jalgimine/objektid/?ehak=${ehak}`}>struktuurianalüüsis</a>.</p>
    ${open.length > 8 ? html`<details><summary>Näita kõiki lünki (${open.length})</summary>${list}</details>` : list}`;
}

export function matrix(r: ModellingReport): TemplateResult {
  return html`<div class="table-scroll modelling-matrix-scroll" role="region" aria-labelledby="matrix-title" tabindex="0">
    <table class="data-table modelling-matrix">
      <caption class="visually-hidden">Moodulid ridadena, objektid veergudena: ✓ modelleeritud, „soovitus“ sobiks objektile</caption>
      <thead><tr><th scope="col">Moodul</th>${r.objects.map((o) => html`<th scope="col">${o.name}</th>`)}</tr></thead>
      <tbody>${r.modules.map(
        (m) => html`<tr class=${m.gap ? 'is-gap' : ''}>
          <th scope="row">${m.id}<span class="hint"> ${m.title}</span>${m.gap ? html` <span class="risk-state risk-state--missing">lünk</span>` : nothing}</th>
          ${r.objects.map((o) =>
            m.modelledOn.includes(o.id)
              ? html`<td><span aria-hidden="true">✓</span><span class="visually-hidden">modelleeritud</span></td>`
              : m.suggestedFor.includes(o.id) ? html`<td class="hint">soovitus</td>` : html`<td></td>`,
          )}
        </tr>`,
      )}</tbody>
    </table>
  </div>`;
}

const need = (o: ModellingObject) => html`<ul class="need-chips">${NEED_DIMENSIONS.map((dim) => {
  const n = o.need[dim];
  return html`<li class="need-chip need-chip--${n.level}"><abbr title=${NEED_DIMENSION_LABELS[dim]}>${NEED_DIMENSION_LETTERS[dim]}</abbr> ${NEED_LABELS[n.level]}
    ${n.from ? html`<span class="need-chip__from">(objektilt „${n.from}“)</span>` : nothing}${n.distributed ? html`<span class="need-chip__from">(hajusefekt)</span>` : nothing}</li>`;
})}</ul>`;

export function objects(r: ModellingReport): TemplateResult {
  return html`<table class="data-table card-table">
    <caption class="visually-hidden">Objektid, kaitsetarve koos päritoluga ja põhjendus</caption>
    <thead><tr><th scope="col">Objekt</th><th scope="col">Kaitsetarve (C, I, A)</th><th scope="col">Põhjendus</th><th scope="col">Meetmeid</th></tr></thead>
    <tbody>${r.objects.map(
      (o) => html`<tr>
        <th scope="row">${o.name}<span class="object-type">${OBJECT_TYPE_LABELS[o.type]}${o.count > 1 ? `, ${o.count} tk` : ''}${o.critical ? ', kriitiline' : ''}</span></th>
        <td data-label="Kaitsetarve">${need(o)}</td>
        <td data-label="Põhjendus">${o.justification ?? '–'}</td>
        <td data-label="Meetmeid">${o.measureCount}${o.needMeasureCount ? html`<span class="hint"> (kaitsetarbest ${o.needMeasureCount})</span>` : nothing}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}
