// Demo data for the tracker: statuses for all 79 municipalities with a realistic spread, their
// history (changes spread over 2025–2026), one measure ELVL delivers centrally (a solution model
// delivered to ~20 municipalities as a whole) and two past snapshots rebuilt
// from that history. Deterministic (seeded PRNG): the same database every time. Shown in the UI
// with the "demoandmed" banner (GET /api/meta).
import type { Db } from '../../api/db/database.ts';
import { measureExists } from '../../api/catalog/store.ts';
import { inTransaction } from '../../api/db/database.ts';
import { createSnapshot } from '../../api/reports/snapshots.ts';
import type { Status } from '../../api/tracker/model.ts';
import { progressOfAll, type StatusFact } from '../../api/tracker/progress.ts';
import { insertHistory, upsertStatus } from '../../api/tracker/stores/status.ts';
import { firstUserIdByEmail, userKovs } from '../../api/users/store.ts';
import { deliverAsModel, type DeliverCentrally } from './central-demo.ts';
import { everyScopedMeasure, type ScopedRow } from './scoped.ts';
import { ACCEPTORS, DESCRIPTIONS, NA_REASONS, RISK_REASONS, ROLES } from './tracker-demo-texts.ts';

type Log = (line: string) => void;

/** mulberry32: small, fast, good enough for demo spreads. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

export const DEMO_SPECIALIST_EMAILS = ['spetsialist@demo.turvarada.ee', 'specialist@demo.turvarada.ee'];
export const SHARED_DEMO_MEASURE = 'CON.3.M5';
/** How many open measures the demo specialist owns in each of their municipalities. */
const OWNED_PER_KOV = 6;


