// The one owner of app_user and user_kov: the accounts, their passwords and their municipalities.
// Sign-in, sessions, the admin API, the CLI and other domains' "changed by" names all ask here.
import type { Person } from '../contracts/common.ts';
import type { Role } from '../contracts/auth.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

interface UserNameRow {
  id: number;
  name: string;
}

/** What the session check needs of a user (with userKovs). */
export interface UserAuthRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  access_expires_on: string | null;
  disabled_at: string | null;
}

/** What a password sign-in needs of a user, found by e-mail. */
export interface LoginRow {
  id: number;
  password_hash: string | null;
  disabled_at: string | null;
  access_expires_on: string | null;
}

/** What a TARA sign-in needs of a user, found by personal code. */
export type TaraUserRow = Omit<LoginRow, 'password_hash'>;

/** A user as the admin list shows it, with the latest session activity. */
export interface UserListRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  personal_code: string | null;
  access_expires_on: string | null;
  disabled_at: string | null;
  has_password: number;
  kov_head: number;
  created_at: string;
  last_seen_at: number | null;
}

export interface NewUserRow {
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  personal_code: string | null;
  access_expires_on: string | null;
}

export interface UserChange {
  id: number;
  name: string;
  role: string;
  access_expires_on: string | null;
  personal_code: string | null;
  disabled_at: string | null;
}

const LIST = `SELECT u.id, u.email, u.name, u.role, u.personal_code, u.access_expires_on, u.disabled_at,
  u.password_hash IS NOT NULL AS has_password, u.kov_head, u.created_at,
  (SELECT max(last_used_at) FROM session s WHERE s.user_id = u.id) AS last_seen_at FROM app_user u`;

