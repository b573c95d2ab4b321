// The one owner of audit_log: appending a row (record.ts shapes it, inside the change's
// transaction) and the newest-first page behind GET /api/audit.
import type { AuditEntry, AuditPage } from '../contracts/audit.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

/** A new row of audit_log (id and at are the database's). */
export interface NewAuditRow {
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  kov: string | null;
  old_value: string | null;
  new_value: string | null;
  ip: string | null;
}

/** A row of audit_log joined with its actor's email and name. */
interface AuditRow extends NewAuditRow {
  id: number;
  at: string;
  email: string | null;
  name: string | null;
}

const APPEND = prepared<[NewAuditRow], unknown>(
  `INSERT INTO audit_log (actor_id, action, entity, entity_id, kov, old_value, new_value, ip)
   VALUES (@actor_id, @action, @entity, @entity_id, @kov, @old_value, @new_value, @ip)`,
);

export const appendAuditRow = (db: Db, row: NewAuditRow): void => void APPEND(db).run(row);

export interface AuditFilter {
  kov?: string;
  /** This action, or actions starting with it plus ".". */
  action?: string;
  limit: number;
  /** Entries with id below this (paging). */
  before?: number;
}

const parse = (v: string | null): AuditEntry['oldValue'] => (v === null ? null : JSON.parse(v));

export function auditPage(db: Db, { kov, action, limit, before }: AuditFilter): AuditPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (kov) {
    where.push('a.kov = ?');
    params.push(kov);
  }
  if (action) {
    where.push("(a.action = ? OR a.action LIKE ? ESCAPE '\\')");
    params.push(action, action.replace(/[\\%_]/g, '\\$&') + '.%');
  }
  if (before) {
    where.push('a.id < ?');
    params.push(before);
  }
  const rows = db
    .prepare<unknown[], AuditRow>(
      `SELECT a.*, u.email, u.name FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.id DESC LIMIT ?`,
    )
    .all(...params, limit + 1);
  const page = rows.slice(0, limit);
  const items = page.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_id !== null ? { id: r.actor_id, email: r.email ?? '', name: r.name ?? '' } : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    kov: r.kov,
    oldValue: parse(r.old_value),
    newValue: parse(r.new_value),
    ip: r.ip,
  }));
  return { items, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}
