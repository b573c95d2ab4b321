// Full-scale fixture for benchmarks (issue 9): 79 municipalities x the KOV profile on E-ITS 2024,
// each with 15 target objects (scale-objects.ts), a status record for every object × measure in scope, exactly 1 000 000 history rows spread over
// 2020–2026 and 12 half-year snapshots rebuilt from that history. Deterministic (seeded PRNG).
// Not demo data for people: statuses carry generic texts and no users are created.
import type { Db } from '../../api/db/database.ts';
import { inTransaction } from '../../api/db/database.ts';
import { hasSnapshots } from '../../api/reports/store.ts';
import { createSnapshot } from '../../api/reports/snapshots.ts';
import type { Status } from '../../api/tracker/model.ts';
import { progressOfAll, type StatusFact } from '../../api/tracker/progress.ts';
import { hasStatusData, insertHistory, upsertStatus } from '../../api/tracker/stores/status.ts';
import { InputError } from '../lib/command.ts';
import { seedReference } from './index.ts';
// The same seeded PRNG as the demo, so the fixture is identical on every machine.
import { seedScaleObjects } from './scale-objects.ts';
import { everyScopedMeasure, type ScopedRow } from './scoped.ts';
import { prng } from './tracker-demo.ts';

type Log = (line: string) => void;

export const SCALE_HISTORY_ROWS = 1_000_000;
/** The 12 reporting periods frozen as snapshots (all closed before the fixture's last change). */
export const SCALE_PERIODS = Array.from({ length: 12 }, (_, i) => `${2020 + Math.floor((i + 1) / 2)}-H${i % 2 ? 1 : 2}`);

const START = Date.parse('2020-03-01T08:00:00Z');
const END = Date.parse('2026-11-15T16:00:00Z');
const periodEnd = (p: string) => (p.endsWith('H1') ? `${p.slice(0, 4)}-06-30T23:59:59.999Z` : `${p.slice(0, 4)}-12-31T23:59:59.999Z`);

const OPEN: Status[] = ['not_assessed', 'not_implemented', 'partial'];

/** The record's final status: a municipality-wide maturity, skewed by class and priority. */
function finalStatus(m: number, r: ScopedRow, rnd: () => number): Status {
  const { priority } = r.entry;
  const factor = (r.entry.facts.class === 'basic' ? 1.25 : 0.75) * (priority === 'P1' ? 1.3 : priority === 'P3' ? 0.6 : 1);
  if (rnd() < Math.min(0.95, m * factor)) return 'implemented';
  const u = rnd();
  return u < 0.3 ? 'not_assessed' : u < 0.6 ? 'partial' : u < 0.9 ? 'not_implemented' : u < 0.99 ? 'not_applicable' : 'risk_accepted';
}

function fieldsJson(status: Status, i: number, at: string): string {
  return JSON.stringify({
    status,
    description: status === 'not_assessed' ? null : `Muudatus ${i}`,
    justification: status === 'not_applicable' || status === 'risk_accepted' ? 'Põhjendus skaalatestiks.' : null,
    responsible: 'IT-juht',
    dueDate: null,
    acceptedBy: status === 'risk_accepted' ? 'Vallavanem' : null,
    acceptedAt: status === 'risk_accepted' ? at.slice(0, 10) : null,
  });
}

/** Refuses unless the tracker is empty: the fixture replaces nothing. */
export function assertTrackerEmpty(db: Db): void {
  if (hasStatusData(db) || hasSnapshots(db)) {
    throw new InputError('tabelites measure_status, measure_status_history või progress_snapshot on juba andmeid; --scale laaditakse ainult tühja jälgimise andmebaasi');
  }
}