const NAME = prepared<[number], UserNameRow>('SELECT id, name FROM app_user WHERE id = ?');
const BY_EMAIL = prepared<[string], { id: number }>('SELECT id FROM app_user WHERE email = ?');
const ANY = prepared<[], { one: number }>('SELECT 1 AS one FROM app_user LIMIT 1');
const AUTH = prepared<[number], UserAuthRow>('SELECT id, email, name, role, access_expires_on, disabled_at FROM app_user WHERE id = ?');
const KOVS = prepared<[number], string>('SELECT ehak FROM user_kov WHERE user_id = ? ORDER BY ehak');
const LOGIN = prepared<[string], LoginRow>('SELECT id, password_hash, disabled_at, access_expires_on FROM app_user WHERE email = ?');
const TARA = prepared<[string], TaraUserRow>('SELECT id, disabled_at, access_expires_on FROM app_user WHERE personal_code = ?');
const EMAIL = prepared<[number], { email: string }>('SELECT email FROM app_user WHERE id = ?');
const PASSWORD = prepared<[number], { password_hash: string | null }>('SELECT password_hash FROM app_user WHERE id = ?');
const KOV_HEAD = prepared<[number], { kov_head: number }>('SELECT kov_head FROM app_user WHERE id = ?');
const SET_KOV_HEAD = prepared<[number, number], unknown>('UPDATE app_user SET kov_head = ? WHERE id = ?');
const SET_PASSWORD = prepared<[string, number], unknown>('UPDATE app_user SET password_hash = ? WHERE id = ?');
const ALL = prepared<[], UserListRow>(`${LIST} ORDER BY u.name COLLATE NOCASE, u.id`);
const ONE = prepared<[number], UserListRow>(`${LIST} WHERE u.id = ?`);
const CODE_TAKEN = prepared<[string, number | null], { one: number }>('SELECT 1 AS one FROM app_user WHERE personal_code = ? AND id IS NOT ?');
const DISABLED_AT = prepared<[number], { disabled_at: string | null }>('SELECT disabled_at FROM app_user WHERE id = ?');
const INSERT = prepared<[NewUserRow], unknown>(
  `INSERT INTO app_user (email, name, role, password_hash, personal_code, access_expires_on)
   VALUES (@email, @name, @role, @password_hash, @personal_code, @access_expires_on)`,
);
const UPDATE = prepared<[UserChange], unknown>(
  `UPDATE app_user SET name = @name, role = @role, access_expires_on = @access_expires_on, personal_code = @personal_code,
   disabled_at = @disabled_at WHERE id = @id`,
);
const ACTIVE_ADMINS = prepared<[], { n: number }>("SELECT count(*) AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL");
const ACTIVE_BY_ROLE = prepared<[string, number], { id: number }>(
  "SELECT id FROM app_user WHERE role = ? AND disabled_at IS NULL ORDER BY (email LIKE '%demo%') DESC, id LIMIT ?",
);
const RECIPIENTS_BY_ROLE = prepared<[string], UserAuthRow>(
  'SELECT id, email, name, role, access_expires_on, disabled_at FROM app_user WHERE role = ? AND disabled_at IS NULL ORDER BY id',
);
const OPEN_WITH_KOVS = prepared<[], UserAuthRow & { kovs: string | null }>(
  `SELECT id, email, name, role, access_expires_on, disabled_at, (SELECT group_concat(ehak) FROM user_kov k WHERE k.user_id = u.id) AS kovs
   FROM app_user u WHERE disabled_at IS NULL ORDER BY name COLLATE NOCASE, id`,
);
const SPECIALISTS_OF = prepared<[string], UserAuthRow>(
  `SELECT u.id, u.email, u.name, u.role, u.access_expires_on, u.disabled_at FROM app_user u JOIN user_kov k ON k.user_id = u.id
   WHERE k.ehak = ? AND u.role = 'specialist' AND u.disabled_at IS NULL ORDER BY u.id`,
);
const DIGEST_OF = prepared<[number], { weekly_digest: number }>('SELECT weekly_digest FROM app_user WHERE id = ?');
const SET_DIGEST = prepared<[number, number], unknown>('UPDATE app_user SET weekly_digest = ? WHERE id = ?');
const DIGEST_RECIPIENTS = prepared<[], UserAuthRow>(
  'SELECT id, email, name, role, access_expires_on, disabled_at FROM app_user WHERE weekly_digest = 1 AND disabled_at IS NULL ORDER BY id',
);
const CLEAR_KOVS = prepared<[number], unknown>('DELETE FROM user_kov WHERE user_id = ?');
const ADD_KOV = prepared<[number, string], unknown>('INSERT INTO user_kov (user_id, ehak) VALUES (?, ?)');

/** The user as a Person; an id without a user (never, with the foreign keys) keeps an empty name. */
export function personOf(db: Db, id: number | null): Person | null {
  if (id === null) return null;
  return { id, name: NAME(db).get(id)?.name ?? '' };
}

/** Persons of many ids, each looked up once. */
export function peopleOf(db: Db, ids: Iterable<number | null>): Map<number, Person> {
  const out = new Map<number, Person>();
  for (const id of ids) if (id !== null && !out.has(id)) out.set(id, personOf(db, id)!);
  return out;
}

/** The lowest id among users with these e-mail addresses, or null. */
export function firstUserIdByEmail(db: Db, emails: readonly string[]): number | null {
  const ids = emails.map((e) => BY_EMAIL(db).get(e)?.id).filter((id): id is number => id !== undefined);
  return ids.length ? Math.min(...ids) : null;
}

export const hasUsers = (db: Db): boolean => ANY(db).get() !== undefined;

export const emailTaken = (db: Db, email: string): boolean => BY_EMAIL(db).get(email) !== undefined;

/** Whether another user than `exceptId` (null: any user) has this personal code. */
export const personalCodeTaken = (db: Db, code: string, exceptId: number | null = null): boolean => CODE_TAKEN(db).get(code, exceptId) !== undefined;

export const userAuthRow = (db: Db, id: number): UserAuthRow | undefined => AUTH(db).get(id);

