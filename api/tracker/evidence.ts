// Evidence of a measure's implementation on a target object: links, or uploaded files kept in the shared file store
// (rows in stores/evidence.ts), each with an optional description. Removal is soft: the row stays
// with who removed it and when, for the measure's history; the list and the download skip it.
import { recordAudit, type Actor } from '../audit/record.ts';
import type { Evidence, EvidenceHistoryEntry } from '../contracts/tracker.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { deleteStoredFile, storeFile } from '../files/store.ts';
import { peopleOf } from '../users/store.ts';
import { cleanFileName, MAX_EVIDENCE_BYTES } from './evidence-type.ts';
import { currentEvidence, evidenceFile, evidenceOf, insertEvidence, removeEvidenceRow, type EvidenceRow, type NewEvidence } from './stores/evidence.ts';

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
    description: r.description,
    validUntil: r.valid_until,
  };
}

/** The measure's evidence that has not been removed, oldest first. */
export function listEvidence(db: Db, ehak: string, edition: string, objectId: number, measureId: string): Evidence[] {
  const rows = evidenceOf(db, ehak, edition, objectId, measureId).filter((r) => r.removed_at === null);
  if (rows.length === 0) return [];
  const people = peopleOf(db, rows.map((r) => r.added_by));
  return rows.map((r) => toEvidence(r, people));
}

/** Every addition and removal of the measure's evidence as history events (unordered). */
export function evidenceHistory(db: Db, ehak: string, edition: string, objectId: number, measureId: string): EvidenceHistoryEntry[] {
  const rows = evidenceOf(db, ehak, edition, objectId, measureId);
  const people = peopleOf(db, rows.flatMap((r) => [r.added_by, r.removed_by]));
  const who = (id: number | null) => (id !== null ? people.get(id)! : null);
  const out: EvidenceHistoryEntry[] = [];
  for (const r of rows) {
    const evidence = { id: r.id, kind: r.kind, label: (r.kind === 'file' ? r.file_name : r.url) ?? '', description: r.description };
    out.push({ kind: 'evidence', action: 'added', changedAt: r.added_at, changedBy: who(r.added_by), evidence });
    if (r.removed_at !== null) out.push({ kind: 'evidence', action: 'removed', changedAt: r.removed_at, changedBy: who(r.removed_by), evidence });
  }
  return out;
}

/** Blank or whitespace-only is no description. */
const cleanDescription = (d: string | null | undefined): string | null => d?.trim() || null;

/** The object × measure row evidence belongs to. */
export interface EvidenceTarget {
  ehak: string;
  edition: string;
  objectId: number;
  measureId: string;
}

type Fields = Pick<NewEvidence, 'kind'> & Partial<Pick<NewEvidence, 'url' | 'file_name' | 'storage_key' | 'sha256' | 'size' | 'content_type' | 'description' | 'valid_until'>>;

function insert(db: Db, target: EvidenceTarget, fields: Fields, audit: Record<string, unknown>, actor: Actor): Evidence {
  const row = insertEvidence(db, {
    ehak: target.ehak,
    edition: target.edition,
    object_id: target.objectId,
    measure_id: target.measureId,
    url: null,
    file_name: null,
    storage_key: null,
    sha256: null,
    size: null,
    content_type: null,
    description: null,
    valid_until: null,
    ...fields,
    added_by: actor.id,
  });
  recordAudit(db, {
    actorId: actor.id,
    action: 'measure_evidence.add',
    entity: 'measure_evidence',
    entityId: row.id,
    kov: target.ehak,
    newValue: { measureId: target.measureId, objectId: target.objectId, edition: target.edition, ...audit },
    ip: actor.ip ?? null,
  });
  return toEvidence(row, peopleOf(db, [row.added_by]));
}

export function addUrlEvidence(db: Db, target: EvidenceTarget, link: { url: string; description?: string | null | undefined; validUntil?: string | null | undefined }, actor: Actor): Evidence {
  const { url } = link;
  const description = cleanDescription(link.description);
  const validUntil = link.validUntil ?? null;
  return inTransaction(db, () => insert(db, target, { kind: 'url', url, description, valid_until: validUntil }, { kind: 'url', url, description, validUntil }, actor));
}

/**
 * Stores the file atomically, then records it; if the database write fails the stored file is
 * removed again, so no orphan and no dangling row. The caller has checked the content type.
 */
export function addFileEvidence(
  db: Db,
  filesPath: string,
  target: EvidenceTarget,
  file: { name: string; bytes: Uint8Array; contentType: string; description?: string | null | undefined; validUntil?: string | null | undefined },
  actor: Actor,
): Evidence {
  const stored = storeFile(filesPath, 'evidence', file.bytes, { maxBytes: MAX_EVIDENCE_BYTES });
  const fileName = cleanFileName(file.name);
  const description = cleanDescription(file.description);
  const validUntil = file.validUntil ?? null;
  try {
    return inTransaction(db, () =>
      insert(
        db,
        target,
        { kind: 'file', file_name: fileName, storage_key: stored.storageKey, sha256: stored.sha256, size: stored.size, content_type: file.contentType, description, valid_until: validUntil },
        { kind: 'file', fileName, storageKey: stored.storageKey, sha256: stored.sha256, size: stored.size, contentType: file.contentType, description, validUntil },
        actor,
      ),
    );
  } catch (err) {
    deleteStoredFile(filesPath, stored.storageKey);
    throw err;
  }
}

/**
 * Removes one evidence item of the measure (soft: the row stays for the history, the stored file is
 * kept but no longer served) and audits it. False when there is no such current item.
 */
export function removeEvidence(db: Db, target: EvidenceTarget, id: number, actor: Actor): boolean {
  return inTransaction(db, () => {
    const before = currentEvidence(db, id, target.ehak, target.edition, target.objectId, target.measureId);
    if (!before) return false;
    const after = removeEvidenceRow(db, id, actor.id);
    if (!after) return false;
    recordAudit(db, {
      actorId: actor.id,
      action: 'measure_evidence.remove',
      entity: 'measure_evidence',
      entityId: id,
      kov: target.ehak,
      oldValue: { measureId: target.measureId, objectId: target.objectId, edition: target.edition, kind: before.kind, url: before.url, fileName: before.file_name, description: before.description },
      newValue: { removedAt: after.removed_at },
      ip: actor.ip ?? null,
    });
    return true;
  });
}

/** A file evidence row of this municipality, object and measure, with its storage key; null otherwise (also once removed). */
export function getEvidenceFile(db: Db, ehak: string, objectId: number, measureId: string, id: number): { storageKey: string; fileName: string; contentType: string; size: number } | null {
  const row = evidenceFile(db, id, ehak, objectId, measureId);
  return row ? { storageKey: row.storage_key!, fileName: row.file_name!, contentType: row.content_type!, size: row.size! } : null;
}
