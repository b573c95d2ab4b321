// The target object form as a lit-html template, and reading it back into the API's body. One form
// adds and changes: `editing` is the object being changed, or null for a new one.
import { html, nothing, type TemplateResult } from 'lit-html';
import { NEED_DIMENSION_LABELS, NEED_DIMENSION_LETTERS, NEED_LABELS, OBJECT_TYPE_LABELS } from '../../../api/contracts/labels.ts';
import { NEED_DIMENSIONS, NEED_LEVELS, OBJECT_TYPES, type TargetObject, type TargetObjectCreate } from '../../../api/contracts/objects.ts';

export type FormErrors = Partial<Record<string, string>>;

export interface FormState {
  editing: TargetObject | null;
  objects: readonly TargetObject[];
  errors: FormErrors;
  general: string;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

const err = (errors: FormErrors, id: string) => html`<span id="o-${id}-err" class="error-message">${errors[id] ?? ''}</span>`;
const aria = (errors: FormErrors, id: string) => (errors[id] ? 'true' : 'false');

export function objectForm(s: FormState): TemplateResult {
  const o = s.editing;
  const e = s.errors;
  const others = s.objects.filter((x) => x.id !== o?.id);
  return html`<form class="edit-form object-form" novalidate @submit=${s.submit}>
    <div class="field"><label for="o-name">Nimi</label><input id="o-name" name="name" type="text" maxlength="200" required .value=${o?.name ?? ''} aria-describedby="o-name-err" aria-invalid=${aria(e, 'name')} />${err(e, 'name')}</div>
    <div class="field"><label for="o-type">Tüüp</label>
      <select id="o-type" name="type" ?disabled=${o !== null}>${OBJECT_TYPES.filter((t) => t !== 'organisation' || o?.type === 'organisation').map(
        (t) => html`<option value=${t} ?selected=${t === (o?.type ?? 'application')}>${OBJECT_TYPE_LABELS[t]}</option>`,
      )}</select></div>
    <div class="field"><label for="o-count">Mitu ühesugust <span class="hint">nt töökohaarvutid: 45</span></label><input id="o-count" name="count" type="number" min="1" max="100000" inputmode="numeric" .value=${String(o?.count ?? 1)} aria-describedby="o-count-err" aria-invalid=${aria(e, 'count')} />${err(e, 'count')}</div>
    <div class="field"><label class="checkbox-inline"><input name="critical" type="checkbox" .checked=${o?.critical ?? false} /> Kriitiline (tuumikuturbe jaoks)</label></div>
    <fieldset class="need-fields"><legend>Kaitsetarve</legend>
      ${NEED_DIMENSIONS.map(
        (dim) => html`<div class="field"><label for="o-need-${dim}">${NEED_DIMENSION_LABELS[dim]} (${NEED_DIMENSION_LETTERS[dim]})</label>
          <select id="o-need-${dim}" name="need-${dim}">${NEED_LEVELS.map((l) => html`<option value=${l} ?selected=${l === (o?.protectionNeed[dim] ?? 'normal')}>${NEED_LABELS[l]}</option>`)}</select>
          <label class="checkbox-inline"><input name="spread-${dim}" type="checkbox" .checked=${o?.distribution[dim] ?? false} /> hajusefekt: ära tõsta sõltuvate objektide järgi</label></div>`,
      )}
    </fieldset>
    <div class="field"><label for="o-justification">Põhjendus <span class="hint">kohustuslik, kui kaitsetarve on üle tavalise või muutub</span></label><textarea id="o-justification" name="justification" maxlength="2000" .value=${o?.justification ?? ''} aria-describedby="o-justification-err" aria-invalid=${aria(e, 'justification')}></textarea>${err(e, 'justification')}</div>
    ${others.length
      ? html`<fieldset><legend>Sõltub objektidest <span class="hint">nt rakendus töötab serveril</span></legend>
          ${others.map((x) => html`<label class="checkbox-inline"><input type="checkbox" name="dependsOn" value=${String(x.id)} .checked=${o?.dependsOn.includes(x.id) ?? false} /> ${x.name}</label>`)}
          ${err(e, 'dependsOn')}</fieldset>`
      : nothing}
    <div class="field"><label for="o-modules">Moodulid <span class="hint">komaga eraldatud, nt SYS.2.1, APP.1.1</span></label><input id="o-modules" name="modules" type="text" autocomplete="off" .value=${o && o.type !== 'organisation' ? o.modules.join(', ') : ''} aria-describedby="o-modules-err" aria-invalid=${aria(e, 'modules')} />${err(e, 'modules')}</div>
    <div class="edit-form__actions">
      <button type="submit" class="button">${o ? 'Salvesta muudatused' : 'Lisa objekt'}</button>
      ${o ? html`<button type="button" class="button button--secondary" @click=${s.cancel}>Katkesta</button>` : nothing}
      <span class="error-message" role="alert">${s.general}</span>
    </div>
  </form>`;
}

/** The form's values as the API's body (a change sends the type too; the page drops it for PATCH). */
export function readObjectForm(form: HTMLFormElement): TargetObjectCreate {
  const data = new FormData(form);
  const text = (n: string) => String(data.get(n) ?? '').trim();
  const need = Object.fromEntries(NEED_DIMENSIONS.map((d) => [d, text(`need-${d}`)])) as TargetObjectCreate['protectionNeed'];
  const distribution = Object.fromEntries(NEED_DIMENSIONS.map((d) => [d, data.get(`spread-${d}`) !== null]));
  return {
    name: text('name'),
    type: (text('type') || 'application') as TargetObjectCreate['type'],
    count: Number(text('count') || '1'),
    critical: data.get('critical') !== null,
    protectionNeed: need,
    distribution,
    justification: text('justification') || null,
    dependsOn: data.getAll('dependsOn').map(Number),
    modules: text('modules').split(/[,\s]+/).filter(Boolean),
  };
}

/** API field errors (details [{path, message}]) by form field; `dependsOn.2` belongs to dependsOn. */
export function formErrors(details: unknown): FormErrors {
  const out: FormErrors = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as Array<{ path?: string; message?: string }>) {
    const key = (d.path ?? '').split('.')[0] || 'general';
    out[key] ??= d.message ?? '';
  }
  return out;
}
