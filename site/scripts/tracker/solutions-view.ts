// Solution models as lit-html templates: one card per model with its modules and the per-measure
// statements; for an admin the statements are editable in one form per model.
import { html, nothing, type TemplateResult } from 'lit-html';
import { NEED_DIMENSION_LETTERS, NEED_LABELS, OBJECT_TYPE_LABELS, RESPONSIBILITY_LABELS, STATUS_LABELS } from '../../../api/contracts/labels.ts';
import { NEED_DIMENSIONS } from '../../../api/contracts/objects.ts';
import { PROVIDER_STATUSES, RESPONSIBILITIES, type SolutionModel, type Statement } from '../../../api/contracts/solutions.ts';
import { formatDateTime } from '../lib/format.ts';

export interface ModelHandlers {
  canManage: boolean;
  save: (model: SolutionModel, form: HTMLFormElement) => void;
  errors: ReadonlyMap<number, string>;
}

const need = (m: SolutionModel) =>
  NEED_DIMENSIONS.map((d) => `${NEED_DIMENSION_LETTERS[d]} ${NEED_LABELS[m.protectionNeed[d]]}`).join(', ');

function statementRow(m: SolutionModel, s: Statement, i: number, canManage: boolean): TemplateResult {
  const id = `m${m.id}-s${i}`;
  if (!canManage) {
    return html`<tr><th scope="row">${s.measureId}</th><td data-label="Rakendab">${RESPONSIBILITY_LABELS[s.responsibility]}</td>
      <td data-label="Seis">${STATUS_LABELS[s.status]}</td><td data-label="Märkus">${s.note ?? '–'}${s.evidenceUrl ? html` <a href=${s.evidenceUrl} rel="noopener">tõend</a>` : nothing}</td></tr>`;
  }
  return html`<tr data-measure=${s.measureId}>
    <th scope="row">${s.measureId}</th>
    <td data-label="Rakendab"><label class="visually-hidden" for="${id}-r">Kes rakendab meetme ${s.measureId}</label>
      <select id="${id}-r" name="responsibility">${RESPONSIBILITIES.map((r) => html`<option value=${r} ?selected=${r === s.responsibility}>${RESPONSIBILITY_LABELS[r]}</option>`)}</select></td>
    <td data-label="Seis"><label class="visually-hidden" for="${id}-s">Teenusepakkuja seis, ${s.measureId}</label>
      <select id="${id}-s" name="status">${PROVIDER_STATUSES.map((st) => html`<option value=${st} ?selected=${st === s.status}>${STATUS_LABELS[st]}</option>`)}</select></td>
    <td data-label="Märkus"><label class="visually-hidden" for="${id}-n">Märkus, ${s.measureId}</label>
      <input id="${id}-n" name="note" type="text" .value=${s.note ?? ''} /></td>
  </tr>`;
}

function modelCard(m: SolutionModel, on: ModelHandlers): TemplateResult {
  const table = html`<table class="data-table card-table">
    <caption class="visually-hidden">${m.name}: kes rakendab iga meetme</caption>
    <thead><tr><th scope="col">Meede</th><th scope="col">Rakendab</th><th scope="col">Seis</th><th scope="col">Märkus</th></tr></thead>
    <tbody>${m.statements.map((s, i) => statementRow(m, s, i, on.canManage))}</tbody>
  </table>`;
  return html`<section class="model-card" aria-labelledby="model-${m.id}">
    <h2 id="model-${m.id}">${m.name}${m.draft ? html` <span class="risk-state risk-state--incomplete">mustand</span>` : nothing}</h2>
    <p>${OBJECT_TYPE_LABELS[m.type]} · pakkuja: ${m.provider} · kaitsetarve: ${need(m)} · kasutusel ${m.adoptedBy} objektil
      ${m.kbSlug ? html` · <a href="/standardlahendused/${m.kbSlug}/">juhend</a>` : nothing}</p>
    <p>Moodulid: ${m.modules.join(', ') || '–'}</p>
    <p class="hint">Muudetud ${formatDateTime(m.updatedAt)}${m.updatedBy ? `, ${m.updatedBy.name}` : ''} (versioon ${m.version})</p>
    ${m.statements.length === 0
      ? html`<p>Meetmete jaotust pole veel kirja pandud.</p>`
      : on.canManage
        ? html`<form aria-label="Muuda mudelit ${m.name}" @submit=${(e: SubmitEvent) => { e.preventDefault(); on.save(m, e.target as HTMLFormElement); }}>
            ${table}
            <div class="field"><label for="m${m.id}-summary">Mis muutus<span class="hint">näevad kõik mudelit kasutavad omavalitsused</span></label>
              <input id="m${m.id}-summary" name="summary" type="text" required /></div>
            <label class="choice"><input type="checkbox" name="draft" ?checked=${m.draft} /> mustand (töörühm pole kinnitanud)</label>
            <p><button type="submit" class="button">Salvesta ${m.name}</button> <span class="error-message" role="alert">${on.errors.get(m.id) ?? ''}</span></p>
          </form>`
        : html`<details><summary>Meetmed (${m.statements.length})<span class="visually-hidden">: ${m.name}</span></summary>${table}</details>`}
  </section>`;
}

export const modelList = (models: readonly SolutionModel[], on: ModelHandlers): TemplateResult => html`${models.map((m) => modelCard(m, on))}`;