// The demo's timeline: changes from February 2025 to November 2026.
const START = Date.parse('2025-02-01T08:00:00Z');
const END = Date.parse('2026-11-10T16:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** The municipality's maturity (target implemented share): a few advanced, most mid-way, a few barely started. */
function maturity(rnd: () => number): number {
  const u = rnd();
  if (u < 0.1) return 0.62 + rnd() * 0.15;
  if (u < 0.88) return 0.2 + rnd() * 0.3;
  return 0.02 + rnd() * 0.06;
}

const CLASS_FACTOR: Record<string, number> = { basic: 1.25, standard: 0.72, high: 0.5 };
const PRIORITY_FACTOR: Record<string, number> = { P1: 1.35, P2: 1.0, P3: 0.55 };

/** The statuses a record passed through, ending with `final` (1–3 versions). */
function chain(final: Status, rnd: () => number): Status[] {
  const n = rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
  const before: Status[] = final === 'implemented' ? ['not_implemented', 'partial'] : final === 'partial' ? ['not_assessed', 'not_implemented'] : ['not_assessed', 'not_assessed'];
  return [...before.slice(2 - (n - 1)), final].filter((s, i, a) => i === a.length - 1 || s !== 'not_assessed');
}

interface Step {
  status: Status;
  at: string;
}

/** Each in-scope measure's planned changes (empty: never assessed). Deterministic per municipality. */
function plan(byKov: Map<string, ScopedRow[]>, skip: (ehak: string, measureId: string) => boolean): Map<ScopedRow, Step[]> {
  const out = new Map<ScopedRow, Step[]>();
  for (const [ehak, rows] of byKov) {
    const rnd = prng(Number(ehak) * 7919 + 17);
    const m = maturity(rnd);
    const coverage = Math.min(0.97, 0.12 + m * 1.25);
    for (const r of rows) {
      if (skip(ehak, r.measureId) || rnd() >= coverage) {
        out.set(r, []);
        continue;
      }
      const pImpl = Math.min(0.95, (m * (CLASS_FACTOR[r.entry.facts.class] ?? 1) * (PRIORITY_FACTOR[r.entry.priority ?? 'P2'] ?? 1)) / coverage);
      let final: Status;
      if (rnd() < pImpl) final = 'implemented';
      else {
        const u = rnd();
        final = u < 0.5 ? 'partial' : u < 0.9 ? 'not_implemented' : u < 0.993 ? 'not_applicable' : 'risk_accepted';
      }
      const steps = chain(final, rnd);
      const last = START + rnd() * (END - START);
      out.set(
        r,
        steps.map((status, i) => ({ status, at: iso(last - (steps.length - 1 - i) * 20 * 86_400_000 * (1 + rnd())) })),
      );
    }
  }
  return out;
}

/** The editable fields of one step, drawn from the demo vocabularies. */
function fieldsOf(step: Step, rnd: () => number) {
  const open = step.status === 'partial' || step.status === 'not_implemented';
  const due = open && rnd() < 0.7 ? day(rnd() < 0.5 ? Date.parse('2026-01-15') + rnd() * 280 * 86_400_000 : Date.parse('2027-01-10') + rnd() * 330 * 86_400_000) : null;
  return {
    status: step.status,
    description: DESCRIPTIONS[step.status] ? pick(rnd, DESCRIPTIONS[step.status]!) : null,
    justification: step.status === 'not_applicable' ? pick(rnd, NA_REASONS) : step.status === 'risk_accepted' ? pick(rnd, RISK_REASONS) : null,
    responsible: pick(rnd, ROLES),
    dueDate: due,
    acceptedBy: step.status === 'risk_accepted' ? pick(rnd, ACCEPTORS) : null,
    acceptedAt: step.status === 'risk_accepted' ? day(Date.parse(step.at)) : null,
  };
}

/** Every municipality's totals as they were at `asOf`, rebuilt from the planned history by the engine. */
function totalsAt(db: Db, planned: Map<ScopedRow, Step[]>, shared: (ehak: string, id: string) => boolean, asOf: string) {
  const facts: StatusFact[] = [];
  for (const [r, steps] of planned) {
    let own: Status = 'not_assessed';
    for (const s of steps) if (s.at <= asOf) own = s.status;
    facts.push([r.ehak, r.edition, r.entry.key, own]);
  }
  return progressOfAll(db, { facts, shared });
}

export function seedTrackerDemo(db: Db, log: Log = () => {}, deliver: DeliverCentrally = deliverAsModel): void {
  const actor = firstUserIdByEmail(db, DEMO_SPECIALIST_EMAILS);
  const scope = everyScopedMeasure(db);
  if (scope.length === 0) {
    log('Jälgimise näidisandmed: kataloogi ei ole, jätan vahele.');
    return;
  }
  const edition = scope[0]!.edition;
  const byKov = new Map<string, ScopedRow[]>();
  for (const r of scope) {
    let list = byKov.get(r.ehak);
    if (!list) byKov.set(r.ehak, (list = []));
    list.push(r);
  }
  const sharedKovs = new Set([...byKov.keys()].filter((_, i) => i % 4 === 1)); // ~20 municipalities
  const overriding = new Set([...sharedKovs].slice(0, 2)); // two record their own status anyway
  const isShared = (ehak: string, id: string) => id === SHARED_DEMO_MEASURE && sharedKovs.has(ehak);
  const planned = plan(byKov, (ehak, id) => isShared(ehak, id) && !overriding.has(ehak));

  const ownKovs = new Set(actor === null ? [] : userKovs(db, actor));
  const ownedIn = new Map<string, number>();
  let statuses = 0;
  let changes = 0;
  const rnd = prng(20251);
  inTransaction(db, () => {
    for (const [r, steps] of planned) {
      let old: string | null = null;
      steps.forEach((step, i) => {
        const last = i === steps.length - 1;
        const fields = fieldsOf(step, rnd);
        // The demo specialist owns a few open measures with a due date in each municipality they work
        // for, so "Minu ülesanded" and the reminders have something to show (few: each due or overdue
        // one is a reminder mail when the server starts).
        const owned = last && actor !== null && ownKovs.has(r.ehak) && fields.dueDate !== null && (ownedIn.get(r.ehak) ?? 0) < OWNED_PER_KOV;
        if (owned) ownedIn.set(r.ehak, (ownedIn.get(r.ehak) ?? 0) + 1);
        const f = owned ? { ...fields, ownerUserId: actor } : fields;
        const json = JSON.stringify(f);
        insertHistory(db, { ehak: r.ehak, edition: r.edition, object_id: r.objectId, measure_id: r.measureId, version: i + 1, old, new: json, changed_by: actor, changed_at: step.at });
        changes++;
        old = json;
        if (last) {
          upsertStatus(db, {
            ehak: r.ehak,
            edition: r.edition,
            object_id: r.objectId,
            measure_id: r.measureId,
            status: f.status,
            description: f.description,
            justification: f.justification,
            responsible: f.responsible,
            due_date: f.dueDate,
            accepted_by: f.acceptedBy,
            accepted_at: f.acceptedAt,
            owner_user_id: owned ? actor : null,
            review_date: null,
            version: steps.length,
            updated_by: actor,
            updated_at: step.at,
          });
          statuses++;
        }
      });
    }
  });
  if (measureExists(db, edition, SHARED_DEMO_MEASURE)) {
    deliver(db, {
      edition, measureId: SHARED_DEMO_MEASURE, provider: 'ELVL', kovs: [...sharedKovs], note: 'Keskne Microsoft 365 andmete varundus (ELVL-i ühishange).',
      createdAt: '2025-09-01T09:00:00.000Z', actor,
    });
  }
  for (const [period, asOf, createdAt] of [
    ['2025-H2', '2025-12-31T23:59:59.999Z', '2026-01-05T10:00:00.000Z'],
    ['2026-H1', '2026-06-30T23:59:59.999Z', '2026-07-03T10:00:00.000Z'],
  ] as const) {
    createSnapshot(db, { period, actorId: actor, createdAt, totals: totalsAt(db, planned, isShared, asOf) });
  }
  log(`Jälgimise näidisandmed: ${statuses} olekut, ${changes} muudatust ajaloos, 2 hetkeseisu, 1 keskselt tagatud meede (${sharedKovs.size} omavalitsust).`);
}