/** The user's municipalities (EHAK codes), sorted. */
export const userKovs = (db: Db, userId: number): string[] => KOVS(db).pluck().all(userId);

export const loginRowByEmail = (db: Db, email: string): LoginRow | undefined => LOGIN(db).get(email);

export const userByPersonalCode = (db: Db, code: string): TaraUserRow | undefined => TARA(db).get(code);

export const emailOf = (db: Db, id: number): string | undefined => EMAIL(db).get(id)?.email;

/** The stored PHC hash; null without a password (or without the user). */
export const passwordHashOf = (db: Db, id: number): string | null => PASSWORD(db).get(id)?.password_hash ?? null;

/** Whether the user is the head of the municipalities assigned to them (confirms reporting-period submissions). */
export const isKovHead = (db: Db, id: number): boolean => KOV_HEAD(db).get(id)?.kov_head === 1;
export const setKovHead = (db: Db, id: number, head: boolean): void => void SET_KOV_HEAD(db).run(head ? 1 : 0, id);

export const setPasswordHash = (db: Db, id: number, hash: string): void => void SET_PASSWORD(db).run(hash, id);

/** Every user, by name (ASCII letters case-insensitive), then id. */
export const userListRows = (db: Db): UserListRow[] => ALL(db).all();

export const userListRow = (db: Db, id: number): UserListRow | undefined => ONE(db).get(id);

export const disabledAtOf = (db: Db, id: number): string | null => DISABLED_AT(db).get(id)?.disabled_at ?? null;

/** Inserts a user and returns the new id. */
export const insertUser = (db: Db, row: NewUserRow): number => Number(INSERT(db).run(row).lastInsertRowid);

export const updateUserRow = (db: Db, change: UserChange): void => void UPDATE(db).run(change);

/** Up to `limit` active users with the role, demo accounts first (the seeders' actors). */
export const activeUserIdsByRole = (db: Db, role: string, limit: number): number[] => ACTIVE_BY_ROLE(db).all(role, limit).map((r) => r.id);

/** Users with the role whose account is not closed (the caller checks access expiry), by id: mail recipients. */
export const openUsersByRole = (db: Db, role: string): UserAuthRow[] => RECIPIENTS_BY_ROLE(db).all(role);

/** The user's id by (normalised) e-mail address. */
export const userIdByEmail = (db: Db, email: string): number | undefined => BY_EMAIL(db).get(email)?.id;

export const activeAdminCount = (db: Db): number => ACTIVE_ADMINS(db).get()!.n;

/** Replaces the user's municipalities (duplicates once). */
export function setUserKovs(db: Db, userId: number, kovs: readonly string[]): void {
  CLEAR_KOVS(db).run(userId);
  for (const k of [...new Set(kovs)]) ADD_KOV(db).run(userId, k);
}

/** Every account not closed, with its municipalities: the candidates for owning a measure. */
export function openUsersWithKovs(db: Db): Array<UserAuthRow & { kovs: string[] }> {
  return OPEN_WITH_KOVS(db)
    .all()
    .map((r) => ({ ...r, kovs: r.kovs ? r.kovs.split(',') : [] }));
}

/** The municipality's specialists whose accounts are not closed (reminders of its reporting deadline). */
export const openSpecialistsOf = (db: Db, ehak: string): UserAuthRow[] => SPECIALISTS_OF(db).all(ehak);

/** Whether the user wants the weekly digest (on unless turned off). */
export const weeklyDigestOf = (db: Db, id: number): boolean => DIGEST_OF(db).get(id)?.weekly_digest !== 0;
export const setWeeklyDigest = (db: Db, id: number, on: boolean): void => void SET_DIGEST(db).run(on ? 1 : 0, id);

/** Accounts not closed that take the weekly digest. */
export const digestRecipients = (db: Db): UserAuthRow[] => DIGEST_RECIPIENTS(db).all();
