// Reads of app_user that other domains need: names for "changed by" and the like. The users and
// auth domains still query app_user themselves (eslint.config.js lists them as not yet converted);
// when they move here, this becomes the one owner of the table.
import type { Person } from '../contracts/common.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

interface UserNameRow {
  id: number;
  name: string;
}

const NAME = prepared<[number], UserNameRow>('SELECT id, name FROM app_user WHERE id = ?');
const BY_EMAIL = prepared<[string], { id: number }>('SELECT id FROM app_user WHERE email = ?');
const ANY = prepared<[], { one: number }>('SELECT 1 AS one FROM app_user LIMIT 1');

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
