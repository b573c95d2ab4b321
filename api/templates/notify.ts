// The working group's mail: a submitted version asks every active reviewer for a decision; a decided
// version (approved, or closed as rejected) tells its submitter. Called inside the workflow's
// transactions (workflow.ts), so a mail exists exactly when its event does.
import { accountActive } from '../auth/sessions.ts';
import type { Db } from '../db/database.ts';
import { reviewRequestedMail, versionDecidedMail } from '../mail/messages.ts';
import { queueMail } from '../mail/outbox.ts';
import { openUsersByRole, userAuthRow } from '../users/store.ts';

/** Where a reviewer (or the submitter) opens the template: its review page. */
export const reviewLink = (publicOrigin: string, templateId: number) => `${publicOrigin}/mallid/ulevaatus/?id=${templateId}`;

/** "ootab sinu otsust" to every reviewer whose account is open, except the submitter (who cannot vote on it). */
export function notifyReviewers(db: Db, publicOrigin: string, v: { template_id: number; n: number; title: string; submitted_by: number }): void {
  const submitter = userAuthRow(db, v.submitted_by)?.name ?? '';
  for (const reviewer of openUsersByRole(db, 'reviewer')) {
    if (reviewer.id === v.submitted_by || !accountActive(reviewer)) continue;
    queueMail(db, publicOrigin, {
      kind: 'template_review',
      to: reviewer.email,
      ...reviewRequestedMail({ name: reviewer.name, title: v.title, version: v.n, submitter, link: reviewLink(publicOrigin, v.template_id) }),
    });
  }
}

/** The decision to the version's submitter, unless their account is closed. */
export function notifySubmitter(
  db: Db,
  publicOrigin: string,
  v: { template_id: number; n: number; title: string; submitted_by: number },
  decision: { approved: boolean; reason?: string },
): void {
  const submitter = userAuthRow(db, v.submitted_by);
  if (!submitter || !accountActive(submitter)) return;
  queueMail(db, publicOrigin, {
    kind: 'template_decision',
    to: submitter.email,
    ...versionDecidedMail({ name: submitter.name, title: v.title, version: v.n, ...decision, link: reviewLink(publicOrigin, v.template_id) }),
  });
}
