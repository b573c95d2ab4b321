// Evidence of a measure's implementation: links, or uploaded files kept in the shared file store
// (rows in stores/evidence.ts).
import { recordAudit, type Actor } from '../audit/record.ts';
import type { Evidence } from '../contracts/tracker.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { deleteStoredFile, storeFile } from '../files/store.ts';
import { peopleOf } from '../users/store.ts';
import { cleanFileName, MAX_EVIDENCE_BYTES } from './evidence-type.ts';
import { evidenceFile, evidenceOf, insertEvidence, type EvidenceRow, type NewEvidence } from './stores/evidence.ts';

function toEvidence(r: EvidenceRow, people: Map<number, { id: number; name: string }>): Evidence {
  return {
    id: r.id,
    kind: r.kind,
    url: r.url,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    contentType: r.content_type,
    addedBy: r.added_by !== null ? people.get(r.added_by)! : null,
    addedAt: r.added_at,
  };
}

export function listEvidence(db: Db, ehak: string, edition: string, measureId: string): Evidence[] {
  const rows = evidenceOf(db, ehak, edition, measureId);
  if (rows.length === 0) return [];
  const people = peopleOf(db, rows.map((r) => r.added_by));
  return rows.map((r) => toEvidence(r, people));
}

type Fields = Pick<NewEvidence, 'kind'> & Partial<Pick<NewEvidence, 'url' | 'file_name' | 'storage_key' | 'sha256' | 'size' | 'content_type'>>;

function insert(db: Db, target: { ehak: string; edition: string; measureId: string }, fields: Fields, audit: Record<string, unknown>, actor: Actor): Evidence {
  const row = insertEvidence(db, {
    ehak: target.ehak,
    edition: target.edition,
    measure_id: target.measureId,
    url: null,
    file_name: null,
    storage_key: null,
    sha256: null,
    size: null,
    content_type: null,
    ...fields,
    added_by: actor.id,
  });
  recordAudit(db, {
    actorId: actor.id,
    action: 'measure_evidence.add',
    entity: 'measure_evidence',
    entityId: row.id,
    kov: target.ehak,
    newValue: { measureId: target.measureId, edition: target.edition, ...audit },
    ip: actor.ip ?? null,
  });
  return toEvidence(row, peopleOf(db, [row.added_by]));
}

export function addUrlEvidence(db: Db, ehak: string, edition: string, measureId: string, url: string, actor: Actor): Evidence {
  return inTransaction(db, () => insert(db, { ehak, edition, measureId }, { kind: 'url', url }, { kind: 'url', url }, actor));
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
  const fileName = cleanFileName(file.name);
  try {
    return inTransaction(db, () =>
      insert(
        db,
        target,
        { kind: 'file', file_name: fileName, storage_key: stored.storageKey, sha256: stored.sha256, size: stored.size, content_type: file.contentType },
        { kind: 'file', fileName, storageKey: stored.storageKey, sha256: stored.sha256, size: stored.size, contentType: file.contentType },
        actor,
      ),
    );
  } catch (err) {
    deleteStoredFile(filesPath, stored.storageKey);
    throw err;
  }
}

/** A file evidence row of this municipality and measure, with its storage key; null otherwise. */
export function getEvidenceFile(db: Db, ehak: string, measureId: string, id: number): { storageKey: string; fileName: string; contentType: string; size: number } | null {
  const row = evidenceFile(db, id, ehak, measureId);
  return row ? { storageKey: row.storage_key!, fileName: row.file_name!, contentType: row.content_type!, size: row.size! } : null;
}
