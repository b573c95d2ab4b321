import type { Db } from '../db/database.ts';
import { prepareCached } from '../db/statements.ts';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  kov?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  ip?: string | null;
}

/** Who makes a change, as the audit log records it: the user (null for the system) and the client's address. */
export interface Actor {
  id: number | null;
  ip?: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends one row to the audit log. Call inside the transaction that makes the change. */
export function recordAudit(db: Db, e: AuditEntry): void {
  prepareCached(
    db,
    `INSERT INTO audit_log (actor_id, action, entity, entity_id, kov, old_value, new_value, ip)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.actorId,
    e.action,
    e.entity,
    e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    e.kov ?? null,
    json(e.oldValue),
    json(e.newValue),
    e.ip ?? null,
  );
}
