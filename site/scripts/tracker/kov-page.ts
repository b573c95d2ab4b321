// The start of every tracker page about one municipality (?ehak=): load its data with retry and the
// usual messages, or say that the address names none and link to the list.
import { html, render } from 'lit-html';
import { loadWithRetry } from '../lib/load-error.ts';
import { ehakFromUrl, NOT_FOUND_KOV } from './vocabulary.ts';

/** Tells the reader that no municipality is chosen, with a link to choose one. */
export function noKovChosen(box: HTMLElement): void {
  render(html`<p>Omavalitsus on valimata. <a href="/jalgimine/">Vali omavalitsus</a>.</p>`, box);
}

/** Loads the page's data for the municipality in the address into its [data-load] box; false when none is named. */
export function startKovPage(page: HTMLElement, busy: string, load: (ehak: string) => Promise<void>): boolean {
  const box = page.querySelector<HTMLElement>('[data-load]')!;
  const ehak = ehakFromUrl();
  if (!ehak) {
    noKovChosen(box);
    return false;
  }
  void loadWithRetry(box, () => load(ehak), { busy, notFound: NOT_FOUND_KOV });
  return true;
}
