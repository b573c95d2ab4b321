// ELVL's reporting periods: opening a period, each municipality's state and lateness, and the
// transitions submit → confirm → conclusion (and ELVL's reopen). Every transition writes the
// municipality's row, a history row and an audit entry in one transaction.
import { recordAudit, type Actor } from '../audit/record.ts';
import type { ProgressTotals } from '../contracts/progress.ts';
import type { Conclusion, KovPeriod, Period, PeriodFigures, PeriodKov, PeriodState, PeriodSummary } from '../contracts/periods.ts';
import { PERIOD_STATES, PERIOD_STATE_LABELS } from '../contracts/periods.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { conflict, notFound } from '../lib/errors.ts';
import { tallinnToday } from '../lib/today.ts';
import { getOverview } from '../reports/overview.ts';
import { getProgress } from '../tracker/progress.ts';
import { kovList, kovOf } from '../tracker/reference.ts';
import { peopleOf, personOf } from '../users/store.ts';
import {
  dbNow,
  insertClosedPeriod,
  insertPeriod,
  insertPeriodHistory,
  newestOpenPeriod,
  periodHistory,
  periodKovRow,
  periodKovRows,
  periodNameTaken,
  periodRow,
  periodRows,
  upsertPeriodKov,
  type PeriodKovRow,
  type PeriodRow,
} from './store.ts';

/** The numbers a submission freezes: the engine's totals without the module and group breakdowns. */
export function figuresOf(p: ProgressTotals): PeriodFigures {
  return {
    total: p.total,
    applicable: p.applicable,
    implemented: p.implemented,
    implementedShare: p.implementedShare,
    sharedServiceImplemented: p.sharedServiceImplemented,
    byStatus: p.byStatus,
    byClass: p.byClass,
    byPriority: p.byPriority,
  };
}

/** Tallinn calendar day of an ISO timestamp. */
const dayOf = (iso: string) => tallinnToday(new Date(iso));

/**
 * A municipality's state: its stored row, or (before it submits) not_started while nobody has changed
 * a status of it since the period opened, in_progress after the first change.
 */
function stateOf(row: PeriodKovRow | undefined, lastActivity: string | null, openedAt: string): PeriodState {
  if (row) return row.state;
  return lastActivity !== null && lastActivity >= openedAt ? 'in_progress' : 'not_started';
}

/** Late: the deadline has passed (Tallinn date) and the municipality had not submitted by it. */
function isLate(row: PeriodKovRow | undefined, deadline: string, today: string): boolean {
  if (today <= deadline) return false;
  return !row?.submitted_at || dayOf(row.submitted_at) > deadline;
}

function kovEntry(ehak: string, name: string, row: PeriodKovRow | undefined, state: PeriodState, late: boolean): PeriodKov {
  return {
    ehak,
    name,
    state,
    late,
    submittedAt: row?.submitted_at ?? null,
    confirmedAt: row?.confirmed_at ?? null,
    auditedAt: row?.audited_at ?? null,
    conclusion: row?.conclusion ?? null,
    remarks: row?.remarks ?? null,
    figures: row?.figures ? (JSON.parse(row.figures) as PeriodFigures) : null,
  };
}

function lastActivities(db: Db): Map<string, string | null> {
  return new Map(getOverview(db).rows.map((r) => [r.ehak, r.lastActivity]));
}

function head(db: Db, p: PeriodRow) {
  return { id: p.id, name: p.name, deadline: p.deadline, openedAt: p.opened_at, openedBy: personOf(db, p.opened_by), closedAt: p.closed_at };
}

function kovsOf(db: Db, p: PeriodRow, today: string, activity: Map<string, string | null>): PeriodKov[] {
  const rows = new Map(periodKovRows(db, p.id).map((r) => [r.ehak, r]));
  return kovList(db).map((k) => {
    const row = rows.get(k.ehak);
    return kovEntry(k.ehak, k.name, row, stateOf(row, activity.get(k.ehak) ?? null, p.opened_at), isLate(row, p.deadline, today));
  });
}

