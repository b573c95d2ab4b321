// Imports, saved column mappings and first-steps answers (tables status_import, import_mapping,
// first_steps_answer): the one module that runs SQL on them.
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

export interface StatusImportRow {
  id: number;
  ehak: string;
  file_name: string;
  format: 'plan' | 'mapped' | 'ciso' | 'first_steps';
  state: 'preview' | 'applied' | 'undone';
  preview: string;
  applied: string | null;
  created_by: number | null;
  created_at: string;
  applied_by: number | null;
  applied_at: string | null;
  undone_by: number | null;
  undone_at: string | null;
}

type NewImport = Pick<StatusImportRow, 'ehak' | 'file_name' | 'format' | 'preview' | 'created_by'>;
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

const INSERT = prepared<[NewImport], unknown>(
  'INSERT INTO status_import (ehak, file_name, format, preview, created_by) VALUES (@ehak, @file_name, @format, @preview, @created_by)',
);
const ONE = prepared<[string, number], StatusImportRow>('SELECT * FROM status_import WHERE ehak = ? AND id = ?');
const APPLIED = prepared<[{ id: number; applied: string; by: number | null }], unknown>(
  `UPDATE status_import SET state = 'applied', applied = @applied, applied_by = @by, applied_at = ${NOW} WHERE id = @id AND state = 'preview'`,
);
const UNDONE = prepared<[{ id: number; by: number | null }], unknown>(
  `UPDATE status_import SET state = 'undone', undone_by = @by, undone_at = ${NOW} WHERE id = @id AND state = 'applied'`,
);
const MAPPING = prepared<[string], { mapping: string }>('SELECT mapping FROM import_mapping WHERE ehak = ?');
const SAVE_MAPPING = prepared<[{ ehak: string; mapping: string; by: number | null }], unknown>(
  `INSERT INTO import_mapping (ehak, mapping, updated_by) VALUES (@ehak, @mapping, @by)
   ON CONFLICT (ehak) DO UPDATE SET mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = ${NOW}`,
);
const ANSWERS = prepared<[string], { question_id: string; answer: string }>('SELECT question_id, answer FROM first_steps_answer WHERE ehak = ? ORDER BY question_id');
const SET_ANSWER = prepared<[{ ehak: string; question: string; answer: string; by: number | null }], unknown>(
  `INSERT INTO first_steps_answer (ehak, question_id, answer, updated_by) VALUES (@ehak, @question, @answer, @by)
   ON CONFLICT (ehak, question_id) DO UPDATE SET answer = excluded.answer, updated_by = excluded.updated_by, updated_at = ${NOW}`,
);
const CLEAR_ANSWER = prepared<[string, string], unknown>('DELETE FROM first_steps_answer WHERE ehak = ? AND question_id = ?');

export const insertImport = (db: Db, row: NewImport): number => Number(INSERT(db).run(row).lastInsertRowid);
export const importRow = (db: Db, ehak: string, id: number): StatusImportRow | undefined => ONE(db).get(ehak, id);
/** Marks a previewed import applied; false when it was not in preview any more. */
export const markApplied = (db: Db, id: number, applied: string, by: number | null): boolean => APPLIED(db).run({ id, applied, by }).changes === 1;
export const markUndone = (db: Db, id: number, by: number | null): boolean => UNDONE(db).run({ id, by }).changes === 1;

export const savedMapping = (db: Db, ehak: string): string | undefined => MAPPING(db).get(ehak)?.mapping;
export const saveMapping = (db: Db, ehak: string, mapping: string, by: number | null): void => void SAVE_MAPPING(db).run({ ehak, mapping, by });

export const answerRows = (db: Db, ehak: string) => ANSWERS(db).all(ehak);
export const setAnswer = (db: Db, ehak: string, question: string, answer: string, by: number | null): void => void SET_ANSWER(db).run({ ehak, question, answer, by });
export const clearAnswer = (db: Db, ehak: string, question: string): void => void CLEAR_ANSWER(db).run(ehak, question);
