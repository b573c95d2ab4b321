// Evidence of a measure's implementation: links, or uploaded files kept in the shared file store.
import { recordAudit, type Actor } from '../audit/record.ts';
import type { Evidence } from '../contracts/tracker.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { prepareCached } from '../db/statements.ts';
import { deleteStoredFile, storeFile } from '../files/store.ts';
import { cleanFileName, MAX_EVIDENCE_BYTES } from './evidence-type.ts';


interface EvidenceRow {
  id: number;
  kind: 'url' | 'file';
  url: string | null;
  file_name: string | null;
  sha256: string | null;
  size: number | null;
  content_type: string | null;
  added_by: number | null;
  name: string | null;
  added_at: string;
  storage_key: string | null;
}

const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  kind: r.kind,
  url: r.url,
  fileName: r.file_name,
  sha256: r.sha256,
  size: r.size,
  contentType: r.content_type,
  addedBy: r.added_by != null ? { id: r.added_by, name: r.name ?? '' } : null,
  addedAt: r.added_at,
});

const SELECT = `SELECT e.*, u.name FROM measure_evidence e LEFT JOIN app_user u ON u.id = e.added_by`;

export function listEvidence(db: Db, ehak: string, edition: string, measureId: string): Evidence[] {
  return (prepareCached(db, `${SELECT} WHERE e.ehak = ? AND e.edition = ? AND e.measure_id = ? ORDER BY e.id`).all(ehak, edition, measureId) as EvidenceRow[]).map(
    toEvidence,
  );
}

function insert(db: Db, ehak: string, edition: string, measureId: string, fields: Record<string, unknown>, actor: Actor): Evidence {
  const id = Number(
    db
      .prepare(
        `INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by)
         VALUES (@ehak, @edition, @measureId, @kind, @url, @fileName, @storageKey, @sha256, @size, @contentType, @actor)`,
      )
      .run({ url: null, fileName: null, storageKey: null, sha256: null, size: null, contentType: null, ...fields, ehak, edition, measureId, actor: actor.id })
      .lastInsertRowid,
  );
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EvidenceRow;
  recordAudit(db, { actorId: actor.id, action: 'measure_evidence.add', entity: 'measure_evidence', entityId: id, kov: ehak, newValue: { measureId, edition, ...fields }, ip: actor.ip ?? null });
  return toEvidence(row);
}

export function addUrlEvidence(db: Db, ehak: string, edition: string, measureId: string, url: string, actor: Actor): Evidence {
  return inTransaction(db, () => insert(db, ehak, edition, measureId, { kind: 'url', url }, actor));
}

/**
 * Stores the file atomically, then records it; if the database write fails the stored file is
 * removed again, so no orphan and no dangling row. The caller has checked the content type.
 */
export function addFileEvidence(
  db: Db,
  filesPath: string,
  target: { ehak: string; edition: string; measureId: string },
  file: { name: string; bytes: Uint8Array; contentType: string },
  actor: Actor,
): Evidence {
  const stored = storeFile(filesPath, 'evidence', file.bytes, { maxBytes: MAX_EVIDENCE_BYTES });
  try {
    return inTransaction(db, () =>
      insert(
        db,
        target.ehak,
        target.edition,
        target.measureId,
        { kind: 'file', fileName: cleanFileName(file.name), storageKey: stored.storageKey, sha256: stored.sha256, size: stored.size, contentType: file.contentType },
        actor,
      ),
    );
  } catch (err) {
    deleteStoredFile(filesPath, stored.storageKey);
    throw err;
  }
}

/** A file evidence row of this municipality and measure, with its storage key; null otherwise. */
export function getEvidenceFile(
  db: Db,
  ehak: string,
  measureId: string,
  id: number,
): { storageKey: string; fileName: string; contentType: string; size: number } | null {
  const row = db
    .prepare(`SELECT storage_key, file_name, content_type, size FROM measure_evidence WHERE id = ? AND ehak = ? AND measure_id = ? AND kind = 'file'`)
    .get(id, ehak, measureId) as { storage_key: string; file_name: string; content_type: string; size: number } | undefined;
  return row ? { storageKey: row.storage_key, fileName: row.file_name, contentType: row.content_type, size: row.size } : null;
}
