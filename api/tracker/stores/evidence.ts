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
}

export type NewEvidence = Omit<EvidenceRow, 'id' | 'added_at'>;

const OF_MEASURE = prepared<[string, string, string], EvidenceRow>('SELECT * FROM measure_evidence WHERE ehak = ? AND edition = ? AND measure_id = ? ORDER BY id');
const ONE = prepared<[number], EvidenceRow>('SELECT * FROM measure_evidence WHERE id = ?');
const FILE = prepared<[number, string, string], EvidenceRow>("SELECT * FROM measure_evidence WHERE id = ? AND ehak = ? AND measure_id = ? AND kind = 'file'");
const INSERT = prepared<[NewEvidence], unknown>(
  `INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by)
   VALUES (@ehak, @edition, @measure_id, @kind, @url, @file_name, @storage_key, @sha256, @size, @content_type, @added_by)`,
);
const COPY = prepared<[{ from: string; to: string; ehak: string; id: string }], unknown>(
  `INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at)
   SELECT ehak, @to, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at
   FROM measure_evidence WHERE ehak = @ehak AND edition = @from AND measure_id = @id ORDER BY id`,
);

export const evidenceOf = (db: Db, ehak: string, edition: string, measureId: string): EvidenceRow[] => OF_MEASURE(db).all(ehak, edition, measureId);

/** Inserts a row and returns it as stored. */
export function insertEvidence(db: Db, row: NewEvidence): EvidenceRow {
  const id = Number(INSERT(db).run(row).lastInsertRowid);
  return ONE(db).get(id)!;
}

/** A file row of this municipality and measure, or undefined. */
export const evidenceFile = (db: Db, id: number, ehak: string, measureId: string): EvidenceRow | undefined => FILE(db).get(id, ehak, measureId);

/** Copies the evidence of the given (ehak, measureId) pairs to another edition; returns the rows copied. */
export function copyEvidenceToEdition(db: Db, from: string, to: string, pairs: ReadonlyArray<readonly [string, string]>): number {
  let n = 0;
  for (const [ehak, id] of pairs) n += COPY(db).run({ from, to, ehak, id }).changes;
  return n;
}
