// Who may own a measure: an open account that can see the municipality (the one rule in
// api/auth/rules.ts decides "can see"). The picker lists them; a write naming anyone else is refused.
import { accountActive } from '../auth/sessions.ts';
import { canReadKov } from '../auth/rules.ts';
import type { Person } from '../contracts/common.ts';
import type { Db } from '../db/database.ts';
import { openUsersWithKovs, userAuthRow, userKovs } from '../users/store.ts';

/** Accounts that may own a measure of the municipality, by name. */
export function assignableUsers(db: Db, ehak: string): Person[] {
  return openUsersWithKovs(db)
    .filter((u) => accountActive(u) && canReadKov(u, ehak))
    .map((u) => ({ id: u.id, name: u.name }));
}

/** Whether the user may own a measure of the municipality now. */
export function canOwn(db: Db, userId: number, ehak: string): boolean {
  const u = userAuthRow(db, userId);
  return !!u && accountActive(u) && canReadKov({ role: u.role, kovs: userKovs(db, userId) }, ehak);
}

export const NOT_ASSIGNABLE = 'Vastutajaks saab määrata ainult kasutaja, kes näeb selle omavalitsuse andmeid.';
