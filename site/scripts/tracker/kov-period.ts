// <tv-kov-period>: the newest open reporting period as one municipality sees it, and its next step
// for whoever may take it (the API says which: `can`, decided by api/auth/rules.ts canActOnPeriod).
import { html, nothing, render } from 'lit-html';
import { CONCLUSION_LABELS, CONCLUSIONS, PERIOD_STATE_LABELS, type KovPeriod, type PeriodState } from '../../../api/contracts/periods.ts';
import { apiFetch } from '../lib/api.ts';
import { navigateToIdentityProvider } from '../lib/navigate.ts';
import { formatDate, formatDateTime, formatPercent } from '../lib/format.ts';
import { ehakFromUrl, trackerUrl } from './vocabulary.ts';

/** What TARA's callback reports back in ?kinnitus= after a confirmation (api/periods/tara-confirm.ts). */
const TARA_RESULTS: Record<string, string> = {
  tehtud: 'Aruanne on TARA kaudu kinnitatud.',
  teine_isik: 'TARA-s logis sisse teine isik kui sinu kontoga seotud; aruannet ei kinnitatud.',
  seanss: 'Kinnitamine algas teises seansis; aruannet ei kinnitatud. Proovi uuesti.',
  katkestatud: 'TARA sisselogimine katkestati; aruannet ei kinnitatud.',
  vana_sisselogimine: 'TARA ei teinud uut sisselogimist; aruannet ei kinnitatud. Proovi uuesti.',
  olek: 'Aruande olek on vahepeal muutunud; aruannet ei kinnitatud.',
  oigus: 'Sul ei ole enam õigust seda aruannet kinnitada.',
  tara: 'TARA kaudu kinnitamine ebaõnnestus; aruannet ei kinnitatud.',
};

const stateLabel = (s: string) => PERIOD_STATE_LABELS[s as PeriodState] ?? s;

class KovPeriodBox extends HTMLElement {
  #started = false;
  #ehak = '';

