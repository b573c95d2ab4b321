// Demo data for the tracker: statuses for all 79 municipalities with a realistic spread, their
// history (changes spread over 2025–2026), one ELVL shared service and two past snapshots rebuilt
// from that history. Deterministic (seeded PRNG): the same database every time. Shown in the UI
// with the "demoandmed" banner (GET /api/meta).
import type { Db } from '../../api/db/database.ts';
import { createSnapshot } from '../../api/reports/snapshots.ts';
import { SCOPE_CTES } from '../../api/tracker/scope.ts';
import { createSharedService } from '../../api/tracker/shared-services.ts';
import { totalsByKov } from '../../api/tracker/aggregate.ts';
import type { CountRow } from '../../api/tracker/count-all.ts';
import type { MeasureClass, Priority, Status } from '../../api/tracker/model.ts';

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

const ROLES = ['IT-juht', 'Infoturbejuht', 'IT-spetsialist', 'Vallasekretär', 'Kantselei juhataja', 'Personalijuht', 'IT-partner (lepinguline)'];
const DESCRIPTIONS: Partial<Record<Status, readonly string[]>> = {
  implemented: [
    'Rakendatud ja kirjeldatud infoturbe käsiraamatus.',
    'Rakendatud; kontrollitud viimasel siseauditil.',
    'Rakendatud koostöös IT-teenuse pakkujaga, tõendus dokumendihaldussüsteemis.',
    'Nõue on täidetud ja kinnitatud vallavalitsuse korraldusega.',
  ],
  partial: [
    'Osaliselt rakendatud: keskasutuses tehtud, allasutustes pooleli.',
    'Tehniline lahendus olemas, kord on kirjeldamata.',
    'Kavand valmis, ootab kinnitamist.',
  ],
  not_implemented: ['Planeeritud järgmise aasta eelarvesse.', 'Vajab IT-partneri hinnapakkumist.', 'Ootab ELVL-i ühishanke tulemusi.'],
};
const NA_REASONS = [
  'Omavalitsusel ei ole oma serveriruumi; teenused on riigipilves.',
  'Asjakohast süsteemi omavalitsus ei kasuta.',
  'Teenus on sisse ostetud ja lepinguga kaetud teenusepakkuja poolt.',
];
const RISK_REASONS = ['Rakendamise kulu ületab riski mõju; kompenseerib igaöine varundus.', 'Süsteem asendatakse 2027. aastal; risk aktsepteeritud seniks.'];
const ACCEPTORS = ['Vallavanem', 'Linnapea', 'Vallasekretär', 'Linnasekretär'];