export function seedScale(db: Db, log: Log = () => {}): { statuses: number; history: number; snapshots: number; ms: number } {
  const started = performance.now();
  assertTrackerEmpty(db);
  seedReference(db, log);
  seedScaleObjects(db);
  const scope = everyScopedMeasure(db);
  if (scope.length === 0) throw new InputError('E-ITS kataloogi ei ole; skaala-andmeid ei saa luua');

  // Versions per record: at least one, the rest spread with an exponential weight so a few
  // records are edited very often (as real ones are) and the total is exactly SCALE_HISTORY_ROWS.
  const rnd = prng(9_000_001);
  const weights = scope.map(() => -Math.log(1 - rnd()));
  const spare = SCALE_HISTORY_ROWS - scope.length;
  const sumW = weights.reduce((a, b) => a + b, 0);
  const versions = weights.map((w) => 1 + Math.floor((w / sumW) * spare));
  let missing = SCALE_HISTORY_ROWS - versions.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % versions.length, missing--) versions[i]! += 1;

  const ends = SCALE_PERIODS.map(periodEnd);
  const atPeriod: Status[][] = ends.map(() => new Array<Status>(scope.length));
  const maturity = new Map<string, number>();
  let history = 0;

  // Bulk load: durability is pointless until the fixture is complete, so sync OFF, then back to FULL.
  db.pragma('synchronous = OFF');
  try {
    inTransaction(db, () => {
      scope.forEach((r, idx) => {
        let m = maturity.get(r.ehak);
        if (m === undefined) maturity.set(r.ehak, (m = rnd() < 0.1 ? 0.6 + rnd() * 0.2 : rnd() < 0.9 ? 0.2 + rnd() * 0.35 : 0.03 + rnd() * 0.07));
        const n = versions[idx]!;
        const final = finalStatus(m, r, rnd);
        const first = START + rnd() * (END - START) * 0.5;
        const last = first + rnd() * (END - first);
        let old: string | null = null;
        let status: Status = 'not_assessed';
        let at = '';
        const period = ends.map(() => 'not_assessed' as Status);
        for (let v = 1; v <= n; v++) {
          status = v === n ? final : OPEN[Math.floor(rnd() * 3)]!;
          at = new Date(n === 1 ? last : first + ((last - first) * (v - 1)) / (n - 1)).toISOString();
          const json = fieldsJson(status, v, at);
          insertHistory(db, { ehak: r.ehak, edition: r.edition, object_id: r.objectId, measure_id: r.measureId, version: v, old, new: json, changed_by: null, changed_at: at });
          for (let p = 0; p < ends.length; p++) if (at <= ends[p]!) period[p] = status;
          old = json;
        }
        // The state at a period end: the last change at or before it (changes come in time order).
        for (let p = 0; p < ends.length; p++) atPeriod[p]![idx] = period[p]!;
        history += n;
        const f = JSON.parse(old!) as { description: string | null; justification: string | null; acceptedBy: string | null; acceptedAt: string | null };
        upsertStatus(db, {
          ehak: r.ehak,
          edition: r.edition,
          object_id: r.objectId,
          measure_id: r.measureId,
          status,
          description: f.description,
          justification: f.justification,
          responsible: 'IT-juht',
          due_date: null,
          accepted_by: f.acceptedBy,
          accepted_at: f.acceptedAt,
          owner_user_id: null,
          review_date: null,
          version: n,
          updated_by: null,
          updated_at: at,
        });
      });
    });
  } finally {
    db.pragma('synchronous = FULL');
  }

  SCALE_PERIODS.forEach((period, p) => {
    // The state at the period's end, counted by the engine (no shared services in this fixture).
    const statuses: StatusFact[] = scope.map((r, idx) => [r.ehak, r.edition, r.entry.key, atPeriod[p]![idx]!]);
    const totals = progressOfAll(db, { facts: statuses, shared: () => false });
    createSnapshot(db, { period, actorId: null, createdAt: new Date(Date.parse(ends[p]!) + 5 * 86_400_000).toISOString(), totals });
  });
  const ms = performance.now() - started;
  log(`Skaala-andmed: ${scope.length} olekut, ${history} ajaloorida, ${SCALE_PERIODS.length} hetkeseisu (${(ms / 1000).toFixed(1)} s).`);
  return { statuses: scope.length, history, snapshots: SCALE_PERIODS.length, ms };
}
