// Reviewers' votes (table template_review): one per reviewer and version, changeable while the vote
// is open. The one module that runs SQL on template_review.
import type { Decision } from '../../contracts/templates.ts';
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of template_review. */
export interface ReviewRow {
  template_id: number;
  n: number;
  reviewer_id: number;
  decision: Decision;
  comment: string;
  created_at: string;
  updated_at: string;
}

const ALL = prepared<[number, number], ReviewRow>('SELECT * FROM template_review WHERE template_id = ? AND n = ? ORDER BY created_at, reviewer_id');
const ONE = prepared<[number, number, number], ReviewRow>('SELECT * FROM template_review WHERE template_id = ? AND n = ? AND reviewer_id = ?');
const COUNT = prepared<[number, number, Decision, number], { n: number }>(
  'SELECT count(*) AS n FROM template_review WHERE template_id = ? AND n = ? AND decision = ? AND reviewer_id <> ?',
);
const UPSERT = prepared<[number, number, number, Decision, string], unknown>(
  `INSERT INTO template_review (template_id, n, reviewer_id, decision, comment) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT (template_id, n, reviewer_id) DO UPDATE SET decision = excluded.decision, comment = excluded.comment,
     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
);

/** The votes on a version, in the order they were first cast. */
export const reviewRows = (db: Db, id: number, n: number): ReviewRow[] => ALL(db).all(id, n);

export const reviewRow = (db: Db, id: number, n: number, reviewerId: number): ReviewRow | undefined => ONE(db).get(id, n, reviewerId);

/** Votes with this decision on a version, not counting `exceptReviewer` (the submitter). */
export const decisionCount = (db: Db, id: number, n: number, decision: Decision, exceptReviewer: number): number =>
  COUNT(db).get(id, n, decision, exceptReviewer)!.n;

export const upsertReview = (db: Db, id: number, n: number, reviewerId: number, decision: Decision, comment: string): void =>
  void UPSERT(db).run(id, n, reviewerId, decision, comment);
