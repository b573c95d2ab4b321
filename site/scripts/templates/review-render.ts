// The review page's parts as lit-html templates. Titles, summaries, comments, file and user names are
// user content: they are lit values, so they are always text, never markup.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDateTime } from '../lib/format.ts';
import { categoryLabel, DECISION_LABELS, downloadLink, FIELD_LABELS, formatDate, statusTag, type ListItem } from './common.ts';
import type { Comment, Detail, Version, Vote } from '../../../api/contracts/templates.ts';
import { diffView, previewView, type PreviewState } from './preview-render.ts';

/** The latest version's preview and the previous version's (for the text comparison). */
export interface Previews {
  latest: PreviewState;
  previous: PreviewState | null;
}

/** The voting rule, as api/templates/workflow.ts applies it. */
export const RULE_TEXT =
  'Versioon on kinnitatud, kui kinnitusi on kvoorumi jagu ja ühegi ülevaataja „Lükka tagasi” ei kehti. „Palu muudatusi” ja „Lükka tagasi” näidatakse koos põhjendusega ega lõpeta hääletust: esitaja vastab uue versiooniga, mis asendab selle. Administraator võib versiooni tagasilükatuna sulgeda.';

export type { Detail };

export function queueTable(items: ListItem[], empty = 'Valitud tingimustele vastavaid malle ei ole.'): TemplateResult {
  if (items.length === 0) return html`<p>${empty}</p>`;
  const row = (t: ListItem) => html`<tr>
    <th scope="row"><a href="?id=${t.id}">${t.title}</a></th>
    <td data-label="Liik">${categoryLabel(t.category)}</td>
    <td class="num" data-label="Versioon">${t.version}</td>
    <td data-label="Seis">${statusTag(t.status)}</td>
    <td data-label="Esitatud">${formatDate(t.submittedAt)}</td>
  </tr>`;
  return html`<table class="tpl-table card-table"><caption class="visually-hidden">Mallid ülevaatuse järjekorras</caption>
    <thead><tr><th scope="col">Mall</th><th scope="col">Liik</th><th scope="col" class="num">Versioon</th><th scope="col">Seis</th><th scope="col">Esitatud</th></tr></thead>
    <tbody>${items.map(row)}</tbody></table>`;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') || '—' : String(v ?? '') || '—');

function changesTable(v: Version): TemplateResult | typeof nothing {
  if (v.n === 1) return nothing;
  if (v.changes.length === 0) return html`<p>Metaandmed on samad kui versioonil ${v.n - 1}.</p>`;
  return html`<table class="tpl-table tpl-diff card-table"><caption>Muudatused võrreldes versiooniga ${v.n - 1}</caption>
    <thead><tr><th scope="col">Väli</th><th scope="col">Enne</th><th scope="col">Nüüd</th></tr></thead>
    <tbody>${v.changes.map((c) => html`<tr><th scope="row">${FIELD_LABELS[c.field] ?? c.field}</th><td data-label="Enne"><del>${show(c.from)}</del></td><td data-label="Nüüd"><ins>${show(c.to)}</ins></td></tr>`)}</tbody></table>`;
}

function votesList(v: Version, quorum: number): TemplateResult {
  const quorumText = v.status === 'approved' ? `Kinnitatud ${formatDate(v.approvedAt)} (${v.approvals}/${quorum} kinnitust).` : `Kinnitusi ${v.approvals}/${quorum}${v.quorumMet ? ' — kvoorum täis' : ''}.`;
  const vote = (x: Vote) => html`<li><strong>${x.reviewer.name}</strong> ${DECISION_LABELS[x.decision]} (${formatDateTime(x.updatedAt)})${x.comment ? html`: <q>${x.comment}</q>` : nothing}</li>`;
  return html`<p class="tpl-quorum">${quorumText}</p>${v.votes.length ? html`<ul class="tpl-votes">${v.votes.map(vote)}</ul>` : html`<p>Hääli veel ei ole.</p>`}`;
}

function versionSection(v: Version, d: Detail, p: Previews): TemplateResult {
  const textChanges = v.n === d.latestVersion && v.n > 1 && p.previous ? html`<h4>Teksti muudatused võrreldes versiooniga ${v.n - 1}</h4>${diffView(p.previous, p.latest, v.n)}` : nothing;
  return html`<section class="tpl-version" aria-labelledby="v${v.n}-title">
    <h3 id="v${v.n}-title">Versioon ${v.n}: ${v.title}</h3>
    <p>${statusTag(v.status)}${d.currentVersion === v.n ? html` <span class="tag">praegune kinnitatud versioon</span>` : nothing}</p>
    <dl class="meta-list">
      <dt>Esitaja</dt><dd>${v.submittedBy.name}, ${formatDateTime(v.submittedAt)}</dd>
      <dt>Liik</dt><dd>${categoryLabel(v.category)}</dd>
      <dt>E-ITS meetmed</dt><dd>${v.measures.join(', ') || '—'}</dd>
      <dt>Kokkuvõte</dt><dd class="tpl-pre">${v.summary || '—'}</dd>
      <dt>Fail</dt><dd>${downloadLink(v, v.fileName)}</dd>
      <dt>SHA-256</dt><dd class="tpl-hash">${v.sha256}</dd>
    </dl>
    ${changesTable(v)}
    ${textChanges}
    <h4>Hääled</h4>
    ${votesList(v, d.quorum)}
  </section>`;
}

function commentTree(comments: Comment[], parentId: number | null): TemplateResult | typeof nothing {
  const children = comments.filter((c) => c.parentId === parentId);
  if (children.length === 0) return nothing;
  const item = (c: Comment) => html`<li id="kommentaar-${c.id}">
    <article class="tpl-comment" aria-label="Kommentaar: ${c.author.name}">
      <p class="tpl-comment__meta"><strong>${c.author.name}</strong>, ${formatDateTime(c.createdAt)}, versioon ${c.version}</p>
      <p class="tpl-pre">${c.body}</p>
      <button type="button" class="button button--secondary tpl-reply" data-reply=${c.id} data-author=${c.author.name}>Vasta<span class="visually-hidden"> kommentaarile: ${c.author.name}</span></button>
    </article>
    ${commentTree(comments, c.id)}
  </li>`;
  return html`<ul class="tpl-comments">${children.map(item)}</ul>`;
}

function reviewForm(d: Detail): TemplateResult | typeof nothing {
  if (!d.viewer.canReview) return nothing;
  return html`<section aria-labelledby="review-title" class="tpl-review">
    <h2 id="review-title">Sinu otsus versiooni ${d.latestVersion} kohta</h2>
    ${d.viewer.ownVote ? html`<p>Sinu praegune hääl: ${DECISION_LABELS[d.viewer.ownVote]}. Võid seda muuta, kuni hääletus on avatud.</p>` : nothing}
    <form id="review-form" novalidate>
      <div class="field">
        <label for="review-comment">Põhjendus</label>
        <span class="hint" id="review-comment-hint">Kohustuslik muudatuste palumisel ja tagasilükkamisel. Kuni 5000 märki.</span>
        <p class="error-message" id="review-comment-error" hidden></p>
        <textarea id="review-comment" name="comment" rows="3" maxlength="5000" aria-describedby="review-comment-hint review-comment-error"></textarea>
      </div>
      <div class="tpl-buttons">
        <button type="submit" class="button" name="decision" value="approve">Kinnita</button>
        <button type="submit" class="button button--secondary" name="decision" value="request_changes">Palu muudatusi</button>
        <button type="submit" class="button button--warning" name="decision" value="reject">Lükka tagasi</button>
      </div>
    </form>
  </section>`;
}

function closeForm(d: Detail): TemplateResult | typeof nothing {
  if (!d.viewer.canClose) return nothing;
  return html`<section aria-labelledby="close-title" class="tpl-review">
    <h2 id="close-title">Sulge versioon ${d.latestVersion} tagasilükatuna</h2>
    <form id="close-form" novalidate>
      <div class="field">
        <label for="close-reason">Põhjendus</label>
        <span class="hint" id="close-reason-hint">Administraatori otsus; jääb auditilogisse.</span>
        <p class="error-message" id="close-reason-error" hidden></p>
        <textarea id="close-reason" name="reason" rows="2" maxlength="5000" aria-describedby="close-reason-hint close-reason-error"></textarea>
      </div>
      <button type="submit" class="button button--warning">Sulge tagasilükatuna</button>
    </form>
  </section>`;
}

export function detailView(d: Detail, p: Previews): TemplateResult {
  const latest = d.versions[d.versions.length - 1]!;
  return html`<p>${statusTag(latest.status)} Viimane versioon ${latest.n}${d.currentVersion ? `, kinnitatud versioon ${d.currentVersion}` : ''}. Kvoorum: ${d.quorum} ülevaataja kinnitust (esitaja hääl ei loe); praegu ${latest.approvals}/${d.quorum}.</p>
    <p class="tpl-rule">${RULE_TEXT}</p>
    ${previewView(p.latest, latest.n, downloadLink(latest, 'Laadi fail alla'))}
    ${reviewForm(d)}
    ${closeForm(d)}
    <h2>Versioonid</h2>
    ${[...d.versions].reverse().map((v) => versionSection(v, d, p))}
    ${d.viewer.canSubmitVersion ? html`<p><a class="button button--secondary" href="/mallid/esita/?mall=${d.id}">Esita uus versioon</a></p>` : nothing}
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">Arutelu</h2>
      ${d.comments.some((c) => c.parentId === null) ? commentTree(d.comments, null) : html`<p>Kommentaare veel ei ole.</p>`}
      <form id="comment-form" novalidate>
        <p id="reply-to" hidden></p>
        <input type="hidden" name="parentId" value="" />
        <div class="field">
          <label for="comment-body">Kommentaar versiooni ${latest.n} kohta</label>
          <p class="error-message" id="comment-body-error" hidden></p>
          <textarea id="comment-body" name="body" rows="4" maxlength="5000" aria-describedby="comment-body-error"></textarea>
        </div>
        <div class="tpl-buttons">
          <button type="submit" class="button">Lisa kommentaar</button>
          <button type="button" class="button button--secondary" id="cancel-reply" hidden>Tühista vastamine</button>
        </div>
      </form>
    </section>`;
}
