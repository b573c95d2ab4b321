// <tv-kov-list>: the tracker's start: the municipalities this user may open (a filter narrows the
// list as they type) and, for those who may open it, the ELVL overview link. One municipality opens directly; a
// working-group reviewer, who tracks no municipality, lands on the review queue.
import { html, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { hasPermission, readableKovs } from '../../../api/auth/rules.ts';
import { MAY_OPEN } from '../auth/role-links.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { loadWithRetry } from '../lib/load-error.ts';
import { trackerUrl } from './vocabulary.ts';
import { navigate } from '../lib/navigate.ts';

interface Kov {
  ehak: string;
  name: string;
  county: string;
}

/** The reviewer's queue: versions awaiting their decision is the page's default for reviewers. */
const REVIEW_QUEUE = '/mallid/ulevaatus/';

class KovList extends HTMLElement {
  #started = false;
  #kovs: Kov[] = [];

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.querySelector('#kov-filter')!.addEventListener('input', (e) => this.#render((e.target as HTMLInputElement).value));
    void loadWithRetry(this.querySelector<HTMLElement>('[data-load]')!, () => this.#load());
  }

  async #load(): Promise<void> {
    const status = this.querySelector<HTMLElement>('#load-status')!;
    const me = await fetchMe();
    if (!me) {
      render(html`Jälgimine on sisselogitud kasutajatele. <a href="/logi-sisse/?tagasi=/jalgimine/">Logi sisse</a>.`, status);
      return;
    }
    const kovs = readableKovs(me);
    if (hasPermission(me, 'templates.review') && kovs !== 'all' && kovs.length === 0) {
      navigate(REVIEW_QUEUE, { replace: true });
      return;
    }
    this.#kovs = await apiFetch<Kov[]>('/api/kovs');
    if (this.#kovs.length === 1 && !MAY_OPEN.overview(me)) {
      navigate(trackerUrl.dashboard(this.#kovs[0]!.ehak), { replace: true });
      return;
    }
    // The ELVL overview link exists only for those who may open it (not merely hidden).
    if (MAY_OPEN.overview(me)) {
      render(html`<h2>ELVL koondvaade</h2><p><a href="/jalgimine/ulevaade/">Kõigi omavalitsuste ülevaade ja soojuskaart</a></p>`, this.querySelector<HTMLElement>('#overview-link')!);
    }
    this.querySelector<HTMLElement>('#kov-list')!.hidden = this.#kovs.length === 0;
    this.#render('');
  }

  #render(query: string): void {
    const q = query.trim().toLowerCase();
    const shown = this.#kovs.filter((k) => k.name.toLowerCase().includes(q));
    const item = (k: Kov) => html`<li><a href=${trackerUrl.dashboard(k.ehak)}>${k.name}</a> <span class="hint">${k.county}</span></li>`;
    render(repeat(shown, (k) => k.ehak, item), this.querySelector<HTMLElement>('#kovs')!);
    const text = this.#kovs.length ? `${shown.length} omavalitsust` : 'Sulle ei ole ühtegi omavalitsust määratud. Pöördu ELVL-i administraatori poole.';
    render(text, this.querySelector<HTMLElement>('#load-status')!);
  }
}

if (!customElements.get('tv-kov-list')) customElements.define('tv-kov-list', KovList);
