// Read side of the template workflow: the list, one template with its history, and small lookups.
import type { SessionUser } from '../auth/session-user.ts';
import { canActOnTemplate } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { Category, Change, Decision, Status } from '../contracts/templates.ts';

export interface VersionRow {
  template_id: number;
  n: number;
  title: string;
  summary: string;
  category: Category;
  measures: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  status: Status;
  submitted_by: number;
  submitted_at: string;
  decided_at: string | null;
  approved_at: string | null;
}

export interface TemplateRow {
  id: number;
  category: Category;
  current_version: number | null;
  created_by: number;
  created_at: string;
}

export const OPEN_STATUSES: readonly Status[] = ['submitted', 'in_review'];

export const downloadUrl = (id: number, n: number) => `/api/templates/${id}/versions/${n}/file`;

export function getTemplate(db: Db, id: number): TemplateRow | undefined {
  return db.prepare('SELECT * FROM template WHERE id = ?').get(id) as TemplateRow | undefined;
}

export function getVersion(db: Db, id: number, n: number): VersionRow | undefined {
  return db.prepare('SELECT * FROM template_version WHERE template_id = ? AND n = ?').get(id, n) as VersionRow | undefined;
}

export function latestVersion(db: Db, id: number): VersionRow {
  return db.prepare('SELECT * FROM template_version WHERE template_id = ? ORDER BY n DESC LIMIT 1').get(id) as VersionRow;
}

/** Approvals that count toward the quorum: never the submitter's. */
export function countApprovals(db: Db, v: VersionRow): number {
  return (
    db
      .prepare("SELECT count(*) FROM template_review WHERE template_id = ? AND n = ? AND decision = 'approve' AND reviewer_id <> ?")
      .pluck()
      .get(v.template_id, v.n, v.submitted_by) as number
  );
}

export interface ListFilter {
  status?: Status | undefined;
  category?: string | undefined;
  measure?: string | undefined;
}

/**
 * One row per template. For status=approved the row is the template's current approved version;
 * otherwise the latest version, filtered by its status when one is given.
 */
export function listTemplates(db: Db, f: ListFilter) {
  const join = f.status === 'approved' ? 'v.n = t.current_version' : 'v.n = (SELECT max(n) FROM template_version WHERE template_id = t.id)';
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.status && f.status !== 'approved') {
    where.push('v.status = ?');
    args.push(f.status);
  }
  if (f.category) {
    where.push('t.category = ?');
    args.push(f.category);
  }
  if (f.measure) {
    where.push('EXISTS (SELECT 1 FROM json_each(v.measures) WHERE value = ?)');
    args.push(f.measure);
  }
  const rows = db
    .prepare(
      `SELECT v.*, t.category AS t_category, t.current_version,
              (SELECT max(n) FROM template_version WHERE template_id = t.id) AS latest
       FROM template t JOIN template_version v ON v.template_id = t.id AND ${join}
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY coalesce(v.approved_at, v.submitted_at) DESC, t.id DESC`,
    )
    .all(...args) as Array<VersionRow & { t_category: Category; current_version: number | null; latest: number }>;
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
  const names = db.prepare('SELECT id, name FROM app_user WHERE id = ?');
  const person = (uid: number) => (names.get(uid) as { id: number; name: string } | undefined) ?? { id: uid, name: '' };
  const versions = db.prepare('SELECT * FROM template_version WHERE template_id = ? ORDER BY n').all(id) as VersionRow[];
  const votesStmt = db.prepare('SELECT * FROM template_review WHERE template_id = ? AND n = ? ORDER BY created_at, reviewer_id');
  let prev: VersionMeta | undefined;
  const out = versions.map((v) => {
    const meta = { title: v.title, summary: v.summary, category: v.category, measures: JSON.parse(v.measures) as string[], fileName: v.file_name, sha256: v.sha256 };
    const changes = versionChanges(prev, meta);
    prev = meta;
    const votes = (votesStmt.all(id, v.n) as Array<{ reviewer_id: number; decision: Decision; comment: string; created_at: string; updated_at: string }>).map((r) => ({
      reviewer: person(r.reviewer_id),
      decision: r.decision,
      comment: r.comment,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
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
  const comments = (db.prepare('SELECT * FROM template_comment WHERE template_id = ? ORDER BY created_at, id').all(id) as Array<{
    id: number; n: number; parent_id: number | null; author_id: number; body: string; created_at: string;
  }>).map((c) => ({ id: c.id, version: c.n, parentId: c.parent_id, author: person(c.author_id), body: c.body, createdAt: c.created_at }));
  const latest = versions[versions.length - 1]!;
  const own = db.prepare('SELECT decision FROM template_review WHERE template_id = ? AND n = ? AND reviewer_id = ?').pluck().get(id, latest.n, user.id) as Decision | undefined;
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
    comments,
    viewer: {
      canReview: canActOnTemplate(user, facts, 'review') && OPEN_STATUSES.includes(latest.status),
      canSubmitVersion: canActOnTemplate(user, facts, 'version'),
      ownVote: own ?? null,
    },
  };
}
