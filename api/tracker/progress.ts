// Progress of one municipality and of all at once, from the engine (engine.ts, totals.ts): the
// scope (object × measure rows) from the reference, own statuses from stores/status.ts, shared
// services from the reference. Totals count exactly the rows the measure list returns.
import type { KovProgress, NextStep, ProgressTotals, TrendPoint } from '../contracts/progress.ts';
import type { Status } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { memoUntilWrite } from '../db/statements.ts';
import { tallinnToday } from '../lib/today.ts';
import { periodShareTrend } from '../periods/store.ts';
import { emptyLedger, recordStatus, type Ledger } from './engine.ts';
import { nextStepsOf } from './next-steps.ts';
import { deliveredOf, kovList, kovOf, scopeOf, settingsOf } from './reference.ts';
import { readStatuses, statusDigests, statusDigestsOf, type StatusDigestRow } from './stores/status.ts';
import { objectTotalsOf, totalsOf } from './totals.ts';

/** One municipality's ledger with the due dates by entry index; undefined for an unknown municipality. */
function ledgerOf(db: Db, ehak: string): { ledger: Ledger; due: Array<string | null> } | undefined {
  const scope = scopeOf(db, ehak);
  if (!scope) return undefined;
  const ledger = emptyLedger(scope, deliveredOf(db, ehak).keys());
  const due = new Array<string | null>(scope.entries.length).fill(null);
  for (const row of statusDigestsOf(db, ehak)) {
    if (row.edition !== scope.edition) continue;
    readStatuses(row, (key, status, dueDate) => {
      const e = recordStatus(ledger, key, status);
      if (e) due[e.index] = dueDate;
    });
  }
  return { ledger, due };
}

/**
 * Up to `limit` open measures (not assessed, partial, not implemented) in the KOV profile's order:
 * P1 (with unprioritised basic measures), P2, P3, none; overdue first within each (next-steps.ts).
 */
export function nextSteps(db: Db, ehak: string, today = tallinnToday(), limit = 10): NextStep[] {
  const l = ledgerOf(db, ehak);
  return l ? nextStepsOf(l.ledger, l.due, today, limit) : [];
}

/** The municipality's implemented share in every closed or confirmed reporting period (snapshots are closed periods), oldest first. */
export const trendOf = (db: Db, ehak: string): TrendPoint[] => periodShareTrend(db, ehak).map((r) => ({ period: r.period, implementedShare: r.share }));

/** Progress of one municipality; null when the EHAK code is unknown. */
export function getProgress(db: Db, ehak: string, today = tallinnToday()): KovProgress | null {
  // Dashboards ask far more often than statuses change: reuse the result until the next write.
  return memoUntilWrite(db, `tracker.progress:${ehak}:${today}`, () => computeProgress(db, ehak, today));
}

function computeProgress(db: Db, ehak: string, today: string): KovProgress | null {
  const l = ledgerOf(db, ehak);
  if (!l) return null;
  const { name } = kovOf(db, ehak)!;
  const totals = totalsOf(l.ledger);
  return { ehak, name, approach: settingsOf(db, ehak)!.approach, ...totals, byObject: objectTotalsOf(l.ledger), nextSteps: nextStepsOf(l.ledger, l.due, today, 10), trend: trendOf(db, ehak) };
}

/** An own status to count: [ehak, edition, key (the engine's entryKey of object and measure), status]. */
export type StatusFact = readonly [ehak: string, edition: string, key: string, status: Status];

/**
 * Where progressOfAll reads own statuses: the stored ones (digests, read here unless the caller has
 * them already), or given facts with their own shared services (the seeders' past states).
 */
export type StatusSource = { digests: readonly StatusDigestRow[] } | { facts: Iterable<StatusFact>; shared: (ehak: string, measureId: string) => boolean };

/** Totals of every municipality (overview, benchmark, snapshots), one ledger each over its scope. */
export function progressOfAll(db: Db, source: StatusSource = { digests: statusDigests(db) }): Map<string, ProgressTotals> {
  const given = 'facts' in source ? source : undefined;
  const ledgers = new Map<string, Ledger>();
  for (const k of kovList(db)) {
    const scope = scopeOf(db, k.ehak)!;
    const ledger = emptyLedger(scope, given ? undefined : deliveredOf(db, k.ehak).keys());
    // Shared services deliver the organisation object's measures only (engine.ts).
    if (given) scope.entries.forEach((e, i) => (ledger.shared[i] = e.objectId === scope.organisationId && given.shared(k.ehak, e.facts.measureId) ? 1 : 0));
    ledgers.set(k.ehak, ledger);
  }
  if ('facts' in source) {
    for (const [ehak, edition, key, status] of source.facts) {
      const ledger = ledgers.get(ehak);
      if (ledger && edition === ledger.scope.edition) recordStatus(ledger, key, status);
    }
  } else {
    for (const row of source.digests) {
      const ledger = ledgers.get(row.ehak);
      if (ledger && row.edition === ledger.scope.edition) readStatuses(row, (key, status) => recordStatus(ledger, key, status));
    }
  }
  const out = new Map<string, ProgressTotals>();
  for (const [k, l] of ledgers) out.set(k, totalsOf(l));
  return out;
}
