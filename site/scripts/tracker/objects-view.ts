// The structure analysis' parts as lit-html templates: the objects as a table (cards on a phone)
// with their needs as C/I/A chips, and the list of typical objects to start from.
import { html, nothing, type TemplateResult } from 'lit-html';
import { NEED_DIMENSION_LABELS, NEED_DIMENSION_LETTERS, NEED_LABELS, OBJECT_TYPE_LABELS } from '../../../api/contracts/labels.ts';
import { NEED_DIMENSIONS, type TargetObject } from '../../../api/contracts/objects.ts';
import type { SuggestedObject } from '../../../api/objects/suggestions.ts';
import { trackerUrl } from './vocabulary.ts';

export interface ListHandlers {
  ehak: string;
  /** Standard-solution model id → name, for objects that adopt one. */
  models: ReadonlyMap<number, string>;
  /** The models delivered to the municipality as a whole: their provider's measures land on the organisation object. */
  central: ReadonlyArray<{ id: number; name: string }>;
  canWrite: boolean;
  edit: (o: TargetObject) => void;
  remove: (o: TargetObject) => void;
}

/** One chip per dimension: the effective need, and where it came from when another object raised it. */
function needChips(o: TargetObject, names: ReadonlyMap<number, string>): TemplateResult {
  return html`<ul class="need-chips">
    ${NEED_DIMENSIONS.map((dim) => {
      const level = o.effectiveNeed[dim];
      const from = o.needOrigin[dim];
      const spread = o.distribution[dim];
      return html`<li class="need-chip need-chip--${level}">
        <abbr title=${NEED_DIMENSION_LABELS[dim]}>${NEED_DIMENSION_LETTERS[dim]}</abbr> ${NEED_LABELS[level]}
        ${from !== null ? html`<span class="need-chip__from">(objektilt „${names.get(from) ?? from}“)</span>` : nothing}
        ${spread ? html`<span class="need-chip__from">(hajusefekt)</span>` : nothing}
      </li>`;
    })}
  </ul>`;
}

function row(o: TargetObject, names: ReadonlyMap<number, string>, on: ListHandlers): TemplateResult {
  const deps = o.dependsOn.map((id) => names.get(id) ?? String(id));
  const modules = o.modules.length > 12 ? `${o.modules.slice(0, 12).join(', ')} … (kokku ${o.modules.length})` : o.modules.join(', ');
  return html`<tr id="object-${o.id}">
    <th scope="row">${o.name}<span class="object-type">${OBJECT_TYPE_LABELS[o.type]}${o.count > 1 ? `, ${o.count} tk` : ''}${o.critical ? ', kriitiline' : ''}${o.solutionModel !== null ? `, standardlahendus „${on.models.get(o.solutionModel) ?? o.solutionModel}“` : ''}</span>
      ${o.type === 'organisation' && on.central.length
        ? html`<p class="hint">Keskselt tagatud: ${on.central.map((m, i) => html`${i ? ', ' : ''}<a href="/jalgimine/lahendused/#model-${m.id}">${m.name}</a>`)}</p>`
        : nothing}</th>
    <td data-label="Kaitsetarve">${needChips(o, names)}${o.justification ? html`<p class="hint">${o.justification}</p>` : nothing}
      ${Object.values(o.effectiveNeed).some((l) => l !== 'normal') ? html`<p><a href=${trackerUrl.riskAnalysis(on.ehak, o.id)}>Riskianalüüs<span class="visually-hidden">: ${o.name}</span></a></p>` : nothing}</td>
    <td data-label="Sõltub">${deps.length ? deps.join(', ') : '–'}</td>
    <td data-label="Moodulid">${modules || '–'}</td>
    <td data-label="Meetmed"><a href=${trackerUrl.measures(on.ehak, { object: String(o.id) })}>${o.measureCount}<span class="visually-hidden"> meedet: ${o.name}</span></a>${o.needMeasureCount ? html`<span class="hint"> (neist kaitsetarbest ${o.needMeasureCount} kõrgmeedet)</span>` : nothing}
      <br /><a href=${trackerUrl.plan(on.ehak, 'xlsx', o.id)} download>rakendusplaan (XLSX)<span class="visually-hidden">: ${o.name}</span></a></td>
    ${on.canWrite
      ? html`<td data-label="Tegevused">
          <button type="button" class="button button--secondary" @click=${() => on.edit(o)}>Muuda<span class="visually-hidden"> ${o.name}</span></button>
          ${o.type === 'organisation' ? nothing : html`<button type="button" class="button button--secondary" @click=${() => on.remove(o)}>Kustuta<span class="visually-hidden"> ${o.name}</span></button>`}
        </td>`
      : nothing}
  </tr>`;
}

export function objectTable(objects: readonly TargetObject[], on: ListHandlers): TemplateResult {
  const names = new Map(objects.map((o) => [o.id, o.name]));
  return html`<table class="data-table card-table objects-table">
    <caption class="visually-hidden">Sihtobjektid, nende kaitsetarve, sõltuvused ja moodulid</caption>
    <thead><tr><th scope="col">Objekt</th><th scope="col">Kaitsetarve (C, I, A)</th><th scope="col">Sõltub</th><th scope="col">Moodulid</th><th scope="col">Meetmed</th>${on.canWrite ? html`<th scope="col">Tegevused</th>` : nothing}</tr></thead>
    <tbody>${objects.map((o) => row(o, names, on))}</tbody>
  </table>`;
}

export function firstPass(suggested: readonly SuggestedObject[], add: (s: SuggestedObject) => void): TemplateResult {
  return html`${suggested.map(
    (s) => html`<li>
      <span>${s.name} <span class="hint">(${OBJECT_TYPE_LABELS[s.type]}; ${s.modules.join(', ')})</span></span>
      <button type="button" class="button button--secondary" @click=${() => add(s)}>Lisa<span class="visually-hidden"> ${s.name}</span></button>
    </li>`,
  )}`;
}

/** Adopting a standard-solution model: the model, optionally another name, and the button. */
export function adoptForm(models: ReadonlyArray<{ id: number; name: string; draft: boolean }>, error: string, submit: (e: SubmitEvent) => void): TemplateResult {
  return html`<form class="edit-form" aria-labelledby="adopt-title" @submit=${submit}>
    <div class="field"><label for="adopt-model">Mudel</label>
      <select id="adopt-model" name="solutionModel">${models.map((m) => html`<option value=${m.id}>${m.name}${m.draft ? ' (mustand)' : ''}</option>`)}</select></div>
    <div class="field"><label for="adopt-name">Objekti nimi<span class="hint">kui erineb mudeli nimest</span></label>
      <input id="adopt-name" name="name" type="text" aria-describedby="adopt-err" /></div>
    <div class="edit-form__actions"><button type="submit" class="button">Võta kasutusele</button>
      <span id="adopt-err" class="error-message" role="alert">${error}</span></div>
  </form>`;
}
