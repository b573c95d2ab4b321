// What a page shows when its data did not load: the reason in Estonian and a "Proovi uuesti" button
// that loads again without leaving the page, so the heading and everything around it stay.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { ApiRequestError } from './api.ts';

/** The user's words for a failed request; `notFound` replaces the 404 text (it must not confirm what exists). */
export function failureText(err: unknown, notFound = 'Andmeid ei leitud või sul pole neile ligipääsu.'): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 404) return notFound;
    if (err.status === 0 || err.status >= 500) return `Andmeid ei õnnestunud laadida. ${err.message}`;
    return err.message;
  }
  return 'Andmeid ei õnnestunud laadida. Proovi uuesti.';
}

/** Whether trying again can help: not for a missing or forbidden resource. */
export function retryable(err: unknown): boolean {
  return !(err instanceof ApiRequestError) || err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

export function loadErrorView(err: unknown, retry: () => void, notFound?: string): TemplateResult {
  return html`<div class="notice notice--error load-error" role="alert">
    <p>${failureText(err, notFound)}</p>
    ${retryable(err) ? html`<button type="button" class="button button--secondary" data-retry @click=${retry}>Proovi uuesti</button>` : nothing}
  </div>`;
}

/**
 * Runs `load`; on failure shows the message and the button in `box`, and a click runs it again.
 * While loading, `box` says `busy`. Resolves true once `load` succeeded.
 */
export async function loadWithRetry(box: HTMLElement, load: () => Promise<void>, options: { busy?: string; notFound?: string } = {}): Promise<boolean> {
  render(html`<p role="status">${options.busy ?? 'Laadin…'}</p>`, box);
  try {
    await load();
    render(nothing, box);
    return true;
  } catch (err) {
    const retry = async () => {
      if (await loadWithRetry(box, load, options)) focusHeading();
    };
    render(loadErrorView(err, () => void retry(), options.notFound), box);
    return false;
  }
}

/** After a retry the button is gone: give focus to the page heading, not to the document body. */
function focusHeading(): void {
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (!h1) return;
  h1.tabIndex = -1;
  h1.focus();
}
