// Solution models as lit-html templates: one card per model with its modules, the per-measure
// statements and the municipalities it is delivered to as a whole; for an admin all of it is editable
// in one form per model (a measure can be added, the municipalities chosen).
import { html, nothing, type TemplateResult } from 'lit-html';
import { NEED_DIMENSION_LETTERS, NEED_LABELS, OBJECT_TYPE_LABELS, RESPONSIBILITY_LABELS, STATUS_LABELS } from '../../../api/contracts/labels.ts';
import { NEED_DIMENSIONS, OBJECT_TYPES } from '../../../api/contracts/objects.ts';
import { PROVIDER_STATUSES, RESPONSIBILITIES, type SolutionModel, type Statement } from '../../../api/contracts/solutions.ts';
import { formatDateTime } from '../lib/format.ts';

export interface ModelHandlers {
  canManage: boolean;
  /** Every municipality, by name (admins choose where a model is delivered). */
  kovs: ReadonlyArray<{ ehak: string; name: string }>;
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

/** The admin's empty row for one more measure: ignored while its measure field is empty. */
function newStatementRow(m: SolutionModel): TemplateResult {
  const id = `m${m.id}-new`;
  return html`<tr data-new-statement>
    <th scope="row"><label class="visually-hidden" for="${id}-m">Lisa meede mudelisse ${m.name}</label>
      <input id="${id}-m" name="newMeasure" type="text" placeholder="lisa meede (tähis)" autocomplete="off" pattern="[A-Za-z0-9.]+" size="14" /></th>
    <td data-label="Rakendab"><label class="visually-hidden" for="${id}-r">Kes rakendab lisatavat meedet</label>
      <select id="${id}-r" name="responsibility">${RESPONSIBILITIES.map((r) => html`<option value=${r}>${RESPONSIBILITY_LABELS[r]}</option>`)}</select></td>
    <td data-label="Seis"><label class="visually-hidden" for="${id}-s">Teenusepakkuja seis, lisatav meede</label>
      <select id="${id}-s" name="status">${PROVIDER_STATUSES.map((st) => html`<option value=${st}>${STATUS_LABELS[st]}</option>`)}</select></td>
    <td data-label="Märkus"><label class="visually-hidden" for="${id}-n">Märkus, lisatav meede</label><input id="${id}-n" name="note" type="text" /></td>
  </tr>`;
}

const deliveredTo = (m: SolutionModel) => (m.kovs.length ? html` · keskselt ${m.kovs.length} omavalitsusele` : nothing);

/** Checkboxes of the municipalities whose organisation as a whole receives the model. */
function kovChoice(m: SolutionModel, kovs: ModelHandlers['kovs']): TemplateResult {
  const chosen = new Set(m.kovs.map((k) => k.ehak));
  return html`<details class="kov-choice">
    <summary>Kogu omavalitsusele keskselt (${m.kovs.length})<span class="visually-hidden">: ${m.name}</span></summary>
    <p class="hint">Teenusepakkuja rakendatud meetmed loetakse nendel omavalitsustel rakendatuks ilma eraldi objektita, kui omavalitsus pole ise teisiti märkinud.</p>
    <fieldset class="kov-checkboxes"><legend class="visually-hidden">Omavalitsused, kellele ${m.name} on keskselt tagatud</legend>
      ${kovs.map((k) => html`<label><input type="checkbox" name="kov" value=${k.ehak} .checked=${chosen.has(k.ehak)} /> ${k.name}</label>`)}
    </fieldset>
  </details>`;
}

function modelCard(m: SolutionModel, on: ModelHandlers): TemplateResult {
  const table = html`<table class="data-table card-table">
    <caption class="visually-hidden">${m.name}: kes rakendab iga meetme</caption>
    <thead><tr><th scope="col">Meede</th><th scope="col">Rakendab</th><th scope="col">Seis</th><th scope="col">Märkus</th></tr></thead>
    <tbody>${m.statements.map((s, i) => statementRow(m, s, i, on.canManage))}${on.canManage ? newStatementRow(m) : nothing}</tbody>
  </table>`;
  return html`<section class="model-card" aria-labelledby="model-${m.id}">
    <h2 id="model-${m.id}">${m.name}${m.draft ? html` <span class="risk-state risk-state--incomplete">mustand</span>` : nothing}</h2>
    <p>${OBJECT_TYPE_LABELS[m.type]} · pakkuja: ${m.provider} · kaitsetarve: ${need(m)} · kasutusel ${m.adoptedBy} objektil${deliveredTo(m)}
      ${m.kbSlug ? html` · <a href="/standardlahendused/${m.kbSlug}/">juhend</a>` : nothing}</p>
    <p>Moodulid: ${m.modules.join(', ') || '–'}</p>
    <p class="hint">Muudetud ${formatDateTime(m.updatedAt)}${m.updatedBy ? `, ${m.updatedBy.name}` : ''} (versioon ${m.version})</p>
    ${on.canManage
      ? html`<form aria-label="Muuda mudelit ${m.name}" @submit=${(e: SubmitEvent) => { e.preventDefault(); on.save(m, e.target as HTMLFormElement); }}>
            ${table}
            ${kovChoice(m, on.kovs)}
            <div class="field"><label for="m${m.id}-summary">Mis muutus<span class="hint">näevad kõik mudelit kasutavad omavalitsused</span></label>
              <input id="m${m.id}-summary" name="summary" type="text" required /></div>
            <label class="choice"><input type="checkbox" name="draft" ?checked=${m.draft} /> mustand (töörühm pole kinnitanud)</label>
            <p><button type="submit" class="button">Salvesta ${m.name}</button> <span class="error-message" role="alert">${on.errors.get(m.id) ?? ''}</span></p>
          </form>`
      : m.statements.length === 0
        ? html`<p>Meetmete jaotust pole veel kirja pandud.</p>`
        : html`<details><summary>Meetmed (${m.statements.length})<span class="visually-hidden">: ${m.name}</span></summary>${table}</details>`}
  </section>`;
}

export const modelList = (models: readonly SolutionModel[], on: ModelHandlers): TemplateResult => html`${models.map((m) => modelCard(m, on))}`;

/** The admin's form for a new model: name, object type and provider; the rest is added on its card. */
export const newModelForm = (error: string, create: (form: HTMLFormElement) => void): TemplateResult => html`<details class="model-new">
  <summary>Lisa uus mudel</summary>
  <form aria-label="Uus standardlahenduse mudel" @submit=${(e: SubmitEvent) => { e.preventDefault(); create(e.target as HTMLFormElement); }}>
    <div class="filters">
      <div class="field"><label for="new-model-name">Nimi <span class="hint">nt Keskne teenus: ELVL</span></label><input id="new-model-name" name="name" required maxlength="200" /></div>
      <div class="field"><label for="new-model-type">Objekti tüüp</label>
        <select id="new-model-type" name="type">${OBJECT_TYPES.filter((t) => t !== 'organisation').map((t) => html`<option value=${t}>${OBJECT_TYPE_LABELS[t]}</option>`)}</select></div>
      <div class="field"><label for="new-model-provider">Teenusepakkuja</label><input id="new-model-provider" name="provider" required maxlength="200" value="ELVL" /></div>
    </div>
    <p><button type="submit" class="button">Lisa mudel</button> <span class="error-message" role="alert">${error}</span></p>
  </form>
</details>`;
