// Read side of the template workflow: the list, one template with its history, and small lookups.
// SQL lives in the stores (./stores/); this module shapes their rows into the contract's answers.
import type { SessionUser } from '../auth/session-user.ts';
import { canActOnTemplate } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { Change, Status } from '../contracts/templates.ts';
import { peopleOf } from '../users/store.ts';
import { commentRows } from './stores/comments.ts';
import { decisionCount, reviewRow, reviewRows } from './stores/reviews.ts';
import { latestVersionRow, templateListRows, templateRow, versionRow, versionRows, type TemplateRow, type VersionRow } from './stores/templates.ts';

export type { TemplateRow, VersionRow };

/** Versions whose vote is open: reviewers may vote, a new version supersedes them. */
export const OPEN_STATUSES: readonly Status[] = ['submitted', 'in_review'];

export const downloadUrl = (id: number, n: number) => `/api/templates/${id}/versions/${n}/file`;

export const getTemplate = (db: Db, id: number): TemplateRow | undefined => templateRow(db, id);

export const getVersion = (db: Db, id: number, n: number): VersionRow | undefined => versionRow(db, id, n);

export const latestVersion = (db: Db, id: number): VersionRow => latestVersionRow(db, id);

/** Approvals that count toward the quorum: never the submitter's. */
export const countApprovals = (db: Db, v: VersionRow): number => decisionCount(db, v.template_id, v.n, 'approve', v.submitted_by);

/** Standing rejections: while one stands the version is not approved, whatever the approvals. */
export const countRejections = (db: Db, v: VersionRow): number => decisionCount(db, v.template_id, v.n, 'reject', v.submitted_by);

export interface ListFilter {
  status?: Status | undefined;
  category?: string | undefined;
  measure?: string | undefined;
  /** A reviewer's id: only open versions this reviewer has not voted on and did not submit. */
  awaiting?: number | undefined;
}

/**
 * One row per template. For status=approved the row is the template's current approved version;
 * otherwise the latest version, filtered by its status when one is given.
 */
export function listTemplates(db: Db, f: ListFilter) {
  const rows = templateListRows(db, { status: f.status ?? null, category: f.category ?? null, measure: f.measure ?? null, awaiting: f.awaiting ?? null });
  return rows.map((r) => ({
    id: r.template_id,
    category: r.t_category,
    version: r.n,
    title: r.title,
    summary: r.summary,
    measures: JSON.parse(r.measures) as string[],
    status: r.status,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    downloadUrl: downloadUrl(r.template_id, r.n),
    currentVersion: r.current_version,
    latestVersion: r.latest,
  }));
}

const DIFF_FIELDS = ['title', 'summary', 'category', 'measures', 'fileName', 'sha256'] as const;

type VersionMeta = Record<(typeof DIFF_FIELDS)[number], Change['from']>;

function versionChanges(prev: VersionMeta | undefined, cur: VersionMeta): Change[] {
  if (!prev) return [];
  return DIFF_FIELDS.filter((f) => JSON.stringify(prev[f]) !== JSON.stringify(cur[f])).map((f) => ({ field: f, from: prev[f], to: cur[f] }));
}

/** One template with every version, votes, comments, the quorum state and metadata diffs. */
export function templateDetail(db: Db, id: number, quorum: number, user: SessionUser) {
  const t = getTemplate(db, id);
  if (!t) return null;
  const versions = versionRows(db, id);
  const votesOf = versions.map((v) => reviewRows(db, id, v.n));
  const comments = commentRows(db, id);
  const people = peopleOf(db, [t.created_by, ...versions.map((v) => v.submitted_by), ...votesOf.flat().map((r) => r.reviewer_id), ...comments.map((c) => c.author_id)]);
  const person = (uid: number) => people.get(uid)!;
  let prev: VersionMeta | undefined;
  const out = versions.map((v, i) => {
    const meta = { title: v.title, summary: v.summary, category: v.category, measures: JSON.parse(v.measures) as string[], fileName: v.file_name, sha256: v.sha256 };
    const changes = versionChanges(prev, meta);
    prev = meta;
    const votes = votesOf[i]!.map((r) => ({ reviewer: person(r.reviewer_id), decision: r.decision, comment: r.comment, createdAt: r.created_at, updatedAt: r.updated_at }));
    const approvals = countApprovals(db, v);
    return {
      n: v.n,
      ...meta,
      contentType: v.content_type,
      size: v.size,
      status: v.status,
      submittedBy: person(v.submitted_by),
      submittedAt: v.submitted_at,
      decidedAt: v.decided_at,
      approvedAt: v.approved_at,
      downloadUrl: downloadUrl(id, v.n),
      votes,
      approvals,
      quorumMet: approvals >= quorum,
      changes,
    };
  });
  const latest = versions[versions.length - 1]!;
  const own = reviewRow(db, id, latest.n, user.id)?.decision;
  const facts = { createdBy: t.created_by, latestSubmittedBy: latest.submitted_by };
  return {
    id: t.id,
    category: t.category,
    currentVersion: t.current_version,
    latestVersion: latest.n,
    createdBy: person(t.created_by),
    createdAt: t.created_at,
    quorum,
    versions: out,
    comments: comments.map((c) => ({ id: c.id, version: c.n, parentId: c.parent_id, author: person(c.author_id), body: c.body, createdAt: c.created_at })),
    viewer: {
      canReview: canActOnTemplate(user, facts, 'review') && OPEN_STATUSES.includes(latest.status),
      canSubmitVersion: canActOnTemplate(user, facts, 'version'),
      canClose: canActOnTemplate(user, facts, 'close') && OPEN_STATUSES.includes(latest.status),
      ownVote: own ?? null,
    },
  };
}
