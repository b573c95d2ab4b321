// Solution models as the API answers them: rows with their modules, statements, adopters, the
// municipalities they are delivered to as a whole, and editor.
import type { SolutionModel, SolutionModelChange } from '../contracts/solutions.ts';
import type { Db } from '../db/database.ts';
import { peopleOf } from '../users/store.ts';
import { kovList } from '../tracker/reference.ts';
import { adopterCounts, allModelKovs, modelHistory, modelRows, moduleRows, statementRows, type StatementRow } from './store.ts';
import { groupBy } from '../lib/group.ts';

const statementOf = (r: StatementRow): SolutionModel['statements'][number] => ({
  measureId: r.measure_id,
  responsibility: r.responsibility,
  status: r.status as SolutionModel['statements'][number]['status'],
  note: r.note,
  evidenceUrl: r.evidence_url,
});

export function listModels(db: Db): SolutionModel[] {
  const rows = modelRows(db);
  const modules = groupBy(moduleRows(db), (m) => m.model_id, (m) => m.module_id);
  const statements = groupBy(statementRows(db), (s) => s.model_id, statementOf);
  const names = new Map(kovList(db).map((k) => [k.ehak, k.name]));
  const kovs = groupBy(allModelKovs(db), (k) => k.model_id, (k) => ({ ehak: k.ehak, name: names.get(k.ehak) ?? k.ehak }));
  const adopters = adopterCounts(db);
  const people = peopleOf(db, rows.map((r) => r.updated_by));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    provider: r.provider,
    description: r.description,
    kbSlug: r.kb_slug,
    edition: r.edition,
    modules: modules.get(r.id) ?? [],
    protectionNeed: { confidentiality: r.need_c, integrity: r.need_i, availability: r.need_a },
    statements: statements.get(r.id) ?? [],
    draft: r.draft === 1,
    adoptedBy: adopters.get(r.id) ?? 0,
    kovs: (kovs.get(r.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'et')),
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by === null ? null : (people.get(r.updated_by) ?? null),
  }));
}

export const modelOf = (db: Db, id: number): SolutionModel | undefined => listModels(db).find((m) => m.id === id);

export function modelChanges(db: Db, id: number): SolutionModelChange[] {
  const rows = modelHistory(db, id);
  const people = peopleOf(db, rows.map((r) => r.changed_by));
  return rows.map((r) => ({ version: r.version, summary: r.summary, changedAt: r.changed_at, changedBy: r.changed_by === null ? null : (people.get(r.changed_by) ?? null) }));
}
