// Shared-service measures: a provider (e.g. ELVL) delivers a measure centrally for chosen
// municipalities. It counts as implemented for them unless they record their own status.
import { recordAudit, type Actor } from '../audit/record.ts';
import type { SharedService } from '../contracts/tracker.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, conflict, notFound } from '../lib/errors.ts';
import { DEFAULT_EDITION } from './scope.ts';


export function listSharedServices(db: Db): SharedService[] {
  const services = db
    .prepare(
      `SELECT s.id, s.edition, s.measure_id, m.title, s.provider, s.note, s.created_at
       FROM shared_service s JOIN catalog_measure m ON m.edition = s.edition AND m.id = s.measure_id
       ORDER BY s.edition DESC, m.sort_key, s.provider`,
    )
    .all() as Array<{ id: number; edition: string; measure_id: string; title: string; provider: string; note: string | null; created_at: string }>;
  const kovs = db
    .prepare(`SELECT sk.service_id, k.ehak, k.name FROM shared_service_kov sk JOIN kov k ON k.ehak = sk.ehak ORDER BY k.name`)
    .all() as Array<{ service_id: number; ehak: string; name: string }>;
  return services.map((s) => ({
    id: s.id,
    edition: s.edition,
    measureId: s.measure_id,
    measureTitle: s.title,
    provider: s.provider,
    note: s.note,
    kovs: kovs.filter((k) => k.service_id === s.id).map((k) => ({ ehak: k.ehak, name: k.name })),
    createdAt: s.created_at,
  }));
}

export interface NewSharedService {
  measureId: string;
  provider: string;
  note?: string | null;
  kovs: string[];
  edition?: string;
  /** For the demo seeder; defaults to now. */
  createdAt?: string;
}

export function createSharedService(db: Db, input: NewSharedService, actor: Actor): SharedService {
  return inTransaction(db, () => {
    const edition = input.edition ?? DEFAULT_EDITION;
    if (!db.prepare('SELECT 1 FROM catalog_measure WHERE edition = ? AND id = ?').get(edition, input.measureId)) {
      throw notFound(`Meedet ${input.measureId} pole väljaandes ${edition}.`);
    }
    const kovs = [...new Set(input.kovs)];
    const known = db.prepare('SELECT 1 FROM kov WHERE ehak = ?');
    const unknown = kovs.filter((k) => !known.get(k));
    if (unknown.length) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', unknown.map((k) => ({ path: 'kovs', message: `Tundmatu EHAK-kood ${k}.` })));
    if (db.prepare('SELECT 1 FROM shared_service WHERE edition = ? AND measure_id = ? AND provider = ?').get(edition, input.measureId, input.provider)) {
      throw conflict(`${input.provider} pakub meedet ${input.measureId} juba keskselt; muuda olemasolevat kirjet.`);
    }
    const id = Number(
      db
        .prepare(
          `INSERT INTO shared_service (edition, measure_id, provider, note, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
        )
        .run(edition, input.measureId, input.provider, input.note ?? null, actor.id, input.createdAt ?? null).lastInsertRowid,
    );
    const add = db.prepare('INSERT INTO shared_service_kov (service_id, ehak) VALUES (?, ?)');
    for (const k of kovs) add.run(id, k);
    recordAudit(db, { actorId: actor.id, action: 'shared_service.create', entity: 'shared_service', entityId: id, newValue: { edition, ...input, kovs }, ip: actor.ip ?? null });
    return listSharedServices(db).find((s) => s.id === id)!;
  });
}

export function deleteSharedService(db: Db, id: number, actor: Actor): void {
  inTransaction(db, () => {
    const old = listSharedServices(db).find((s) => s.id === id);
    if (!old) throw notFound('Sellist keskset teenust ei ole.');
    db.prepare('DELETE FROM shared_service WHERE id = ?').run(id);
    recordAudit(db, { actorId: actor.id, action: 'shared_service.delete', entity: 'shared_service', entityId: id, oldValue: old, ip: actor.ip ?? null });
  });
}