function summaryOf(db: Db, p: PeriodRow, kovs: PeriodKov[]): PeriodSummary {
  const counts = Object.fromEntries(PERIOD_STATES.map((s) => [s, 0])) as Record<PeriodState, number>;
  for (const k of kovs) counts[k.state] += 1;
  return { ...head(db, p), counts, late: kovs.filter((k) => k.late).length };
}

export function listPeriods(db: Db, today = tallinnToday()): PeriodSummary[] {
  const activity = lastActivities(db);
  return periodRows(db).map((p) => summaryOf(db, p, kovsOf(db, p, today, activity)));
}

export function getPeriod(db: Db, id: number, today = tallinnToday()): Period | null {
  const p = periodRow(db, id);
  if (!p) return null;
  const kovs = kovsOf(db, p, today, lastActivities(db));
  return { ...summaryOf(db, p, kovs), kovs };
}

export function openPeriod(db: Db, input: { name: string; deadline: string }, actor: Actor): number {
  return inTransaction(db, () => {
    if (periodNameTaken(db, input.name)) throw conflict(`Periood nimega „${input.name}” on juba olemas.`);
    const id = insertPeriod(db, input.name, input.deadline, actor.id);
    recordAudit(db, { actorId: actor.id, action: 'reporting_period.open', entity: 'reporting_period', entityId: id, newValue: input, ip: actor.ip ?? null });
    return id;
  });
}

/**
 * A snapshot as a period opened and closed at its moment, every municipality in it submitted with its
 * figures: what migration 017 did for the snapshots taken before it. The deadline is the snapshot's
 * Tallinn day, so none is late. Skipped when a period already has the snapshot's name (ELVL's own).
 */
export function closedPeriodFromSnapshot(db: Db, s: { snapshotId: number; name: string; at: string; by: number | null; totals: Iterable<[string, ProgressTotals]> }): void {
  if (periodNameTaken(db, s.name)) return;
  const id = insertClosedPeriod(db, s.name, dayOf(s.at), s.at, s.by, s.snapshotId);
  for (const [ehak, totals] of s.totals) {
    upsertPeriodKov(db, { ...EMPTY(id, ehak), state: 'submitted', figures: JSON.stringify(figuresOf(totals)), submitted_at: s.at, submitted_by: s.by });
    insertPeriodHistory(db, id, ehak, 'not_started', 'submitted', `Hetkeseis ${s.name}`, s.by, s.at);
  }
}

/** A municipality's view of a period; how the head confirms is the router's (it knows the configuration). */
export type KovPeriodView = Omit<KovPeriod, 'confirmWith'>;

/** The municipality's view of the newest open period (null when none is open). */
export function kovPeriod(db: Db, ehak: string, can: KovPeriod['can'], today = tallinnToday()): KovPeriodView {
  const p = newestOpenPeriod(db);
  if (!p) return { period: null, kov: null, history: [], can: { submit: false, confirm: false, conclude: false, reopen: false } };
  return kovInPeriod(db, p, ehak, can, today);
}

/** The municipality's view of one period, open or closed (its council page); null for an unknown period. */
export function kovPeriodById(db: Db, periodId: number, ehak: string, can: KovPeriod['can'], today = tallinnToday()): KovPeriodView | null {
  const p = periodRow(db, periodId);
  return p ? kovInPeriod(db, p, ehak, can, today) : null;
}

function kovInPeriod(db: Db, p: PeriodRow, ehak: string, can: KovPeriod['can'], today: string): KovPeriodView {
  const row = periodKovRow(db, p.id, ehak);
  const activity = lastActivities(db).get(ehak) ?? null;
  const kov = kovEntry(ehak, kovOf(db, ehak)!.name, row, stateOf(row, activity, p.opened_at), isLate(row, p.deadline, today));
  const hist = periodHistory(db, p.id, ehak);
  const people = peopleOf(db, hist.map((h) => h.changed_by));
  return {
    period: head(db, p),
    kov,
    history: hist.map((h) => ({ from: h.from_state, to: h.to_state, reason: h.reason, by: h.changed_by !== null ? people.get(h.changed_by)! : null, at: h.changed_at })),
    can,
  };
}

export type Transition =
  | { action: 'submit' }
  | { action: 'confirm' }
  | { action: 'conclude'; conclusion: Conclusion; remarks: string | null }
  | { action: 'reopen'; reason: string };

