// Evidence of a measure's implementation on a target object (table measure_evidence): links, or
// files kept in the shared file store under `storage_key`. The one module that runs SQL on measure_evidence.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of measure_evidence. */
export interface EvidenceRow {
  id: number;
  ehak: string;
  edition: string;
  object_id: number;
  measure_id: string;
  kind: 'url' | 'file';
  url: string | null;
  file_name: string | null;
  storage_key: string | null;
  sha256: string | null;
  size: number | null;
  content_type: string | null;
  added_by: number | null;
  added_at: string;
  /** Optional words on what the evidence shows (≤ 1000 characters). */
  description: string | null;
  /** Soft removal: set once, the row then stays only for the history. */
  removed_at: string | null;
  removed_by: number | null;
  /** ISO date the evidence stops being valid ("kehtib kuni"), or null. */
  valid_until: string | null;
}

export type NewEvidence = Omit<EvidenceRow, 'id' | 'added_at' | 'removed_at' | 'removed_by'>;
/** Evidence whose validity ends, as the reminders need it. */
export type ExpiringEvidenceRow = Pick<EvidenceRow, 'id' | 'ehak' | 'edition' | 'object_id' | 'measure_id' | 'kind' | 'url' | 'file_name' | 'valid_until'>;

const OF_MEASURE = prepared<[string, string, number, string], EvidenceRow>(
  'SELECT * FROM measure_evidence WHERE ehak = ? AND edition = ? AND object_id = ? AND measure_id = ? ORDER BY id',
);
const ONE = prepared<[number], EvidenceRow>('SELECT * FROM measure_evidence WHERE id = ?');
const CURRENT = prepared<[number, string, string, number, string], EvidenceRow>(
  'SELECT * FROM measure_evidence WHERE id = ? AND ehak = ? AND edition = ? AND object_id = ? AND measure_id = ? AND removed_at IS NULL',
);
const FILE = prepared<[number, string, number, string], EvidenceRow>(
  "SELECT * FROM measure_evidence WHERE id = ? AND ehak = ? AND object_id = ? AND measure_id = ? AND kind = 'file' AND removed_at IS NULL",
);
const INSERT = prepared<[NewEvidence], unknown>(
  `INSERT INTO measure_evidence (ehak, edition, object_id, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, description, valid_until)
   VALUES (@ehak, @edition, @object_id, @measure_id, @kind, @url, @file_name, @storage_key, @sha256, @size, @content_type, @added_by, @description, @valid_until)`,
);
const EXPIRING = prepared<[string], ExpiringEvidenceRow>(
  'SELECT id, ehak, edition, object_id, measure_id, kind, url, file_name, valid_until FROM measure_evidence WHERE removed_at IS NULL AND valid_until IS NOT NULL AND valid_until <= ?',
);
const REMOVE = prepared<[{ id: number; by: number | null }], unknown>(
  `UPDATE measure_evidence SET removed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), removed_by = @by WHERE id = @id AND removed_at IS NULL`,
);
const COPY = prepared<[{ from: string; to: string; ehak: string; object: number; id: string }], unknown>(
  `INSERT INTO measure_evidence (ehak, edition, object_id, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at, description, removed_at, removed_by, valid_until)
   SELECT ehak, @to, object_id, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at, description, removed_at, removed_by, valid_until
   FROM measure_evidence WHERE ehak = @ehak AND edition = @from AND object_id = @object AND measure_id = @id ORDER BY id`,
);
const OF_OBJECT = prepared<[number], { one: number }>('SELECT 1 AS one FROM measure_evidence WHERE object_id = ? LIMIT 1');

/** Every evidence row of the measure, removed ones included (the history needs them), oldest first. */
export const evidenceOf = (db: Db, ehak: string, edition: string, objectId: number, measureId: string): EvidenceRow[] =>
  OF_MEASURE(db).all(ehak, edition, objectId, measureId);

/** A row of this municipality, edition, object and measure that has not been removed, or undefined. */
export const currentEvidence = (db: Db, id: number, ehak: string, edition: string, objectId: number, measureId: string): EvidenceRow | undefined =>
  CURRENT(db).get(id, ehak, edition, objectId, measureId);

/** Whether any evidence (removed included) was recorded on the target object. */
export const objectHasEvidence = (db: Db, objectId: number): boolean => OF_OBJECT(db).get(objectId) !== undefined;

/** Marks the row removed by `by` now; returns it as stored, or undefined when it was removed already. */
export function removeEvidenceRow(db: Db, id: number, by: number | null): EvidenceRow | undefined {
  return REMOVE(db).run({ id, by }).changes === 1 ? ONE(db).get(id) : undefined;
}

/** Current evidence whose validity ends on or before `until` (ISO date). */
export const evidenceExpiringBy = (db: Db, until: string): ExpiringEvidenceRow[] => EXPIRING(db).all(until);

/** Inserts a row and returns it as stored. */
export function insertEvidence(db: Db, row: NewEvidence): EvidenceRow {
  const id = Number(INSERT(db).run(row).lastInsertRowid);
  return ONE(db).get(id)!;
}

/** A file row of this municipality, object and measure that has not been removed, or undefined. */
export const evidenceFile = (db: Db, id: number, ehak: string, objectId: number, measureId: string): EvidenceRow | undefined => FILE(db).get(id, ehak, objectId, measureId);

/** Copies the evidence of the given (ehak, objectId, measureId) triples to another edition; returns the rows copied. */
export function copyEvidenceToEdition(db: Db, from: string, to: string, pairs: ReadonlyArray<readonly [string, number, string]>): number {
  let n = 0;
  for (const [ehak, object, id] of pairs) n += COPY(db).run({ from, to, ehak, object, id }).changes;
  return n;
}
