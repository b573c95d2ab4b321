// The threaded discussion of a template (table template_comment). The one module that runs SQL on it.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of template_comment. */
export interface CommentRow {
  id: number;
  template_id: number;
  n: number;
  parent_id: number | null;
  author_id: number;
  body: string;
  created_at: string;
}

const ALL = prepared<[number], CommentRow>('SELECT * FROM template_comment WHERE template_id = ? ORDER BY created_at, id');
const VERSION_OF = prepared<[number, number], { n: number }>('SELECT n FROM template_comment WHERE id = ? AND template_id = ?');
const INSERT = prepared<[number, number, number | null, number, string], unknown>(
  'INSERT INTO template_comment (template_id, n, parent_id, author_id, body) VALUES (?, ?, ?, ?, ?)',
);

/** Every comment on the template, oldest first. */
export const commentRows = (db: Db, id: number): CommentRow[] => ALL(db).all(id);

/** The version a comment of this template is about; undefined when there is no such comment on it. */
export const commentVersion = (db: Db, commentId: number, templateId: number): number | undefined => VERSION_OF(db).get(commentId, templateId)?.n;

/** A new comment; its id. */
export const insertComment = (db: Db, id: number, n: number, parentId: number | null, authorId: number, body: string): number =>
  Number(INSERT(db).run(id, n, parentId, authorId, body).lastInsertRowid);
