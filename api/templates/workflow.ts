// Write side of the template workflow. Every state change is audited in the same transaction.
// States: submitted → in_review (first reviewer comment or vote) → approved, when the approvals
// (never the submitter's) reach the quorum and no reviewer's "reject" stands. "Request changes" and
// "reject" are votes with a reason: they do not close the vote for the others. The submitter answers
// with a new version, which supersedes the open one; an admin may close an open version as rejected.
// ('changes_requested' is only found on versions decided under the earlier rule, where one such vote
// closed the version.)
import { recordAudit } from '../audit/record.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { assertTemplateAction, hasPermission } from '../auth/access.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { deleteStoredFile } from '../files/store.ts';
import { conflict, notFound } from '../lib/errors.ts';
import { countApprovals, countRejections, getTemplate, getVersion, latestVersion, OPEN_STATUSES, type VersionRow } from './queries.ts';
import { notifyReviewers, notifySubmitter } from './notify.ts';
import type { Decision, Status } from './schemas.ts';
import { commentVersion, insertComment } from './stores/comments.ts';
import { reviewRow, upsertReview } from './stores/reviews.ts';
import { insertTemplate, insertVersionRow, setCurrentVersion, setTemplateCategory, setVersionStatus } from './stores/templates.ts';
import type { Submission } from './upload.ts';

const nowIso = () => new Date().toISOString();

function setStatus(db: Db, v: VersionRow, to: Status, actorId: number, extra: { approved?: boolean; reason?: string } = {}): void {
  const at = nowIso();
  setVersionStatus(db, v.template_id, v.n, to, to !== 'in_review' ? at : null, extra.approved ? at : null);
  recordAudit(db, {
    actorId,
    action: `template.${to}`,
    entity: 'template_version',
    entityId: `${v.template_id}/${v.n}`,
    oldValue: { status: v.status },
    newValue: extra.reason === undefined ? { status: to } : { status: to, reason: extra.reason },
  });
  v.status = to;
}

/** Inserts a submitted version, audits it and asks the reviewers for their decision by mail. */
function insertVersion(db: Db, publicOrigin: string | null, templateId: number, n: number, s: Submission, userId: number): void {
  insertVersionRow(db, {
    template_id: templateId, n, title: s.title, summary: s.summary, category: s.category, measures: JSON.stringify(s.measures), file_name: s.fileName,
    content_type: s.contentType, size: s.stored.size, sha256: s.stored.sha256, storage_key: s.stored.storageKey, submitted_by: userId,
  });
  recordAudit(db, {
    actorId: userId,
    action: 'template.submitted',
    entity: 'template_version',
    entityId: `${templateId}/${n}`,
    newValue: { title: s.title, category: s.category, measures: s.measures, fileName: s.fileName, sha256: s.stored.sha256, size: s.stored.size },
  });
  if (publicOrigin) notifyReviewers(db, publicOrigin, { template_id: templateId, n, title: s.title, submitted_by: userId });
}

/** Runs the transaction; if it fails the already stored file is removed, so nothing is left behind. */
function withFileRollback<T>(db: Db, filesPath: string, s: Submission, fn: () => T): T {
  try {
    return inTransaction(db, fn);
  } catch (err) {
    deleteStoredFile(filesPath, s.stored.storageKey);
    throw err;
  }
}

/** Where the workflow keeps files and how its mail links start (the app's config fits); null: no mail (demo seeding). */
export interface WorkflowConfig {
  filesPath: string;
  publicOrigin: string | null;
}

export function createTemplate(db: Db, config: WorkflowConfig, user: SessionUser, s: Submission) {
  return withFileRollback(db, config.filesPath, s, () => {
    const id = insertTemplate(db, s.category, user.id);
    insertVersion(db, config.publicOrigin, id, 1, s, user.id);
    return { id, version: 1, status: 'submitted' as const };
  });
}

/** A new version supersedes: undecided earlier versions become superseded; approved ones stay downloadable. */
export function addVersion(db: Db, config: WorkflowConfig, user: SessionUser, id: number, s: Submission) {
  return withFileRollback(db, config.filesPath, s, () => {
    assertTemplateAction(db, user, id, 'version');
    const prev = latestVersion(db, id);
    if (OPEN_STATUSES.includes(prev.status)) setStatus(db, prev, 'superseded', user.id);
    const n = prev.n + 1;
    setTemplateCategory(db, id, s.category);
    insertVersion(db, config.publicOrigin, id, n, s, user.id);
    return { id, version: n, status: 'submitted' as const };
  });
}

