// One measure of one municipality: current record, guides that help, evidence, history.
import { canWriteKov } from '../../../api/auth/rules.ts';
import { apiFetch, fetchMe } from '../lib/api.ts';
import { setupEvidenceForm } from './evidence-form.ts';
import { escapeHtml, formatDate, formatDateTime } from '../lib/format.ts';
import { CLASS_LABEL, ehakFromUrl, statusLabel } from './vocabulary.ts';
import type { HistoryEntry, MeasureRecord } from '../../../api/contracts/tracker.ts';

const $ = (id: string) => document.getElementById(id)!;

/** /kb/measure-links.json: typeLabel is the Estonian name of type ("Juhend", "Meetme selgitus" …). */
type MeasureLinks = Record<string, Array<{ url: string; title: string; type: string; typeLabel?: string }>>;

function change(h: HistoryEntry): string {
  const parts: string[] = [];
  const labels: Record<string, string> = { status: 'seis', responsible: 'vastutaja', dueDate: 'tähtaeg', description: 'kirjeldus', justification: 'põhjendus', acceptedBy: 'aktsepteeris', acceptedAt: 'aktsepteeritud' };
  for (const [key, label] of Object.entries(labels)) {
    const before = (h.old as Record<string, unknown> | null)?.[key] ?? null;
    const after = (h.new as Record<string, unknown>)[key] ?? null;
    if (before === after) continue;
    const show = (v: unknown) => (v === null || v === '' ? '–' : key === 'status' ? statusLabel(String(v)) : key.endsWith('Date') || key === 'acceptedAt' ? formatDate(String(v)) : String(v));
    parts.push(`${label}: ${escapeHtml(show(before))} → ${escapeHtml(show(after))}`);
  }
  return parts.join('; ') || 'muudatusteta salvestus';
}

async function main() {
  const ehak = ehakFromUrl();
  const id = new URLSearchParams(window.location.search).get('id');
  if (!ehak || !id) {
    $('load-status').innerHTML = 'Meede on valimata. <a href="/jalgimine/">Alusta jälgimise lehelt</a>.';
    return;
  }
  for (const [elId, path] of [['crumb-kov', '/jalgimine/kov/'], ['crumb-measures', '/jalgimine/meetmed/']] as const) {
    ($(elId) as HTMLAnchorElement).href = `${path}?ehak=${ehak}`;
  }
  try {
    const base = `/api/kovs/${ehak}/measures/${encodeURIComponent(id)}`;
    const [m, history, links] = await Promise.all([
      apiFetch<MeasureRecord>(base),
      apiFetch<HistoryEntry[]>(`${base}/history`),
      fetch('/kb/measure-links.json')
        .then((r): Promise<MeasureLinks> => (r.ok ? r.json() : Promise.resolve({})))
        .catch((): MeasureLinks => ({})),
    ]);
    document.title = `${m.measureId} ${m.title} – Turvarada`;
    $('page-title').textContent = `${m.measureId} ${m.title}`;
    $('crumb-measure').textContent = m.measureId;
    const meta: Array<[string, string]> = [
      ['Seis', escapeHtml(statusLabel(m.status, m.sharedService?.provider))],
      ['Klass', escapeHtml(CLASS_LABEL[m.class] ?? m.class)],
      ['Prioriteet', escapeHtml(m.priority ?? '–')],
      ['Vastutaja', escapeHtml(m.responsible ?? '–')],
      ['Tähtaeg', formatDate(m.dueDate) || '–'],
      ['Rakendamise kirjeldus', escapeHtml(m.description ?? '–')],
      ['Põhjendus', escapeHtml(m.justification ?? '–')],
      ['Viimati muutis', `${escapeHtml(m.updatedBy?.name ?? '–')} ${formatDateTime(m.updatedAt)}`],
      ['E-ITS', `<a href="/e-its/${encodeURIComponent(m.module)}/#${encodeURIComponent(m.measureId)}">moodul ${escapeHtml(m.module)}</a>${m.link && /^https:\/\//.test(m.link) ? ` · <a href="${escapeHtml(m.link)}" rel="noopener noreferrer">ametlik tekst (RIA)</a>` : ''}`],
    ];
    if (m.status === 'risk_accepted') meta.splice(7, 0, ['Riski aktsepteeris', `${escapeHtml(m.acceptedBy ?? '')} ${formatDate(m.acceptedAt)}`]);
    $('measure-meta').innerHTML = meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
    const guides = links[m.measureId] ?? [];
    $('guides').innerHTML = guides.length
      ? guides.map((g) => `<li><a href="${escapeHtml(g.url)}">${escapeHtml(g.title)}</a> (${escapeHtml(g.typeLabel ?? g.type)})</li>`).join('')
      : '<li>Selle meetme kohta juhendeid veel ei ole.</li>';
    const evidence = m.evidence ?? [];
    $('evidence').innerHTML = evidence.length
      ? evidence
          .map((e) =>
            e.kind === 'url' && /^https?:\/\//i.test(e.url ?? '')
              ? `<li><a href="${escapeHtml(e.url)}" rel="noopener noreferrer">${escapeHtml(e.url)}</a> (${formatDate(e.addedAt)})</li>`
              : e.kind === 'url'
                ? `<li>${escapeHtml(e.url)} (${formatDate(e.addedAt)})</li>`
                : `<li><a href="${base}/evidence/${e.id}/file">${escapeHtml(e.fileName)}</a> (${formatDate(e.addedAt)})</li>`,
          )
          .join('')
      : '<li>Tõendeid pole lisatud.</li>';
    $('history').innerHTML = history.length
      ? [...history]
          .sort((a, b) => b.version - a.version)
          .map((h) => `<li><strong>${formatDateTime(h.changedAt)}</strong> ${escapeHtml(h.changedBy?.name ?? '')}: ${change(h)}</li>`)
          .join('')
      : '<li>Muudatusi pole.</li>';
    const me = await fetchMe();
    if (me && canWriteKov(me, ehak)) {
      setupEvidenceForm(base, () => window.location.reload());
    }
    $('load-status').textContent = '';
    $('measure').hidden = false;
  } catch (err) {
    $('load-status').textContent = `Meetme laadimine ebaõnnestus: ${(err as Error).message}`;
  }
}

void main();
