// The mail outbox (table mail_outbox): the one module that runs SQL on it. Mail is queued by
// outbox.ts inside the transaction of the event that causes it and delivered by sender.ts.
import type { MAIL_KINDS } from '../contracts/mail.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

export type MailKind = (typeof MAIL_KINDS)[number];

export interface NewMailRow {
  kind: MailKind;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  message_id: string;
  created_at: number;
  next_attempt_at: number;
}

/** A mail as the sender needs it. */
export interface OutgoingMailRow {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  message_id: string;
  attempts: number;
}

/** A mail not yet accepted by an SMTP server, for the admin's list. */
export interface UnsentMailRow {
  id: number;
  kind: MailKind;
  to_address: string;
  subject: string;
  text: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

const INSERT = prepared<[NewMailRow], unknown>(
  `INSERT INTO mail_outbox (kind, to_address, subject, text, html, message_id, created_at, next_attempt_at)
   VALUES (@kind, @to_address, @subject, @text, @html, @message_id, @created_at, @next_attempt_at)`,
);
const DUE = prepared<[number, number], { id: number }>(
  'SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?',
);
// A claim moves next_attempt_at to the end of a lease: a second sender (another process) skips the
// mail while the first delivers it, and a sender killed mid-delivery leaves it due again after the lease.
const CLAIM = prepared<[number, number, number], unknown>('UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= ?');
const OUTGOING = prepared<[number], OutgoingMailRow>('SELECT id, to_address, subject, text, html, message_id, attempts FROM mail_outbox WHERE id = ?');
const SENT = prepared<[number, number], unknown>('UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND sent_at IS NULL');
const FAILED = prepared<[number, string, number], unknown>(
  'UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL',
);
const UNSENT = prepared<[number], UnsentMailRow>(
  `SELECT id, kind, to_address, subject, text, created_at, attempts, next_attempt_at, last_error
   FROM mail_outbox WHERE sent_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?`,
);

export const insertMail = (db: Db, row: NewMailRow): void => void INSERT(db).run(row);

/** Ids of unsent mail due at `at`, oldest first. */
export const dueMailIds = (db: Db, at: number, limit: number): number[] => DUE(db).all(at, limit).map((r) => r.id);

/** Takes the mail for delivery until `leaseUntil`; false when another sender has it or it was sent. */
export const claimMail = (db: Db, id: number, at: number, leaseUntil: number): boolean => CLAIM(db).run(leaseUntil, id, at).changes === 1;

export const outgoingMail = (db: Db, id: number): OutgoingMailRow | undefined => OUTGOING(db).get(id);

export const markMailSent = (db: Db, id: number, at: number): void => void SENT(db).run(at, id);

export const markMailFailed = (db: Db, id: number, nextAttemptAt: number, error: string): void => void FAILED(db).run(nextAttemptAt, error, id);

/** Unsent mail, newest first. */
export const unsentMail = (db: Db, limit = 200): UnsentMailRow[] => UNSENT(db).all(limit);
