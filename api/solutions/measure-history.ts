// What a municipality sees of a solution model in a measure's history: each version of a model that
// reaches the object (adopted by it, or delivered to the municipality as a whole when the object is
// the organisation) and changed its statement on the measure, with ELVL's summary (issue 19: "when
// ELVL updates the model, every adopting municipality sees the change in its history").
import type { ModelHistoryEntry } from '../contracts/tracker.ts';
import type { SolutionModel } from '../contracts/solutions.ts';
import type { Db } from '../db/database.ts';
import { organisationObjectId } from '../objects/store.ts';
import { peopleOf } from '../users/store.ts';
import { allModelKovs, modelRow, modelSnapshots, objectModels } from './store.ts';

type Said = ModelHistoryEntry['new'];

const statementIn = (snapshot: string, measureId: string): Said => {
  const s = (JSON.parse(snapshot) as Pick<SolutionModel, 'statements'>).statements.find((x) => x.measureId === measureId);
  return s ? { responsibility: s.responsibility, status: s.status, note: s.note ?? null } : null;
};
const same = (a: Said, b: Said) => JSON.stringify(a) === JSON.stringify(b);

/** The models that reach this object of the municipality, by id. */
function modelsReaching(db: Db, ehak: string, objectId: number): number[] {
  const ids = new Set<number>();
  const adopted = objectModels(db, ehak).get(objectId);
  if (adopted !== undefined) ids.add(adopted);
  if (organisationObjectId(db, ehak) === objectId) for (const k of allModelKovs(db)) if (k.ehak === ehak) ids.add(k.model_id);
  return [...ids];
}

export function modelHistoryOfMeasure(db: Db, ehak: string, objectId: number, measureId: string): ModelHistoryEntry[] {
  const out: Array<Omit<ModelHistoryEntry, 'changedBy'> & { by: number | null }> = [];
  for (const id of modelsReaching(db, ehak, objectId)) {
    const row = modelRow(db, id)!;
    let before: Said = null;
    for (const v of modelSnapshots(db, id)) {
      const now = statementIn(v.snapshot, measureId);
      if (!same(before, now)) {
        out.push({ kind: 'model', model: { id, name: row.name, provider: row.provider }, version: v.version, summary: v.summary, changedAt: v.changed_at, by: v.changed_by, old: before, new: now });
      }
      before = now;
    }
  }
  const people = peopleOf(db, out.map((e) => e.by));
  return out.map(({ by, ...e }) => ({ ...e, changedBy: by === null ? null : (people.get(by) ?? null) }));
}
