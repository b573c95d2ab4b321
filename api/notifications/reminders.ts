// What the scheduler runs: every reminder that is due today, each once per occasion (store.ts), its mail
// queued in the same transaction as the record of it. Occasions: a measure due within 14 days or
// overdue (to its owner; a new due date or owner is a new occasion), evidence whose validity ends
// within 14 days and an accepted risk's review date within 14 days (to the measure's owner, else the
// municipality's specialists), a reporting period's deadline within 14 days (to the specialists of
// municipalities that have not submitted), and a weekly digest per person who has open tasks.
import { accountActive } from '../auth/sessions.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { tallinnToday } from '../lib/today.ts';
import type { MailContent } from '../mail/messages.ts';
import { queueMail } from '../mail/outbox.ts';
import { periodKovRow, periodRows } from '../periods/store.ts';
import { effectiveStatus, entryKey, isOverdue } from '../tracker/engine.ts';
import { canOwn } from '../tracker/owner.ts';
import { deliveredOf, kovList, kovOf, scopeOf } from '../tracker/reference.ts';
import { evidenceExpiringBy } from '../tracker/stores/evidence.ts';
import { ownedStatusesDueBy, riskReviewsDueBy, statusRow } from '../tracker/stores/status.ts';
import { myTasks } from '../tracker/tasks.ts';
import { digestRecipients, openSpecialistsOf, userAuthRow, userKovs, type UserAuthRow } from '../users/store.ts';
import { addDays, isoWeek } from './dates.ts';
import { evidenceExpiryMail, measureDueMail, periodDeadlineMail, riskReviewMail, weeklyDigestMail, type MeasureRef } from './messages.ts';
import { claimOccasion, type NotificationKind } from './store.ts';

/** How far ahead a date reminds. */
export const REMIND_DAYS = 14;

type Recipient = Pick<UserAuthRow, 'email' | 'name'>;

interface Run {
  db: Db;
  origin: string;
  today: string;
  queued: number;
}

/** Claims the occasion and queues one mail per recipient; nothing when nobody can receive it. */
function send(run: Run, kind: NotificationKind, subject: string, occasion: string, to: readonly Recipient[], content: (r: Recipient) => MailContent): void {
  if (to.length === 0 || !claimOccasion(run.db, kind, subject, occasion)) return;
  for (const r of to) {
    queueMail(run.db, run.origin, { kind: kind === 'weekly_digest' ? 'weekly_digest' : 'reminder', to: r.email, ...content(r) });
    run.queued += 1;
  }
}

/** The measure as a mail names it, when it is in the municipality's current scope and edition. */
function measureRef(run: Run, ehak: string, edition: string, objectId: number, measureId: string): (MeasureRef & { onObject: boolean }) | null {
  const scope = scopeOf(run.db, ehak);
  const entry = scope?.byKey.get(entryKey(objectId, measureId));
  if (!scope || !entry || entry.facts.edition !== edition) return null;
  const onObject = objectId !== scope.organisationId;
  const link = `${run.origin}/jalgimine/meede/?${new URLSearchParams({ ehak, id: measureId, ...(onObject ? { object: String(objectId) } : {}) })}`;
  return { kovName: kovOf(run.db, ehak)?.name ?? ehak, measureId, title: entry.facts.title, link, onObject };
}

/** What a reminder is about: the organisation object's record keeps the key it had before objects. */
const subjectOf = (r: { ehak: string; edition: string; object_id: number; measure_id: string }, m: MeasureRef & { onObject: boolean }) =>
  m.onObject ? `${r.ehak}/${r.edition}/${r.object_id}/${r.measure_id}` : `${r.ehak}/${r.edition}/${r.measure_id}`;

/** The owner when they may still own the measure; otherwise nobody. */
function ownerOf(run: Run, ownerId: number | null, ehak: string): Recipient[] {
  if (ownerId === null || !canOwn(run.db, ownerId, ehak)) return [];
  const u = userAuthRow(run.db, ownerId)!;
  return [u];
}

/** The owner, or the municipality's specialists when the measure has no owner who can receive it. */
function ownerOrSpecialists(run: Run, ownerId: number | null, ehak: string): Recipient[] {
  const owner = ownerOf(run, ownerId, ehak);
  return owner.length ? owner : openSpecialistsOf(run.db, ehak).filter((u) => accountActive(u));
}