  #el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.querySelector<T>(`#${id}`)!;
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    const ehak = ehakFromUrl();
    if (!ehak) return;
    this.#ehak = ehak;
    // The dashboard reports its own load errors; this box simply stays hidden when it cannot load.
    void this.#load().catch(() => undefined);
  }

  async #load(): Promise<void> {
    const data = await apiFetch<KovPeriod>(`/api/kovs/${this.#ehak}/reporting-period`);
    if (!data.period || !data.kov) {
      this.#el('kov-period').hidden = true;
      return;
    }
    this.#render(data);
    this.#el('kov-period').hidden = false;
    const returned = new URLSearchParams(window.location.search).get('kinnitus');
    if (returned) this.#el('kov-period-status').textContent = TARA_RESULTS[returned] ?? TARA_RESULTS['tara']!;
  }

  async #act(action: string, json: unknown, done: string): Promise<void> {
    const out = this.#el('kov-period-status');
    const period = this.#el('kov-period').dataset['period'];
    try {
      await apiFetch(`/api/kovs/${this.#ehak}/reporting-periods/${period}/${action}`, { method: 'POST', json });
      await this.#load();
      out.textContent = done;
    } catch (err) {
      out.textContent = (err as Error).message;
    }
  }

  #submit(): void {
    void this.#act('submit', {}, 'Aruanne on esitatud; arvud on külmutatud.');
  }

  #confirm(e: Event): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('password') as HTMLInputElement;
    if (!input.value) return void (this.#el('kov-period-status').textContent = 'Sisesta kinnitamiseks oma parool.');
    void this.#act('confirm', { password: input.value }, 'Aruanne on kinnitatud.');
    input.value = '';
  }

  /** Off to TARA for a fresh login; its callback confirms and brings the head back here (?kinnitus=…). */
  async #confirmWithTara(): Promise<void> {
    const period = this.#el('kov-period').dataset['period'];
    try {
      const { url } = await apiFetch<{ url: string }>(`/api/kovs/${this.#ehak}/reporting-periods/${period}/confirm/tara`, { method: 'POST', json: {} });
      if (!navigateToIdentityProvider(url)) this.#el('kov-period-status').textContent = 'TARA aadress ei ole ootuspärane; kinnitamist ei alustatud.';
    } catch (err) {
      this.#el('kov-period-status').textContent = (err as Error).message;
    }
  }

  #conclude(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const conclusion = (form.elements.namedItem('conclusion') as RadioNodeList).value;
    const remarks = (form.elements.namedItem('remarks') as HTMLTextAreaElement).value.trim();
    if (!conclusion) return void (this.#el('kov-period-status').textContent = 'Vali järeldus.');
    void this.#act('conclusion', { conclusion, remarks: remarks || null }, 'Järeldus on kirja pandud.');
  }

  #render(data: KovPeriod): void {
    const p = data.period!;
    const k = data.kov!;
    this.#el('kov-period').dataset['period'] = String(p.id);
    const canSubmit = data.can.submit && (k.state === 'not_started' || k.state === 'in_progress');
    const canConfirm = data.can.confirm && k.state === 'submitted';
    const canConclude = data.can.conclude && k.state === 'confirmed';
    render(
      html`<p>
          <strong>${p.name}</strong>, esitamise tähtaeg ${formatDate(p.deadline)}. Olek: <strong data-period-state>${PERIOD_STATE_LABELS[k.state]}</strong>${k.late ? html` <strong class="period-late">(hilinenud)</strong>` : nothing}.
          ${k.figures ? html`Esitatud ${formatDateTime(k.submittedAt)}: rakendatud ${formatPercent(k.figures.implementedShare)} (${k.figures.implemented} / ${k.figures.total} meedet).` : nothing}
        </p>
        <p><a href=${trackerUrl.council(this.#ehak, p.id)}>Kokkuvõte volikogule (prinditav)</a></p>
        ${k.conclusion ? html`<p>Audiitori järeldus: ${CONCLUSION_LABELS[k.conclusion]}${k.remarks ? html` – ${k.remarks}` : nothing}</p>` : nothing}
        ${canSubmit ? html`<p><button type="button" class="button" @click=${() => this.#submit()}>Esita</button> <span class="hint">Esitamisel külmutatakse praegused arvud.</span></p>` : nothing}
        ${canConfirm && data.confirmWith === 'tara'
          ? html`<p><button type="button" class="button" @click=${() => void this.#confirmWithTara()}>Kinnita TARA-ga</button> <span class="hint">Kinnitamiseks logi TARA-s uuesti sisse (ID-kaart, Mobiil-ID või Smart-ID).</span></p>`
          : nothing}
        ${canConfirm && data.confirmWith === 'password'
          ? html`<form class="filters" @submit=${(e: Event) => this.#confirm(e)}>
              <div class="field"><label for="period-password">Kinnitamiseks sisesta oma parool</label><input id="period-password" name="password" type="password" autocomplete="current-password" required /></div>
              <button type="submit" class="button">Kinnita</button>
            </form>`
          : nothing}
        ${canConclude
          ? html`<form @submit=${(e: Event) => this.#conclude(e)}>
              <fieldset>
                <legend>Audiitori järeldus</legend>
                ${CONCLUSIONS.map((c) => html`<div><input type="radio" name="conclusion" id=${`conclusion-${c}`} value=${c} /> <label for=${`conclusion-${c}`}>${CONCLUSION_LABELS[c]}</label></div>`)}
              </fieldset>
              <div class="field"><label for="period-remarks">Märkused <span class="hint">kohustuslikud, kui andmed ei vasta täielikult</span></label><textarea id="period-remarks" name="remarks" rows="3" maxlength="4000"></textarea></div>
              <button type="submit" class="button">Salvesta järeldus</button>
            </form>`
          : nothing}
        ${data.history.length
          ? html`<h3>Ajalugu</h3>
              <ol class="period-history">
                ${data.history.map(
                  (h) => html`<li>${formatDateTime(h.at)} ${h.by?.name ?? 'süsteem'}: ${stateLabel(h.from)} → ${stateLabel(h.to)}${h.reason ? html` (${h.reason})` : nothing}</li>`,
                )}
              </ol>`
          : nothing}`,
      this.#el('kov-period-body'),
    );
  }
}

if (!customElements.get('tv-kov-period')) customElements.define('tv-kov-period', KovPeriodBox);
