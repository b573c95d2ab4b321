// "Minu ülesanded": the measures a user owns in every municipality they can still see, that still
// need work, overdue first and then by due date. Facts come from the reference, as in the list.
import { canReadKov } from '../auth/rules.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { MyTask } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { tallinnToday } from '../lib/today.ts';
import { effectiveStatus, entryKey, isOverdue } from './engine.ts';
import { deliveredOf, kovOf, scopeOf } from './reference.ts';
import { ownedOpenStatuses, type DatedStatusRow } from './stores/status.ts';

/** Orders tasks: overdue first, then by due date (none last), then municipality and measure. */
export function compareTasks(a: MyTask, b: MyTask): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate < b.dueDate ? -1 : 1;
  return a.kovName.localeCompare(b.kovName, 'et') || a.measureId.localeCompare(b.measureId);
}

/**
 * The owned records as tasks: only measures in the municipality's current scope and edition (a record
 * left in an old edition is no work), and not those a provider delivers (shared service or solution model).
 */
export function tasksOf(db: Db, rows: readonly DatedStatusRow[], today = tallinnToday()): MyTask[] {
  const out: MyTask[] = [];
  for (const r of rows) {
    const scope = scopeOf(db, r.ehak);
    const entry = scope?.byKey.get(entryKey(r.object_id, r.measure_id));
    if (!scope || !entry || entry.facts.edition !== r.edition) continue;
    const onOrganisation = r.object_id === scope.organisationId;
    const status = effectiveStatus(r.status, deliveredOf(db, r.ehak).has(entry.key));
    if (status === 'implemented') continue;
    out.push({
      ehak: r.ehak,
      kovName: kovOf(db, r.ehak)?.name ?? r.ehak,
      measureId: r.measure_id,
      title: entry.facts.title,
      objectId: r.object_id,
      objectName: onOrganisation ? null : (scope.objects.find((o) => o.id === r.object_id)?.name ?? null),
      status,
      dueDate: r.due_date,
      overdue: isOverdue(r.due_date, status, today),
    });
  }
  return out.sort(compareTasks);
}

/** The signed-in user's tasks, in municipalities they may still read. */
export function myTasks(db: Db, user: Pick<SessionUser, 'id' | 'role' | 'kovs'>, today = tallinnToday()): MyTask[] {
  return tasksOf(db, ownedOpenStatuses(db, user.id).filter((r) => canReadKov(user, r.ehak)), today);
}
