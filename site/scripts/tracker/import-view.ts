// The preview of an import (a file or the first-steps check) as lit-html: the counts, the target
// objects that will be created, and every row that changes or is refused, before and after.
import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { ImportFields, ImportPreview, ImportRow } from '../../../api/contracts/imports.ts';
import { OBJECT_TYPE_LABELS } from '../../../api/contracts/labels.ts';
import { formatDate } from '../lib/format.ts';
import { STATUS_LABELS } from './vocabulary.ts';

const OUTCOME: Record<ImportRow['outcome'], string> = { new: 'uus', changed: 'muutub', unchanged: 'ei muutu', refused: 'tagasi lükatud' };

/** One record's fields in a line: status, then whatever else it carries. */
function fields(f: ImportFields | null) {
  if (!f) return html`<span class="hint">hindamata</span>`;
  const extra = [
    f.responsible ? `vastutaja ${f.responsible}` : null,
    f.dueDate ? `tähtaeg ${formatDate(f.dueDate)}` : null,
    f.justification ? `põhjendus: ${f.justification}` : null,
    f.acceptedBy ? `aktsepteeris ${f.acceptedBy}${f.acceptedAt ? ` ${formatDate(f.acceptedAt)}` : ''}` : null,
  ].filter((x) => x !== null);
  return html`<strong>${STATUS_LABELS[f.status]}</strong>${extra.length ? html`<span class="hint"> (${extra.join('; ')})</span>` : nothing}`;
}

const row = (r: ImportRow) => html`<tr class=${r.outcome === 'refused' ? 'import-refused' : ''}>
  <td data-label="Rida">${r.line}</td>
  <th scope="row">${r.measureId}${r.objectName ? html`<span class="hint"> · ${r.objectName}</span>` : nothing}</th>
  <td data-label="Tulemus">${OUTCOME[r.outcome]}</td>
  <td data-label="Enne">${r.outcome === 'refused' ? '–' : fields(r.before)}</td>
  <td data-label=${r.outcome === 'refused' ? 'Põhjus' : 'Pärast'}>${r.outcome === 'refused' ? r.reason : fields(r.after)}</td>
</tr>`;

export function previewView(p: ImportPreview) {
  const shown = p.rows.filter((r) => r.outcome !== 'unchanged');
  const refused = p.summary.refused;
  return html`
    <h2 id="preview-title" tabindex="-1">Eelvaade: ${p.fileName}</h2>
    <ul class="import-summary">
      <li>Uusi seise: <strong>${p.summary.new}</strong></li>
      <li>Muutuvaid seise: <strong>${p.summary.changed}</strong></li>
      <li>Muutumata: <strong>${p.summary.unchanged}</strong></li>
      <li>Tagasi lükatud ridu: <strong>${refused}</strong></li>
    </ul>
    ${refused
      ? html`<p class="notice notice--error" role="alert">Faili ei saa rakendada, sest ${refused} rida on vigased. Paranda need failis ja laadi fail uuesti üles.</p>`
      : nothing}
    ${p.objectsToCreate.length
      ? html`<p>Rakendamisel luuakse sihtobjektid: ${p.objectsToCreate.map((o) => `${o.name} (${OBJECT_TYPE_LABELS[o.type]})`).join(', ')}.</p>`
      : nothing}
    ${shown.length
      ? html`<table class="data-table card-table import-table">
          <caption class="visually-hidden">Muutuvad ja tagasi lükatud read</caption>
          <thead><tr><th scope="col">Rida</th><th scope="col">Meede</th><th scope="col">Tulemus</th><th scope="col">Enne</th><th scope="col">Pärast või põhjus</th></tr></thead>
          <tbody>${repeat(shown, (r) => `${r.line}-${r.measureId}`, row)}</tbody>
        </table>`
      : html`<p>Ükski seis ei muutu.</p>`}`;
}