function measuresDue(run: Run): void {
  for (const r of ownedStatusesDueBy(run.db, addDays(run.today, REMIND_DAYS))) {
    const m = measureRef(run, r.ehak, r.edition, r.object_id, r.measure_id);
    if (!m) continue;
    const status = effectiveStatus(r.status, deliveredOf(run.db, r.ehak).has(entryKey(r.object_id, r.measure_id)));
    if (status === 'implemented' || status === 'not_applicable') continue;
    const overdue = isOverdue(r.due_date, status, run.today);
    const to = ownerOf(run, r.owner_user_id, r.ehak);
    const subject = subjectOf(r, m);
    send(run, overdue ? 'measure_overdue' : 'measure_due', subject, `${r.due_date}:${r.owner_user_id}`, to, (u) => measureDueMail(u, { ...m, dueDate: r.due_date!, overdue }));
  }
}

function riskReviews(run: Run): void {
  for (const r of riskReviewsDueBy(run.db, addDays(run.today, REMIND_DAYS))) {
    const m = measureRef(run, r.ehak, r.edition, r.object_id, r.measure_id);
    if (!m) continue;
    const to = ownerOrSpecialists(run, r.owner_user_id, r.ehak);
    send(run, 'risk_review', subjectOf(r, m), r.review_date!, to, (u) => riskReviewMail(u, { ...m, reviewDate: r.review_date! }));
  }
}

function evidenceExpiry(run: Run): void {
  for (const e of evidenceExpiringBy(run.db, addDays(run.today, REMIND_DAYS))) {
    const m = measureRef(run, e.ehak, e.edition, e.object_id, e.measure_id);
    if (!m) continue;
    const owner = statusRow(run.db, e.ehak, e.edition, e.object_id, e.measure_id)?.owner_user_id ?? null;
    const label = (e.kind === 'file' ? e.file_name : e.url) ?? '';
    const to = ownerOrSpecialists(run, owner, e.ehak);
    send(run, 'evidence_expiry', String(e.id), e.valid_until!, to, (u) => evidenceExpiryMail(u, { ...m, evidence: label, validUntil: e.valid_until! }));
  }
}

function periodDeadlines(run: Run): void {
  const until = addDays(run.today, REMIND_DAYS);
  for (const p of periodRows(run.db)) {
    if (p.closed_at !== null || p.deadline < run.today || p.deadline > until) continue;
    for (const kov of kovList(run.db)) {
      const row = periodKovRow(run.db, p.id, kov.ehak);
      if (row && row.state !== 'in_progress') continue;
      const to = openSpecialistsOf(run.db, kov.ehak).filter((u) => accountActive(u));
      const link = `${run.origin}/jalgimine/kov/?${new URLSearchParams({ ehak: kov.ehak })}`;
      send(run, 'period_deadline', `${p.id}/${kov.ehak}`, p.deadline, to, (u) => periodDeadlineMail(u, { periodName: p.name, kovName: kov.name, deadline: p.deadline, link }));
    }
  }
}

function weeklyDigests(run: Run): void {
  const week = isoWeek(run.today);
  for (const u of digestRecipients(run.db)) {
    if (!accountActive(u)) continue;
    const tasks = myTasks(run.db, { id: u.id, role: u.role, kovs: userKovs(run.db, u.id) }, run.today);
    if (tasks.length === 0) continue;
    send(run, 'weekly_digest', String(u.id), week, [u], (r) => weeklyDigestMail(r, tasks, `${run.origin}/jalgimine/minu-ulesanded/`));
  }
}

/** Queues every reminder due on `today` (Tallinn) in one transaction; returns how many mails were queued. */
export function runNotifications(db: Db, publicOrigin: string, today = tallinnToday()): number {
  return inTransaction(db, () => {
    const run: Run = { db, origin: publicOrigin, today, queued: 0 };
    measuresDue(run);
    riskReviews(run);
    evidenceExpiry(run);
    periodDeadlines(run);
    weeklyDigests(run);
    return run.queued;
  });
}
