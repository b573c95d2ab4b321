// The risk analysis' parts as lit-html templates: the objects with their analysis state, one object's
// threats with the decisions, and the form for one threat's decision.
import { html, nothing, type TemplateResult } from 'lit-html';
import { RISK_ASSESSMENTS, type RiskAnalysis, type RiskAnalysisSummary, type ThreatAssessment } from '../../../api/contracts/risks.ts';
import { RISK_ASSESSMENT_LABELS, RISK_STATE_LABELS } from '../../../api/contracts/labels.ts';
import { formatDate } from '../lib/format.ts';
import { trackerUrl } from './vocabulary.ts';

/**
 * The objects that need a risk analysis with their state, open ones first: the dashboard and the
 * modelling report show where the analysis is missing or incomplete.
 */
export function riskStateList(ehak: string, rows: readonly RiskAnalysisSummary[]): TemplateResult {
  const required = rows.filter((x) => x.required);
  if (!required.length) return html`<p>Ühegi objekti kaitsetarve pole suur ega väga suur: riskianalüüsi pole vaja.</p>`;
  const open = required.filter((x) => x.state !== 'complete');
  const ordered = [...open, ...required.filter((x) => x.state === 'complete')];
  return html`<p>${open.length ? `Riskianalüüs on tegemata või pooleli ${open.length} objektil ${required.length}-st.` : `Kõigi ${required.length} objekti riskianalüüs on tehtud.`}</p>
    <ul>${ordered.map((x) => html`<li><a href=${trackerUrl.riskAnalysis(ehak, x.objectId)}>${x.name}</a>: ${RISK_STATE_LABELS[x.state]} (${x.assessed} / ${x.threats} ohtu)</li>`)}</ul>`;
}

export function objectStates(ehak: string, rows: readonly RiskAnalysisSummary[]): TemplateResult {
  return html`<table class="data-table card-table risk-objects">
    <caption class="visually-hidden">Sihtobjektide riskianalüüsi seis</caption>
    <thead><tr><th scope="col">Objekt</th><th scope="col">Riskianalüüs</th><th scope="col">Hinnatud ohte</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr>
        <th scope="row"><a href=${trackerUrl.riskAnalysis(ehak, r.objectId)}>${r.name}</a></th>
        <td data-label="Riskianalüüs"><span class="risk-state risk-state--${r.state}">${RISK_STATE_LABELS[r.state]}</span></td>
        <td data-label="Hinnatud ohte">${r.assessed} / ${r.threats}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

function decision(t: ThreatAssessment): TemplateResult {
  if (!t.assessment) return html`<span class="risk-state risk-state--missing">hindamata</span>`;
  return html`${RISK_ASSESSMENT_LABELS[t.assessment]}
    ${t.additionalMeasure ? html`<p class="hint">Lisameede: ${t.additionalMeasure}</p>` : nothing}
    ${t.justification ? html`<p class="hint">${t.justification}</p>` : nothing}
    ${t.decidedBy ? html`<p class="hint">Otsustas ${t.decidedBy}${t.decidedAt ? `, ${formatDate(t.decidedAt)}` : ''}</p>` : nothing}`;
}

export function threatTable(ehak: string, a: RiskAnalysis, canWrite: boolean, edit: (t: ThreatAssessment) => void): TemplateResult {
  if (!a.threats.length) return html`<p>Objektile pole mooduleid modelleeritud, seega pole ka ohte, mida hinnata. Lisa moodulid struktuurianalüüsis.</p>`;
  return html`<table class="data-table card-table risk-threats">
    <caption class="visually-hidden">Alusohud, mida objekti meetmed käsitlevad, ja otsused</caption>
    <thead><tr><th scope="col">Oht</th><th scope="col">Meetmed</th><th scope="col">Otsus</th>${canWrite ? html`<th scope="col">Tegevus</th>` : nothing}</tr></thead>
    <tbody>${a.threats.map(
      (t) => html`<tr id="threat-${t.code.replace(/\W/g, '-')}">
        <th scope="row">${t.code} ${t.title}</th>
        <td data-label="Meetmed">${t.implemented} / ${t.measures.length} rakendatud
          <details><summary>Meetmed<span class="visually-hidden"> ohule ${t.code}</span></summary>
            <ul>${t.measures.map((m) => html`<li><a href=${trackerUrl.measure(ehak, m)}>${m}</a></li>`)}</ul>
          </details></td>
        <td data-label="Otsus">${decision(t)}</td>
        ${canWrite
          ? html`<td data-label="Tegevus"><button type="button" class="button button--secondary" @click=${() => edit(t)}>Hinda<span class="visually-hidden"> ohtu ${t.code}</span></button></td>`
          : nothing}
      </tr>`,
    )}</tbody>
  </table>`;
}

export type RiskFormErrors = Partial<Record<'assessment' | 'additionalMeasure' | 'justification' | 'decidedBy' | 'decidedAt', string>>;

export interface RiskFormProps {
  threat: ThreatAssessment;
  errors: RiskFormErrors;
  general: string;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

export function riskForm(p: RiskFormProps): TemplateResult {
  const t = p.threat;
  const invalid = (k: keyof RiskFormErrors) => (p.errors[k] ? 'true' : 'false');
  const err = (k: keyof RiskFormErrors) => html`<span id="r-${k}-err" class="error-message">${p.errors[k] ?? ''}</span>`;
  const text = (k: 'decidedBy' | 'decidedAt', label: string, hint: string, value: string) =>
    html`<div class="field"><label for="r-${k}">${label}<span class="hint">${hint}</span></label>
      <input id="r-${k}" name=${k} type="text" .value=${value} aria-describedby="r-${k}-err" aria-invalid=${invalid(k)} />${err(k)}</div>`;
  const area = (k: 'additionalMeasure' | 'justification', label: string, hint: string, value: string) =>
    html`<div class="field"><label for="r-${k}">${label}<span class="hint">${hint}</span></label>
      <textarea id="r-${k}" name=${k} .value=${value} aria-describedby="r-${k}-err" aria-invalid=${invalid(k)}></textarea>${err(k)}</div>`;
  return html`<form class="edit-form" aria-label="Hinda ohtu ${t.code}" @submit=${p.submit}>
    <fieldset aria-describedby="r-assessment-err"><legend>${t.code} ${t.title}: otsus</legend>
      ${RISK_ASSESSMENTS.map(
        (k) => html`<label class="choice"><input type="radio" name="assessment" value=${k} ?checked=${(t.assessment ?? 'covered') === k} /> ${RISK_ASSESSMENT_LABELS[k]}</label>`,
      )}
      ${err('assessment')}
    </fieldset>
    ${area('additionalMeasure', 'Lisameede', 'mida tehakse lisaks etalonturbe meetmetele', t.additionalMeasure ?? '')}
    ${area('justification', 'Põhjendus', 'nõutud, kui risk aktsepteeritakse või antakse edasi', t.justification ?? '')}
    ${text('decidedBy', 'Kes otsustas', 'nimi ja ametikoht', t.decidedBy ?? '')}
    ${text('decidedAt', 'Otsuse kuupäev', 'pp.kk.aaaa', formatDate(t.decidedAt))}
    <div class="edit-form__actions">
      <button type="submit" class="button">Salvesta</button>
      <button type="button" class="button button--secondary" @click=${p.cancel}>Katkesta</button>
      <span class="error-message" role="alert">${p.general}</span>
    </div>
  </form>`;
}
