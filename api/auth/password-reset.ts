// "Unustasin parooli": a user asks for a one-time link by e-mail address. The answer never says whether
// the address is known (202 either way); only an active account gets a link, which is the invitation
// mechanism with a lifetime of an hour (a new one revokes earlier ones; completing it ends every session
// of the user: invitation-routes.ts). The request, known or not, is throttled per address and per
// client address before anything else, and audited.
import { recordAudit } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { passwordResetMail } from '../mail/messages.ts';
import { queueMail } from '../mail/outbox.ts';
import { normaliseEmail } from '../users/validation.ts';
import { userAuthRow, userIdByEmail } from '../users/store.ts';
import { invitationLink, issueInvitation } from './invitations.ts';
import { ThrottledError } from './password-check.ts';
import { accountActive } from './sessions.ts';
import { reserveAttempt, resetAccountKey, resetIpKey } from './throttle.ts';

/** Queues the reset mail for an active account with this address; throws ThrottledError over the limit. */
export function requestPasswordReset(db: Db, publicOrigin: string, emailInput: string, ip: string): void {
  const email = normaliseEmail(emailInput);
  const reservation = reserveAttempt(db, [resetAccountKey(email), resetIpKey(ip)]);
  if ('retryAfter' in reservation) throw new ThrottledError(reservation.retryAfter, 'parooli lähtestamise taotlusi');
  inTransaction(db, () => {
    const id = userIdByEmail(db, email);
    const user = id === undefined ? undefined : userAuthRow(db, id);
    if (!user || !accountActive(user)) {
      // Audited with the address typed, so a run of guesses shows in the log; nothing is sent.
      recordAudit(db, { actorId: null, action: 'password_reset.request', entity: 'app_user', entityId: user?.id ?? null, newValue: { email, sent: false }, ip });
      return;
    }
    const invitation = issueInvitation(db, user.id, null, 'reset');
    const link = invitationLink(publicOrigin, invitation.token);
    queueMail(db, publicOrigin, { kind: 'password_reset', to: user.email, ...passwordResetMail({ name: user.name, link, expiresAt: invitation.expiresAt }) });
    recordAudit(db, { actorId: null, action: 'password_reset.request', entity: 'app_user', entityId: user.id, newValue: { email, sent: true }, ip });
  });
}
