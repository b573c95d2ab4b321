// The reminders sent (table notification_sent): the one module that runs SQL on it. A row is claimed in
// the transaction that queues the reminder's mail, so a reminder goes out once per occasion, whichever
// process (the server's scheduler, the CLI) runs first and however often they run.
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

export const NOTIFICATION_KINDS = ['measure_due', 'measure_overdue', 'evidence_expiry', 'risk_review', 'period_deadline', 'weekly_digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const CLAIM = prepared<[string, string, string], unknown>('INSERT INTO notification_sent (kind, subject, occasion) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');

/** Records the occasion; false when it was recorded before (the reminder went out already). */
export const claimOccasion = (db: Db, kind: NotificationKind, subject: string, occasion: string): boolean => CLAIM(db).run(kind, subject, occasion).changes === 1;
