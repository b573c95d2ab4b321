// HTML builders of the review page. Every value from the API is escaped: titles, summaries,
// comments, file and user names are user content.
import { formatDateTime } from '../lib/format.ts';
import {
  categoryLabel, DECISION_LABELS, downloadLink, escapeHtml, FIELD_LABELS, formatDate, statusTag,
  type ListItem,
} from './common.ts';
import type { Comment, Detail, Version } from '../../../api/contracts/templates.ts';

export type { Detail };

export function queueTable(items: ListItem[]): string {
  if (items.length === 0) return '<p>Valitud tingimustele vastavaid malle ei ole.</p>';
  const rows = items
    .map((t) => `<tr>
      <th scope="row"><a href="?id=${escapeHtml(t.id)}">${escapeHtml(t.title)}</a></th>
      <td>${escapeHtml(categoryLabel(t.category))}</td>
      <td class="num">${escapeHtml(t.version)}</td>
      <td>${statusTag(t.status)}</td>
      <td>${escapeHtml(formatDate(t.submittedAt))}</td>
    </tr>`)
    .join('');
  return `<table class="tpl-table"><caption class="visually-hidden">Mallid ülevaatuse järjekorras</caption>
    <thead><tr><th scope="col">Mall</th><th scope="col">Liik</th><th scope="col" class="num">Versioon</th><th scope="col">Seis</th><th scope="col">Esitatud</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') || '—' : String(v ?? '') || '—');

function changesTable(v: Version): string {
  if (v.n === 1) return '';
  if (v.changes.length === 0) return `<p>Metaandmed on samad kui versioonil ${v.n - 1}.</p>`;
  const rows = v.changes
    .map((c) => `<tr><th scope="row">${escapeHtml(FIELD_LABELS[c.field] ?? c.field)}</th><td><del>${escapeHtml(show(c.from))}</del></td><td><ins>${escapeHtml(show(c.to))}</ins></td></tr>`)
    .join('');
  return `<table class="tpl-table tpl-diff"><caption>Muudatused võrreldes versiooniga ${v.n - 1}</caption>
    <thead><tr><th scope="col">Väli</th><th scope="col">Enne</th><th scope="col">Nüüd</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function votesList(v: Version, quorum: number): string {
  const quorumText = v.status === 'approved' ? `Kinnitatud ${escapeHtml(formatDate(v.approvedAt))} (${v.approvals}/${quorum} kinnitust).` : `Kinnitusi ${v.approvals}/${quorum}${v.quorumMet ? ' — kvoorum täis' : ''}.`;
  const votes = v.votes.length
    ? `<ul class="tpl-votes">${v.votes
        .map((x) => `<li><strong>${escapeHtml(x.reviewer.name)}</strong> ${escapeHtml(DECISION_LABELS[x.decision])} (${escapeHtml(formatDateTime(x.updatedAt))})${x.comment ? `: <q>${escapeHtml(x.comment)}</q>` : ''}</li>`)
        .join('')}</ul>`
    : '<p>Hääli veel ei ole.</p>';
  return `<p class="tpl-quorum">${quorumText}</p>${votes}`;
}

function versionSection(v: Version, d: Detail): string {
  const current = d.currentVersion === v.n ? ' <span class="tag">praegune kinnitatud versioon</span>' : '';
  return `<section class="tpl-version" aria-labelledby="v${v.n}-title">
    <h3 id="v${v.n}-title">Versioon ${v.n}: ${escapeHtml(v.title)}</h3>
    <p>${statusTag(v.status)}${current}</p>
    <dl class="meta-list">
      <dt>Esitaja</dt><dd>${escapeHtml(v.submittedBy.name)}, ${escapeHtml(formatDateTime(v.submittedAt))}</dd>
      <dt>Liik</dt><dd>${escapeHtml(categoryLabel(v.category))}</dd>
      <dt>E-ITS meetmed</dt><dd>${escapeHtml(v.measures.join(', ') || '—')}</dd>
      <dt>Kokkuvõte</dt><dd class="tpl-pre">${escapeHtml(v.summary || '—')}</dd>
      <dt>Fail</dt><dd>${downloadLink(v, v.fileName)}</dd>
      <dt>SHA-256</dt><dd class="tpl-hash">${escapeHtml(v.sha256)}</dd>
    </dl>
    ${changesTable(v)}
    <h4>Hääled</h4>
    ${votesList(v, d.quorum)}
  </section>`;
}

function commentTree(comments: Comment[], parentId: number | null): string {
  const children = comments.filter((c) => c.parentId === parentId);
  if (children.length === 0) return '';
  return `<ul class="tpl-comments">${children
    .map((c) => `<li id="kommentaar-${c.id}">
      <article class="tpl-comment" aria-label="Kommentaar: ${escapeHtml(c.author.name)}">
        <p class="tpl-comment__meta"><strong>${escapeHtml(c.author.name)}</strong>, ${escapeHtml(formatDateTime(c.createdAt))}, versioon ${c.version}</p>
        <p class="tpl-pre">${escapeHtml(c.body)}</p>
        <button type="button" class="button button--secondary tpl-reply" data-reply="${c.id}" data-author="${escapeHtml(c.author.name)}">Vasta<span class="visually-hidden"> kommentaarile: ${escapeHtml(c.author.name)}</span></button>
      </article>
      ${commentTree(comments, c.id)}
    </li>`)
    .join('')}</ul>`;
}

function reviewForm(d: Detail): string {
  if (!d.viewer.canReview) return '';
  const own = d.viewer.ownVote ? `<p>Sinu praegune hääl: ${escapeHtml(DECISION_LABELS[d.viewer.ownVote])}. Võid seda muuta, kuni otsus on tehtud.</p>` : '';
  return `<section aria-labelledby="review-title" class="tpl-review">
    <h2 id="review-title">Sinu otsus versiooni ${d.latestVersion} kohta</h2>
    ${own}
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

export function detailView(d: Detail): string {
  const latest = d.versions[d.versions.length - 1]!;
  const versions = [...d.versions].reverse().map((v) => versionSection(v, d)).join('');
  return `<p>${statusTag(latest.status)} Viimane versioon ${latest.n}${d.currentVersion ? `, kinnitatud versioon ${d.currentVersion}` : ''}. Kvoorum: ${d.quorum} ülevaataja kinnitust (esitaja hääl ei loe).</p>
    ${reviewForm(d)}
    <h2>Versioonid</h2>
    ${versions}
    ${d.viewer.canSubmitVersion ? `<p><a class="button button--secondary" href="/mallid/esita/?mall=${d.id}">Esita uus versioon</a></p>` : ''}
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">Arutelu</h2>
      ${commentTree(d.comments, null) || '<p>Kommentaare veel ei ole.</p>'}
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
