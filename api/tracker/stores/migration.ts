// The log of catalogue edition migrations (table edition_migration), one row per run with its report.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of edition_migration; report is the JSON of the migration report. */
export interface EditionMigrationRow {
  id: number;
  from_edition: string;
  to_edition: string;
  at: string;
  report: string;
}

const INSERT = prepared<[Omit<EditionMigrationRow, 'id'>], unknown>(
  'INSERT INTO edition_migration (from_edition, to_edition, at, report) VALUES (@from_edition, @to_edition, @at, @report)',
);

export const insertMigration = (db: Db, row: Omit<EditionMigrationRow, 'id'>): number => Number(INSERT(db).run(row).lastInsertRowid);
