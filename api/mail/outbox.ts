// Queueing mail: called INSIDE the transaction of the event that causes it (an invitation, a password
// reset, a template submitted or decided), so the mail exists exactly when the event does. Delivery is
// the sender's job (sender.ts); nothing here talks to an SMTP server.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { MailContent } from './messages.ts';
import { insertMail, type MailKind } from './store.ts';

export interface QueuedMail extends MailContent {
  kind: MailKind;
  to: string;
}

/** The Message-ID a mail keeps on every delivery attempt: <uuid@host of PUBLIC_ORIGIN>. */
export function messageIdFor(publicOrigin: string): string {
  return `<${randomUUID()}@${new URL(publicOrigin).hostname.replace(/^\[|\]$/g, '')}>`;
}

/** Adds the mail to the outbox; throws outside a transaction, where a crash could lose the mail or the event. */
export function queueMail(db: Db, publicOrigin: string, mail: QueuedMail, at = Math.floor(Date.now() / 1000)): void {
  if (!db.inTransaction) throw new Error('queueMail runs inside the transaction of the event that causes the mail');
  insertMail(db, {
    kind: mail.kind,
    to_address: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    message_id: messageIdFor(publicOrigin),
    created_at: at,
    next_attempt_at: at,
  });
}
