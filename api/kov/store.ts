// The municipalities (table kov): reference data from data/kov.csv. The one module that runs SQL
// on kov; everything else asks here or reads the tracker's in-memory reference.
import type { Kov } from '../contracts/kov.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

/** A row of kov (the columns are the contract's fields). */
export type KovRow = Kov;

const ALL = prepared<[], KovRow>('SELECT ehak, name, type, county FROM kov ORDER BY name COLLATE NOCASE');
const COUNT = prepared<[], { n: number }>('SELECT count(*) AS n FROM kov');
const EXISTS = prepared<[string], { one: number }>('SELECT 1 AS one FROM kov WHERE ehak = ?');
const UPSERT = prepared<[KovRow], unknown>(
  `INSERT INTO kov (ehak, name, type, county) VALUES (@ehak, @name, @type, @county)
   ON CONFLICT (ehak) DO UPDATE SET name = excluded.name, type = excluded.type, county = excluded.county`,
);

/** Every municipality, by name (ASCII letters case-insensitive, as SQLite's NOCASE). */
export const allKovs = (db: Db): KovRow[] => ALL(db).all();

export const kovCount = (db: Db): number => COUNT(db).get()!.n;

export const kovExists = (db: Db, ehak: string): boolean => EXISTS(db).get(ehak) !== undefined;

/** Inserts or updates the municipalities, all or none. */
export function upsertKovs(db: Db, rows: readonly KovRow[]): void {
  inTransaction(db, () => {
    for (const r of rows) UPSERT(db).run(r);
  });
}
