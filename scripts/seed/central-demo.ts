// The demo's central delivery: a measure ELVL delivers for ~20 municipalities, recorded as a solution
// model delivered to them as a whole (what a shared service was before migration 024).
import { measureFactsOf } from '../../api/catalog/store.ts';
import type { Db } from '../../api/db/database.ts';
import { createModel } from '../../api/solutions/write.ts';

/** A measure a provider delivers centrally for the listed municipalities, as the demo records it. */
export interface CentralDelivery {
  edition: string;
  measureId: string;
  provider: string;
  note: string;
  kovs: string[];
  createdAt: string;
  actor: number | null;
}

/**
 * How a central delivery is stored: a solution model delivered to the municipalities as a whole.
 * The test of migration 024 passes the shape before it (a shared service) to seed an old database.
 */
export type DeliverCentrally = (db: Db, d: CentralDelivery) => void;

export const deliverAsModel: DeliverCentrally = (db, d) => {
  const moduleId = measureFactsOf(db, d.edition).find((m) => m.measureId === d.measureId)!.moduleId;
  createModel(db, {
    name: `Keskne teenus: ${d.provider}`,
    type: 'service',
    provider: d.provider,
    description: d.note,
    modules: [moduleId],
    statements: [{ measureId: d.measureId, responsibility: 'provider', status: 'implemented', note: d.note, evidenceUrl: null }],
    draft: false,
    kovs: d.kovs,
  }, { id: d.actor }, d.edition);
};
