// For tests: a measure a provider delivers centrally for the listed municipalities, recorded as it is
// since migration 024 (a solution model delivered to the municipalities as a whole).
import type { SolutionModel } from '../contracts/solutions.ts';
import type { Db } from '../db/database.ts';
import { createModel } from './write.ts';

export function deliverCentrally(db: Db, d: { measureId: string; provider: string; kovs: string[]; note?: string; edition?: string }): SolutionModel {
  return createModel(db, {
    name: `Keskne teenus: ${d.provider}`,
    type: 'service',
    provider: d.provider,
    modules: [],
    statements: [{ measureId: d.measureId, responsibility: 'provider', status: 'implemented', note: d.note ?? null, evidenceUrl: null }],
    draft: false,
    kovs: d.kovs,
  }, { id: null }, d.edition);
}