const FROM: Record<Transition['action'], readonly PeriodState[]> = {
  submit: ['not_started', 'in_progress'],
  confirm: ['submitted'],
  conclude: ['confirmed'],
  reopen: ['submitted', 'confirmed', 'audited'],
};
const TO: Record<Transition['action'], PeriodState> = { submit: 'submitted', confirm: 'confirmed', conclude: 'audited', reopen: 'in_progress' };
const REFUSED: Record<Transition['action'], string> = {
  submit: 'Esitada saab ainult alustamata või töös aruannet',
  confirm: 'Kinnitada saab ainult esitatud aruannet',
  conclude: 'Järelduse saab kirja panna ainult kinnitatud aruandele',
  reopen: 'Taasavada saab ainult esitatud, kinnitatud või auditeeritud aruannet',
};

const EMPTY = (periodId: number, ehak: string): PeriodKovRow => ({
  period_id: periodId,
  ehak,
  state: 'in_progress',
  figures: null,
  submitted_at: null,
  submitted_by: null,
  confirmed_at: null,
  confirmed_by: null,
  audited_at: null,
  audited_by: null,
  conclusion: null,
  remarks: null,
});

/**
 * The period, the municipality's row and its state, when the state allows `action`: 404 for an unknown
 * period, 409 (in Estonian) when the period is closed or the state does not allow it. Also asked before
 * a step that leaves the site first (confirming through TARA).
 */
export function allowedFrom(db: Db, periodId: number, ehak: string, action: Transition['action']) {
  const p = periodRow(db, periodId);
  if (!p) throw notFound('Sellist aruandeperioodi ei ole.');
  if (p.closed_at) throw conflict(`Periood „${p.name}” on suletud; seda ei saa enam muuta.`);
  const old = periodKovRow(db, p.id, ehak);
  const from = stateOf(old, lastActivities(db).get(ehak) ?? null, p.opened_at);
  if (!FROM[action].includes(from)) throw conflict(`${REFUSED[action]}; praegu on see olekus „${PERIOD_STATE_LABELS[from]}”.`, { state: from });
  return { p, old, from };
}

/**
 * One transition of a municipality's row: 404 for an unknown period, 409 (in Estonian) when the
 * period is closed or the state does not allow it. Returns the municipality's new entry.
 */
export function transition(db: Db, periodId: number, ehak: string, t: Transition, actor: Actor, today = tallinnToday()): PeriodKov {
  return inTransaction(db, () => {
    const { p, old, from } = allowedFrom(db, periodId, ehak, t.action);
    const now = dbNow(db);
    const next: PeriodKovRow = { ...(old ?? EMPTY(p.id, ehak)), state: TO[t.action] as PeriodKovRow['state'] };
    switch (t.action) {
      case 'submit':
        Object.assign(next, { figures: JSON.stringify(figuresOf(getProgress(db, ehak, today)!)), submitted_at: now, submitted_by: actor.id });
        break;
      case 'confirm':
        Object.assign(next, { confirmed_at: now, confirmed_by: actor.id });
        break;
      case 'conclude':
        Object.assign(next, { audited_at: now, audited_by: actor.id, conclusion: t.conclusion, remarks: t.remarks });
        break;
      case 'reopen':
        // The submission is undone; its figures stay in the audit entry's old value.
        Object.assign(next, EMPTY(p.id, ehak));
        break;
    }
    upsertPeriodKov(db, next);
    const reason = t.action === 'reopen' ? t.reason : null;
    insertPeriodHistory(db, p.id, ehak, from, next.state, reason, actor.id);
    recordAudit(db, {
      actorId: actor.id,
      action: `reporting_period.${t.action}`,
      entity: 'reporting_period',
      entityId: p.id,
      kov: ehak,
      oldValue: old ? { ...old, figures: old.figures ? (JSON.parse(old.figures) as unknown) : null } : { state: from },
      newValue: { state: next.state, ...(reason ? { reason } : {}), ...(t.action === 'conclude' ? { conclusion: t.conclusion, remarks: t.remarks } : {}) },
      ip: actor.ip ?? null,
    });
    const late = isLate(next, p.deadline, today);
    return kovEntry(ehak, kovOf(db, ehak)!.name, next, next.state, late);
  });
}
