// The review page's document preview and text comparison. The API answers plain-text blocks
// (api/contracts/templates.ts PreviewSchema); they become headings, paragraphs and lists here as
// lit-html values, so the document's text is always text and never markup.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Preview, PreviewBlock } from '../../../api/contracts/templates.ts';
import { blockDiff } from './text-diff.ts';

export type { Preview };

/** A heading of the document, placed under the preview's own h2: document level 1 is an h3. */
function heading(b: PreviewBlock): TemplateResult {
  switch (Math.min(6, (b.level ?? 1) + 2)) {
    case 3:
      return html`<h3>${b.text}</h3>`;
    case 4:
      return html`<h4>${b.text}</h4>`;
    case 5:
      return html`<h5>${b.text}</h5>`;
    default:
      return html`<h6>${b.text}</h6>`;
  }
}

/** Blocks as markup: consecutive list items share one list. */
function blocksView(blocks: PreviewBlock[]): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i]!;
    if (b.type === 'li') {
      const items: PreviewBlock[] = [];
      while (blocks[i]?.type === 'li') items.push(blocks[i++]!);
      out.push(html`<ul>${items.map((x) => html`<li>${x.text}</li>`)}</ul>`);
      continue;
    }
    out.push(b.type === 'h' ? heading(b) : html`<p>${b.text}</p>`);
    i++;
  }
  return out;
}

export type PreviewState = Preview | 'loading' | 'error';

export function previewView(p: PreviewState, n: number, download: TemplateResult): TemplateResult {
  const body =
    p === 'loading'
      ? html`<p>Laadin eelvaadet…</p>`
      : p === 'error'
        ? html`<p>Eelvaadet ei õnnestunud laadida. ${download}</p>`
        : p.kind === 'none'
          ? html`<p>${p.message} ${download}</p>`
          : html`<div class="tpl-preview__doc">${blocksView(p.blocks)}</div>${p.truncated ? html`<p class="hint">Eelvaade on lühendatud. ${download}</p>` : nothing}`;
  return html`<section class="tpl-preview" aria-labelledby="preview-title">
    <h2 id="preview-title">Dokumendi eelvaade: versioon ${n}</h2>
    ${body}
  </section>`;
}

/** The text changes from version n-1 to n: changed paragraphs with their neighbours collapsed away. */
export function diffView(before: PreviewState, after: PreviewState, n: number): TemplateResult | typeof nothing {
  if (typeof before === 'string' || typeof after === 'string') return nothing;
  if (before.kind === 'none' || after.kind === 'none') return html`<p>Teksti ei saa võrrelda: vähemalt ühe versiooni eelvaadet ei ole.</p>`;
  const diff = blockDiff(before.blocks, after.blocks);
  if (!diff) return html`<p>Dokumendid on võrdlemiseks liiga pikad.</p>`;
  const changed = diff.filter((d) => d.op !== 'same');
  if (changed.length === 0) return html`<p>Tekst on sama kui versioonil ${n - 1}.</p>`;
  const same = diff.length - changed.length;
  return html`<p>Muudetud lõike: ${changed.length}, muutmata: ${same}.</p>
    <ul class="tpl-textdiff">${changed.map((d) =>
      d.op === 'add'
        ? html`<li class="tpl-textdiff__add"><ins><span class="visually-hidden">Lisatud: </span>${d.text}</ins></li>`
        : html`<li class="tpl-textdiff__del"><del><span class="visually-hidden">Eemaldatud: </span>${d.text}</del></li>`,
    )}</ul>`;
}
