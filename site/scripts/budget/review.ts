// The half-yearly review of a budget plan: line-by-line changes between two versions (net, without VAT).
import { html, type TemplateResult } from 'lit-html';
import { formatEuro } from '../lib/format.ts';

export interface Comparison {
  from: { version: number };
  to: { version: number };
  changes: Array<{ initiative: string; period: string; account: string; change: 'added' | 'removed' | 'changed'; before: number | null; after: number | null; delta: number }>;
  totals: { before: number; after: number; delta: number };
}

const CHANGE: Record<string, string> = { added: 'lisatud', removed: 'eemaldatud', changed: 'muudetud' };

export function comparison(c: Comparison): TemplateResult {
  const intro = html`<p>Versioon ${c.from.version} → ${c.to.version}: kokku ${formatEuro(c.totals.before)} → ${formatEuro(c.totals.after)} (muutus ${formatEuro(c.totals.delta)}), summad ilma käibemaksuta.</p>`;
  if (c.changes.length === 0) return html`${intro}<p>Ridades muudatusi ei ole.</p>`;
  const row = (x: Comparison['changes'][number]) =>
    html`<tr><td>${x.initiative}</td><td>${x.period}</td><td>${x.account}</td><td>${CHANGE[x.change]}</td><td class="num">${x.before === null ? '–' : formatEuro(x.before)}</td><td class="num">${x.after === null ? '–' : formatEuro(x.after)}</td><td class="num">${formatEuro(x.delta)}</td></tr>`;
  return html`${intro}<div class="budget-scroll" tabindex="0" role="region" aria-label="Muudetud read"><table><caption class="visually-hidden">Muudetud read</caption><thead><tr><th scope="col">Algatus</th><th scope="col">Periood</th><th scope="col">EA konto</th><th scope="col">Muudatus</th><th scope="col" class="num">Enne</th><th scope="col" class="num">Pärast</th><th scope="col" class="num">Vahe</th></tr></thead><tbody>${c.changes.map(row)}</tbody></table></div>`;
}
