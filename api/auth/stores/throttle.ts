// Login throttling state (table login_throttle): failures and lock per key ("account:…", "ip:…").
// The one module that runs SQL on it; the rules and the BEGIN IMMEDIATE reservations are throttle.ts.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A key's failures and lock (unix seconds). */
export interface ThrottleRow {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

const GET = prepared<[string], ThrottleRow>('SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?');
const PUT = prepared<[string, number, number, number], unknown>(
  `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
   ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
     locked_until = excluded.locked_until`,
);
const DELETE = prepared<[string], unknown>('DELETE FROM login_throttle WHERE key = ?');

export const throttleRow = (db: Db, key: string): ThrottleRow | undefined => GET(db).get(key);

export const putThrottleRow = (db: Db, key: string, row: ThrottleRow): void => void PUT(db).run(key, row.failures, row.last_failure_at, row.locked_until);

export const deleteThrottleRow = (db: Db, key: string): void => void DELETE(db).run(key);
