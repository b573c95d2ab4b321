// Sessions (table session): the one module that runs SQL on it. The token's secret is never stored,
// only its SHA-256 (sessions.ts); this store keeps rows, not rules.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** What the session check reads of a session. */
export interface SessionRow {
  id: string;
  secret_hash: Buffer;
  user_id: number;
  created_at: number;
  last_used_at: number;
  expires_at: number;
}

/** A new session's row. */
export interface NewSessionRow extends SessionRow {
  user_agent: string | null;
  ip: string | null;
}

/** A session as its owner's list shows it. */
export type SessionListRow = Omit<NewSessionRow, 'secret_hash' | 'user_id'>;

const INSERT = prepared<[NewSessionRow], unknown>(
  `INSERT INTO session (id, secret_hash, user_id, created_at, last_used_at, expires_at, user_agent, ip)
   VALUES (@id, @secret_hash, @user_id, @created_at, @last_used_at, @expires_at, @user_agent, @ip)`,
);
const ONE = prepared<[string], SessionRow>('SELECT id, secret_hash, user_id, created_at, last_used_at, expires_at FROM session WHERE id = ?');
const OF_USER = prepared<[number], SessionListRow>(
  'SELECT id, created_at, last_used_at, expires_at, user_agent, ip FROM session WHERE user_id = ? ORDER BY last_used_at DESC, created_at DESC',
);
const OWNED = prepared<[string, number], { one: number }>('SELECT 1 AS one FROM session WHERE id = ? AND user_id = ?');
const TOUCH = prepared<[number, number, string], unknown>('UPDATE session SET last_used_at = ?, expires_at = ? WHERE id = ?');
const DELETE = prepared<[string], unknown>('DELETE FROM session WHERE id = ?');
const DELETE_OF_USER = prepared<[number], unknown>('DELETE FROM session WHERE user_id = ?');

export const insertSession = (db: Db, row: NewSessionRow): void => void INSERT(db).run(row);

export const sessionRow = (db: Db, id: string): SessionRow | undefined => ONE(db).get(id);

/** The user's sessions, most recently used first. */
export const sessionsOfUser = (db: Db, userId: number): SessionListRow[] => OF_USER(db).all(userId);

export const sessionOwnedBy = (db: Db, id: string, userId: number): boolean => OWNED(db).get(id, userId) !== undefined;

/** Records use of the session and its (possibly renewed) expiry. */
export const touchSession = (db: Db, id: string, lastUsedAt: number, expiresAt: number): void => void TOUCH(db).run(lastUsedAt, expiresAt, id);

export const deleteSessionRow = (db: Db, id: string): void => void DELETE(db).run(id);

/** Deletes every session of the user; returns how many there were. */
export const deleteSessionsOfUser = (db: Db, userId: number): number => DELETE_OF_USER(db).run(userId).changes;
