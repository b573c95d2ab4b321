// Shared-service measures: a provider (e.g. ELVL) delivers a measure centrally for chosen
// municipalities. It counts as implemented for them unless they record their own status
// (engine.ts). Rows in stores/shared-services.ts; the reference keeps them in memory.
import { recordAudit, type Actor } from '../audit/record.ts';
import { measureExists } from '../catalog/store.ts';
import type { SharedService, SharedServiceCreate } from '../contracts/tracker.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, conflict, notFound } from '../lib/errors.ts';
import { editionFacts, kovList, kovOf } from './reference.ts';
import { DEFAULT_EDITION } from './scope-rule.ts';
import { allSharedServiceKovs, allSharedServices, deleteSharedService as deleteRow, insertSharedService, sharedServiceByKey } from './stores/shared-services.ts';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every service, newest edition first, then in catalogue order and by provider; municipalities by name. */
export function listSharedServices(db: Db): SharedService[] {
  const kovsOf = new Map<number, string[]>();
  for (const r of allSharedServiceKovs(db)) kovsOf.set(r.service_id, [...(kovsOf.get(r.service_id) ?? []), r.ehak]);
  const services = allSharedServices(db).map((s) => {
    const facts = editionFacts(db, s.edition).byId.get(s.measure_id)!;
    const kovs = (kovsOf.get(s.id) ?? []).map((ehak) => ({ ehak, name: kovOf(db, ehak)!.name })).sort((a, b) => cmp(a.name, b.name));
    const service: SharedService = { id: s.id, edition: s.edition, measureId: s.measure_id, measureTitle: facts.title, provider: s.provider, note: s.note, kovs, createdAt: s.created_at };
    return { service, sortKey: facts.sortKey };
  });
  services.sort((a, b) => cmp(b.service.edition, a.service.edition) || cmp(a.sortKey, b.sortKey) || cmp(a.service.provider, b.service.provider));
  return services.map((s) => s.service);
}

export type NewSharedService = SharedServiceCreate & {
  /** For the demo seeder; defaults to now. */
  createdAt?: string;
};

export function createSharedService(db: Db, input: NewSharedService, actor: Actor): SharedService {
  return inTransaction(db, () => {
    const edition = input.edition ?? DEFAULT_EDITION;
    if (!measureExists(db, edition, input.measureId)) throw notFound(`Meedet ${input.measureId} pole väljaandes ${edition}.`);
    const kovs = [...new Set(input.kovs)];
    const known = new Set(kovList(db).map((k) => k.ehak));
    const unknown = kovs.filter((k) => !known.has(k));
    if (unknown.length) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', unknown.map((k) => ({ path: 'kovs', message: `Tundmatu EHAK-kood ${k}.` })));
    if (sharedServiceByKey(db, edition, input.measureId, input.provider)) {
      throw conflict(`${input.provider} pakub meedet ${input.measureId} juba keskselt; muuda olemasolevat kirjet.`);
    }
    const id = insertSharedService(db, { edition, measure_id: input.measureId, provider: input.provider, note: input.note ?? null, created_by: actor.id, created_at: input.createdAt ?? null }, kovs);
    recordAudit(db, { actorId: actor.id, action: 'shared_service.create', entity: 'shared_service', entityId: id, newValue: { edition, ...input, kovs }, ip: actor.ip ?? null });
    return listSharedServices(db).find((s) => s.id === id)!;
  });
}

export function deleteSharedService(db: Db, id: number, actor: Actor): void {
  inTransaction(db, () => {
    const old = listSharedServices(db).find((s) => s.id === id);
    if (!old) throw notFound('Sellist keskset teenust ei ole.');
    deleteRow(db, id);
    recordAudit(db, { actorId: actor.id, action: 'shared_service.delete', entity: 'shared_service', entityId: id, oldValue: old, ip: actor.ip ?? null });
  });
}
