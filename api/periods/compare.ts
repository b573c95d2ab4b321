// A period compared with another period or with now, per municipality: the frozen figures side by
// side with their difference. "Now" takes today's figures from the progress engine, the same numbers
// a submission would freeze, so the two sides are counted the same way.
import type { CompareFigures, Period, PeriodCompare, PeriodCompareRow, PeriodFigures } from '../contracts/periods.ts';
import { CLASSES } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { tallinnToday } from '../lib/today.ts';
import { getProgress } from '../tracker/progress.ts';
import { figuresOf } from './periods.ts';

export type CompareWith = { kind: 'period'; period: Period } | { kind: 'now' };

function compareFigures(f: PeriodFigures): CompareFigures {
  return {
    total: f.total,
    applicable: f.applicable,
    implemented: f.implemented,
    implementedShare: f.implementedShare,
    sharedServiceImplemented: f.sharedServiceImplemented,
    classShare: { basic: f.byClass.basic.share, standard: f.byClass.standard.share, high: f.byClass.high.share },
  };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

function difference(a: CompareFigures, b: CompareFigures): CompareFigures {
  return {
    total: a.total - b.total,
    applicable: a.applicable - b.applicable,
    implemented: a.implemented - b.implemented,
    implementedShare: minus(a.implementedShare, b.implementedShare),
    sharedServiceImplemented: a.sharedServiceImplemented - b.sharedServiceImplemented,
    classShare: { basic: minus(a.classShare.basic, b.classShare.basic), standard: minus(a.classShare.standard, b.classShare.standard), high: minus(a.classShare.high, b.classShare.high) },
  };
}

/** Mean of the shares that are there; null when none is. */
function mean(values: Array<number | null>): number | null {
  const there = values.filter((v): v is number => v !== null);
  return there.length ? there.reduce((s, v) => s + v, 0) / there.length : null;
}

function summaryOf(rows: PeriodCompareRow[]): PeriodCompare['summary'] {
  const both = rows.filter((r) => r.figures && r.other) as Array<PeriodCompareRow & { figures: CompareFigures; other: CompareFigures }>;
  const moved = both.map((r) => r.difference!.implementedShare).filter((d): d is number => d !== null);
  const pair = (pick: (f: CompareFigures) => number | null) => ({ period: mean(both.map((r) => pick(r.figures))), other: mean(both.map((r) => pick(r.other))) });
  // Shares are ratios of small integers: a difference below 1e-9 is float noise, not a change.
  return {
    compared: both.length,
    improved: moved.filter((d) => d > 1e-9).length,
    declined: moved.filter((d) => d < -1e-9).length,
    unchanged: moved.filter((d) => Math.abs(d) <= 1e-9).length,
    implementedShare: pair((f) => f.implementedShare),
    classShare: Object.fromEntries(CLASSES.map((c) => [c, pair((f) => f.classShare[c])])) as PeriodCompare['summary']['classShare'],
  };
}

export function comparePeriod(db: Db, p: Period, w: CompareWith, today = tallinnToday()): PeriodCompare {
  const others = w.kind === 'period' ? new Map(w.period.kovs.map((k) => [k.ehak, k])) : null;
  const kovs = p.kovs.map((k): PeriodCompareRow => {
    const o = others?.get(k.ehak);
    const otherFigures = others ? o?.figures ?? null : figuresOf(getProgress(db, k.ehak, today)!);
    const figures = k.figures ? compareFigures(k.figures) : null;
    const other = otherFigures ? compareFigures(otherFigures) : null;
    return {
      ehak: k.ehak,
      name: k.name,
      state: k.state,
      late: k.late,
      otherState: o?.state ?? null,
      otherLate: o?.late ?? null,
      figures,
      other,
      difference: figures && other ? difference(figures, other) : null,
    };
  });
  return {
    period: { id: p.id, name: p.name },
    with: w.kind === 'period' ? { kind: 'period', id: w.period.id, name: w.period.name } : { kind: 'now', id: null, name: today },
    kovs,
    summary: summaryOf(kovs),
  };
}