/** The first action of a reviewer (other than the submitter) on a submitted version starts the review. */
function startReviewIfFirst(db: Db, v: VersionRow, user: SessionUser): void {
  if (v.status === 'submitted' && hasPermission(user, 'templates.review') && user.id !== v.submitted_by) setStatus(db, v, 'in_review', user.id);
}

export function addComment(db: Db, user: SessionUser, id: number, input: { body: string; parentId?: number | undefined; version?: number | undefined }) {
  return inTransaction(db, () => {
    assertTemplateAction(db, user, id, 'comment');
    let n = input.version ?? latestVersion(db, id).n;
    if (input.parentId !== undefined) {
      const parentVersion = commentVersion(db, input.parentId, id);
      if (parentVersion === undefined) throw notFound('Kommentaari, millele vastata, ei leitud.');
      if (input.version !== undefined && input.version !== parentVersion) throw conflict('Vastus peab olema sama versiooni kohta kui kommentaar.');
      n = parentVersion;
    }
    const v = getVersion(db, id, n);
    if (!v) throw notFound(`Versiooni ${n} ei leitud.`);
    startReviewIfFirst(db, v, user);
    const commentId = insertComment(db, id, n, input.parentId ?? null, user.id, input.body);
    recordAudit(db, { actorId: user.id, action: 'template_comment.create', entity: 'template_comment', entityId: commentId, newValue: { template: id, version: n, parentId: input.parentId ?? null, body: input.body } });
    return { id: commentId, version: n, parentId: input.parentId ?? null, body: input.body };
  });
}

/**
 * One vote per reviewer per version, changeable while the vote is open. After every vote: approved
 * when the approvals reach the quorum and no "reject" stands; otherwise the vote stays open.
 */
export function castVote(
  db: Db,
  user: SessionUser,
  config: { templateQuorum: number; publicOrigin: string | null },
  id: number,
  input: { decision: Decision; comment: string; version?: number | undefined },
) {
  const quorum = config.templateQuorum;
  return inTransaction(db, () => {
    assertTemplateAction(db, user, id, 'review');
    const v = latestVersion(db, id);
    if (input.version !== undefined && input.version !== v.n) throw conflict(`Hääletada saab ainult viimase versiooni (${v.n}) üle.`);
    if (!OPEN_STATUSES.includes(v.status)) throw conflict('Selle versiooni kohta on otsus juba tehtud.');
    startReviewIfFirst(db, v, user);
    const old = reviewRow(db, id, v.n, user.id);
    upsertReview(db, id, v.n, user.id, input.decision, input.comment);
    recordAudit(db, {
      actorId: user.id, action: 'template_review.vote', entity: 'template_version', entityId: `${id}/${v.n}`,
      oldValue: old ? { decision: old.decision, comment: old.comment } : null, newValue: { decision: input.decision, comment: input.comment },
    });
    if (countApprovals(db, v) >= quorum && countRejections(db, v) === 0) {
      setStatus(db, v, 'approved', user.id, { approved: true });
      const t = getTemplate(db, id)!;
      setCurrentVersion(db, id, v.n);
      recordAudit(db, { actorId: user.id, action: 'template.current_version', entity: 'template', entityId: id, oldValue: { currentVersion: t.current_version }, newValue: { currentVersion: v.n } });
      if (config.publicOrigin) notifySubmitter(db, config.publicOrigin, v, { approved: true });
    }
    return { id, version: v.n, status: v.status, approvals: countApprovals(db, v), rejections: countRejections(db, v), quorum };
  });
}

/** An admin closes the open latest version as rejected, with a reason (audited). */
export function closeVersion(db: Db, user: SessionUser, publicOrigin: string, id: number, input: { reason: string; version?: number | undefined }) {
  return inTransaction(db, () => {
    assertTemplateAction(db, user, id, 'close');
    const v = latestVersion(db, id);
    if (input.version !== undefined && input.version !== v.n) throw conflict(`Sulgeda saab ainult viimase versiooni (${v.n}).`);
    if (!OPEN_STATUSES.includes(v.status)) throw conflict('Selle versiooni kohta on otsus juba tehtud.');
    setStatus(db, v, 'rejected', user.id, { reason: input.reason });
    notifySubmitter(db, publicOrigin, v, { approved: false, reason: input.reason });
    return { id, version: v.n, status: v.status };
  });
}
