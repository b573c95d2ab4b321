// Evidence of a measure's implementation (table measure_evidence): links, or files kept in the
// shared file store under `storage_key`. The one module that runs SQL on measure_evidence.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of measure_evidence. */
export interface EvidenceRow {
  id: number;
  ehak: string;
  edition: string;
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
export type ExpiringEvidenceRow = Pick<EvidenceRow, 'id' | 'ehak' | 'edition' | 'measure_id' | 'kind' | 'url' | 'file_name' | 'valid_until'>;

const OF_MEASURE = prepared<[string, string, string], EvidenceRow>('SELECT * FROM measure_evidence WHERE ehak = ? AND edition = ? AND measure_id = ? ORDER BY id');
const ONE = prepared<[number], EvidenceRow>('SELECT * FROM measure_evidence WHERE id = ?');
const CURRENT = prepared<[number, string, string, string], EvidenceRow>(
  'SELECT * FROM measure_evidence WHERE id = ? AND ehak = ? AND edition = ? AND measure_id = ? AND removed_at IS NULL',
);
const FILE = prepared<[number, string, string], EvidenceRow>("SELECT * FROM measure_evidence WHERE id = ? AND ehak = ? AND measure_id = ? AND kind = 'file' AND removed_at IS NULL");
const INSERT = prepared<[NewEvidence], unknown>(
  `INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, description, valid_until)
   VALUES (@ehak, @edition, @measure_id, @kind, @url, @file_name, @storage_key, @sha256, @size, @content_type, @added_by, @description, @valid_until)`,
);
const EXPIRING = prepared<[string], ExpiringEvidenceRow>(
  'SELECT id, ehak, edition, measure_id, kind, url, file_name, valid_until FROM measure_evidence WHERE removed_at IS NULL AND valid_until IS NOT NULL AND valid_until <= ?',
);
const REMOVE = prepared<[{ id: number; by: number | null }], unknown>(
  `UPDATE measure_evidence SET removed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), removed_by = @by WHERE id = @id AND removed_at IS NULL`,
);
const COPY = prepared<[{ from: string; to: string; ehak: string; id: string }], unknown>(
  `INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at, description, removed_at, removed_by, valid_until)
   SELECT ehak, @to, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at, description, removed_at, removed_by, valid_until
   FROM measure_evidence WHERE ehak = @ehak AND edition = @from AND measure_id = @id ORDER BY id`,
);

/** Every evidence row of the measure, removed ones included (the history needs them), oldest first. */
export const evidenceOf = (db: Db, ehak: string, edition: string, measureId: string): EvidenceRow[] => OF_MEASURE(db).all(ehak, edition, measureId);

/** A row of this municipality, edition and measure that has not been removed, or undefined. */
export const currentEvidence = (db: Db, id: number, ehak: string, edition: string, measureId: string): EvidenceRow | undefined =>
  CURRENT(db).get(id, ehak, edition, measureId);

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

/** A file row of this municipality and measure that has not been removed, or undefined. */
export const evidenceFile = (db: Db, id: number, ehak: string, measureId: string): EvidenceRow | undefined => FILE(db).get(id, ehak, measureId);

/** Copies the evidence of the given (ehak, measureId) pairs to another edition; returns the rows copied. */
export function copyEvidenceToEdition(db: Db, from: string, to: string, pairs: ReadonlyArray<readonly [string, string]>): number {
  let n = 0;
  for (const [ehak, id] of pairs) n += COPY(db).run({ from, to, ehak, id }).changes;
  return n;
}
