// Plan persistence. The stored document is re-analysed on read, so figures always follow the
// current code and rate table (the rate table is dated, so past figures do not move).
import { recordAudit } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { notFound } from '../lib/errors.ts';
import { analysePlan, type AnalysedPlan } from './analyse.ts';
import type { PlanSummary } from '../contracts/budget.ts';

export interface StoredPlan extends AnalysedPlan {
  id: number;
  familyId: number;
  version: number;
  name: string;
  createdAt: string;
}

/** Stores a new plan (new family) or a revision (next version of `familyId`). */
export function insertPlan(db: Db, a: AnalysedPlan, actorId: number | null, familyId?: number): { id: number; version: number } {
  return inTransaction(db, () => {
    let family = familyId;
    if (family === undefined) family = Number(db.prepare('INSERT INTO budget_plan_family DEFAULT VALUES').run().lastInsertRowid);
    const { v } = db.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM budget_plan WHERE family_id = ?').get(family) as { v: number };
    const id = Number(
      db
        .prepare('INSERT INTO budget_plan (family_id, version, name, document, inconsistency_count, created_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(family, v, a.plan.name, JSON.stringify(a.plan), a.inconsistencies.length, actorId).lastInsertRowid,
    );
    recordAudit(db, {
      actorId,
      action: v === 1 ? 'budget_plan.create' : 'budget_plan.revise',
      entity: 'budget_plan',
      entityId: id,
      newValue: { familyId: family, version: v, name: a.plan.name, inconsistencies: a.inconsistencies.length },
    });
    return { id, version: v };
  });
}

export function listPlans(db: Db): PlanSummary[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.family_id AS familyId, p.version, p.name, p.created_at AS createdAt, p.inconsistency_count AS inconsistencyCount,
              p.version = (SELECT max(version) FROM budget_plan q WHERE q.family_id = p.family_id) AS latest
       FROM budget_plan p ORDER BY p.family_id DESC, p.version DESC`,
    )
    .all() as Array<Omit<PlanSummary, 'latest'> & { latest: number }>;
  return rows.map((r) => ({ ...r, latest: r.latest === 1 }));
}

export function loadPlan(db: Db, id: number): StoredPlan {
  const row = db.prepare('SELECT id, family_id AS familyId, version, name, document, created_at AS createdAt FROM budget_plan WHERE id = ?').get(id) as
    | { id: number; familyId: number; version: number; name: string; document: string; createdAt: string }
    | undefined;
  if (!row) throw notFound('Eelarveplaani ei leitud.');
  return { id: row.id, familyId: row.familyId, version: row.version, name: row.name, createdAt: row.createdAt, ...analysePlan(JSON.parse(row.document)) };
}
