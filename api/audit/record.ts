import type { Db } from '../db/database.ts';
import { appendAuditRow } from './store.ts';

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
  appendAuditRow(db, {
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    kov: e.kov ?? null,
    old_value: json(e.oldValue),
    new_value: json(e.newValue),
    ip: e.ip ?? null,
  });
}