// The demo's timeline: changes from February 2025 to November 2026.
const START = Date.parse('2025-02-01T08:00:00Z');
const END = Date.parse('2026-11-10T16:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

interface ScopeRow {
  ehak: string;
  edition: string;
  measure_id: string;
  module_id: string;
  class: string;
  priority: string | null;
}

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
function plan(byKov: Map<string, ScopeRow[]>, skip: (ehak: string, measureId: string) => boolean): Map<ScopeRow, Step[]> {
  const out = new Map<ScopeRow, Step[]>();
  for (const [ehak, rows] of byKov) {
    const rnd = prng(Number(ehak) * 7919 + 17);
    const m = maturity(rnd);
    const coverage = Math.min(0.97, 0.12 + m * 1.25);
    for (const r of rows) {
      if (skip(ehak, r.measure_id) || rnd() >= coverage) {
        out.set(r, []);
        continue;
      }
      const pImpl = Math.min(0.95, (m * (CLASS_FACTOR[r.class] ?? 1) * (PRIORITY_FACTOR[r.priority ?? 'P2'] ?? 1)) / coverage);
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

/** Every municipality's totals as they were at `asOf`, rebuilt from the planned history. */
function totalsAt(db: Db, planned: Map<ScopeRow, Step[]>, groups: Map<string, string>, shared: (ehak: string, id: string) => boolean, asOf: string) {
  const rows: CountRow[] = [];
  for (const [r, steps] of planned) {
    let own: Status = 'not_assessed';
    for (const s of steps) if (s.at <= asOf) own = s.status;
    const viaShared = own === 'not_assessed' && shared(r.ehak, r.measure_id);
    rows.push({
      ehak: r.ehak,
      edition: r.edition,
      module_id: r.module_id,
      group_id: groups.get(r.module_id)!,
      class: r.class as MeasureClass,
      priority: r.priority as Priority | null,
      effective: viaShared ? 'implemented' : own,
      via_shared: viaShared ? 1 : 0,
      n: 1,
    });
  }
  return totalsByKov(db, rows);
}

export function seedTrackerDemo(db: Db, log: Log = () => {}): void {
  const actor =
    (db.prepare(`SELECT id FROM app_user WHERE email IN (${DEMO_SPECIALIST_EMAILS.map(() => '?').join(',')}) ORDER BY id LIMIT 1`).pluck().get(...DEMO_SPECIALIST_EMAILS) as
      | number
      | undefined) ?? null;
  const scope = db
    .prepare(`WITH ${SCOPE_CTES} SELECT ehak, edition, measure_id, module_id, class, priority FROM in_scope ORDER BY ehak, measure_id`)
    .all({ ehak: null }) as ScopeRow[];
  if (scope.length === 0) {
    log('Jälgimise näidisandmed: kataloogi ei ole, jätan vahele.');
    return;
  }
  const edition = scope[0]!.edition;
  const byKov = new Map<string, ScopeRow[]>();
  for (const r of scope) {
    let list = byKov.get(r.ehak);
    if (!list) byKov.set(r.ehak, (list = []));
    list.push(r);
  }
  const sharedKovs = new Set([...byKov.keys()].filter((_, i) => i % 4 === 1)); // ~20 municipalities
  const overriding = new Set([...sharedKovs].slice(0, 2)); // two record their own status anyway
  const isShared = (ehak: string, id: string) => id === SHARED_DEMO_MEASURE && sharedKovs.has(ehak);
  const planned = plan(byKov, (ehak, id) => isShared(ehak, id) && !overriding.has(ehak));

  const insertStatus = db.prepare(
    `INSERT INTO measure_status (ehak, edition, measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at, version, updated_by, updated_at)
     VALUES (@ehak, @edition, @measureId, @status, @description, @justification, @responsible, @dueDate, @acceptedBy, @acceptedAt, @version, @actor, @at)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO measure_status_history (ehak, edition, measure_id, version, old, new, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let statuses = 0;
  let changes = 0;
  const rnd = prng(20251);
  db.transaction(() => {
    for (const [r, steps] of planned) {
      let old: string | null = null;
      steps.forEach((step, i) => {
        const fields = fieldsOf(step, rnd);
        const json = JSON.stringify(fields);
        insertHistory.run(r.ehak, r.edition, r.measure_id, i + 1, old, json, actor, step.at);
        changes++;
        old = json;
        if (i === steps.length - 1) {
          insertStatus.run({ ehak: r.ehak, edition: r.edition, measureId: r.measure_id, ...fields, version: steps.length, actor, at: step.at });
          statuses++;
        }
      });
    }
  })();
  if (db.prepare('SELECT 1 FROM catalog_measure WHERE edition = ? AND id = ?').get(edition, SHARED_DEMO_MEASURE)) {
    createSharedService(
      db,
      { measureId: SHARED_DEMO_MEASURE, provider: 'ELVL', edition, kovs: [...sharedKovs], note: 'Keskne Microsoft 365 andmete varundus (ELVL-i ühishange).', createdAt: '2025-09-01T09:00:00.000Z' },
      { id: actor },
    );
  }
  const groups = new Map((db.prepare('SELECT id, group_id FROM catalog_module WHERE edition = ?').all(edition) as Array<{ id: string; group_id: string }>).map((m) => [m.id, m.group_id]));
  for (const [period, asOf, createdAt] of [
    ['2025-H2', '2025-12-31T23:59:59.999Z', '2026-01-05T10:00:00.000Z'],
    ['2026-H1', '2026-06-30T23:59:59.999Z', '2026-07-03T10:00:00.000Z'],
  ] as const) {
    createSnapshot(db, { period, actorId: actor, createdAt, totals: totalsAt(db, planned, groups, isShared, asOf) });
  }
  log(`Jälgimise näidisandmed: ${statuses} olekut, ${changes} muudatust ajaloos, 2 hetkeseisu, 1 keskne teenus (${sharedKovs.size} omavalitsust).`);
}
