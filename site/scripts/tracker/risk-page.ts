// <tv-risk-analysis>: without ?object= the municipality's objects with their risk analysis state;
// with it, that object's threats, and for a user who may write the decision form for one threat
// (optimistic, by version; a conflict shows the other person's decision).
import { render } from 'lit-html';
import { canWriteKov } from '../../../api/auth/rules.ts';
import type { TargetObject } from '../../../api/contracts/objects.ts';
import type { RiskAnalysis, RiskAnalysisSummary, ThreatAssessment, ThreatAssessmentWrite } from '../../../api/contracts/risks.ts';
import { ApiRequestError, apiFetch, fetchMe } from '../lib/api.ts';
import { parseDate } from '../lib/format.ts';
import { announceKov } from './kov-name.ts';
import { objectStates, riskForm, threatTable, type RiskFormErrors } from './risk-view.ts';
import { startKovPage } from './kov-page.ts';

class RiskAnalysisPage extends HTMLElement {
  #ehak = '';
  #object: TargetObject | null = null;
  #analysis: RiskAnalysis | null = null;
  #canWrite = false;
  #editing: ThreatAssessment | null = null;
  #errors: RiskFormErrors = {};
  #general = '';

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#ehak) return;
    const object = new URLSearchParams(location.search).get('object');
    const id = object && /^[1-9]\d{0,9}$/.test(object) ? Number(object) : null;
    startKovPage(this, 'Laadin riskianalüüsi…', (ehak) => {
      this.#ehak = ehak;
      return id ? this.#loadObject(id) : this.#loadList();
    });
  }

  async #loadList(): Promise<void> {
    const [rows] = await Promise.all([apiFetch<RiskAnalysisSummary[]>(`/api/kovs/${this.#ehak}/risk-analyses`), announceKov(this, this.#ehak)]);
    const required = rows.filter((r) => r.required);
    this.#el('risk-title').textContent = 'Objektid';
    this.#el('risk-status').textContent = required.length
      ? `Riskianalüüsi vajab ${required.length} objekti; tehtud ${required.filter((r) => r.state === 'complete').length}.`
      : 'Ühegi objekti kaitsetarve pole suur ega väga suur: riskianalüüsi pole vaja.';
    render(objectStates(this.#ehak, rows), this.#el('risk-list'));
    this.#el('risk').hidden = false;
  }

  async #loadObject(id: number): Promise<void> {
    const [me, object, analysis] = await Promise.all([
      fetchMe(),
      apiFetch<TargetObject>(`/api/kovs/${this.#ehak}/objects/${id}`),
      apiFetch<RiskAnalysis>(`/api/kovs/${this.#ehak}/objects/${id}/risk-analysis`),
      announceKov(this, this.#ehak),
    ]);
    this.#canWrite = me !== null && canWriteKov(me, this.#ehak);
    this.#object = object;
    this.#analysis = analysis;
    this.#el('risk').hidden = false;
    this.#render();
  }

  #render(): void {
    const a = this.#analysis!;
    this.#el('risk-title').textContent = `Objekt: ${this.#object!.name}`;
    this.#el('risk-status').textContent = a.required
      ? `Hinnatud ${a.assessed} ohtu ${a.threats.length}-st.`
      : 'Objekti kaitsetarve on tavaline: riskianalüüs pole nõutud, kuid võid ohud siiski läbi vaadata.';
    render(threatTable(this.#ehak, a, this.#canWrite, (t) => this.#edit(t)), this.#el('risk-list'));
    const section = this.#el('risk-form-section');
    section.hidden = !this.#editing;
    if (this.#editing) {
      this.#el('risk-form-title').textContent = `Hinda ohtu ${this.#editing.code}`;
      render(riskForm({ threat: this.#editing, errors: this.#errors, general: this.#general, submit: (e) => void this.#submit(e), cancel: () => this.#edit(null) }), this.#el('risk-form'));
    }
  }

  #edit(t: ThreatAssessment | null): void {
    const previous = this.#editing;
    this.#editing = t;
    this.#errors = {};
    this.#general = '';
    // A new form, not the old one's values: lit keeps a form's DOM, so clear it first.
    render(document.createTextNode(''), this.#el('risk-form'));
    this.#render();
    if (t) this.#el('risk-form-title').focus();
    else if (previous) this.querySelector<HTMLElement>(`#threat-${previous.code.replace(/\W/g, '-')} button`)?.focus();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim() || null;
    const checked = form.querySelector<HTMLInputElement>('input[name="assessment"]:checked');
    const decidedAtText = value('decidedAt');
    const decidedAt = decidedAtText ? parseDate(decidedAtText) : null;
    if (decidedAtText && !decidedAt) {
      this.#errors = { decidedAt: 'Kuupäev kujul pp.kk.aaaa, nt 31.12.2026.' };
      this.#render();
      this.querySelector<HTMLElement>('#r-decidedAt')?.focus();
      return;
    }
    const editing = this.#editing!;
    const body: ThreatAssessmentWrite = {
      assessment: (checked?.value ?? 'covered') as ThreatAssessmentWrite['assessment'],
      additionalMeasure: value('additionalMeasure'),
      justification: value('justification'),
      decidedBy: value('decidedBy'),
      decidedAt,
      version: editing.version,
    };
    try {
      const url = `/api/kovs/${this.#ehak}/objects/${this.#object!.id}/risk-analysis/${encodeURIComponent(editing.code)}`;
      const saved = await apiFetch<ThreatAssessment>(url, { method: 'PUT', json: body });
      this.#analysis = await apiFetch<RiskAnalysis>(`/api/kovs/${this.#ehak}/objects/${this.#object!.id}/risk-analysis`);
      this.#edit(null);
      this.#el('risk-status').textContent = `Salvestatud: ${saved.code} ${saved.title}. ${this.#el('risk-status').textContent}`;
    } catch (err) {
      const conflict = err instanceof ApiRequestError && err.status === 409;
      this.#errors = err instanceof ApiRequestError && Array.isArray(err.details)
        ? Object.fromEntries((err.details as Array<{ path: string; message: string }>).map((d) => [d.path, d.message]))
        : {};
      this.#general = conflict
        ? 'Keegi muutis seda hinnangut vahepeal. Näed nüüd tema otsust; vaata see üle ja salvesta uuesti.'
        : err instanceof Error ? err.message : 'Salvestamine ebaõnnestus.';
      const current = conflict ? (err.details as { current?: ThreatAssessment } | undefined)?.current : undefined;
      if (current) {
        this.#editing = current;
        render(document.createTextNode(''), this.#el('risk-form'));
      }
      this.#render();
      this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }
}

customElements.define('tv-risk-analysis', RiskAnalysisPage);
