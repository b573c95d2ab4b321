// Read side of the tracker: the measure list with filters, one full record, its history.
import type { Db } from '../db/database.ts';
import { tallinnToday } from '../lib/today.ts';
import type { HistoryEntry, MeasureListItem, MeasureRecord, StatusFieldsSnapshot } from '../contracts/tracker.ts';
import { listEvidence } from './evidence-queries.ts';
import { OPEN_STATUSES, effectiveStatus, isOverdue, type MeasureClass, type Priority, type Status } from './model.ts';
import { prepareCached } from '../db/statements.ts';
import { scopedMeasure, scopedMeasures } from './reference-cache.ts';
import { trackedSql } from './tracked-sql.ts';

export interface MeasureFilters {
  module?: string;
  group?: string;
  class?: MeasureClass;
  /** Matches the effective status. */
  status?: Status;
  priority?: Priority;
  overdue?: boolean;
  /** Case-insensitive substring of the measure id or title. */
  q?: string;
}

const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/** One row of the tracked measure SQL (see listMeasures' columns) as a list item. */
function toListItem(r: Record<string, unknown>): MeasureListItem {
  return {
    measureId: r['measure_id'] as string,
    title: r['title'] as string,
    module: r['module_id'] as string,
    group: r['group_id'] as string,
    class: r['class'] as MeasureClass,
    priority: r['priority'] as Priority | null,
    status: r['own_status'] as Status,
    effectiveStatus: r['effective'] as Status,
    version: r['version'] as number,
    responsible: r['responsible'] as string | null,
    dueDate: r['due_date'] as string | null,
    overdue: r['overdue'] === 1,
    updatedAt: r['updated_at'] as string | null,
    sharedService: r['provider'] ? { provider: r['provider'] as string } : null,
  };
}

/** The municipality's measures in scope, in catalogue order, filtered. */
export function listMeasures(db: Db, ehak: string, filters: MeasureFilters = {}, today = tallinnToday()): MeasureListItem[] {
  const where: string[] = [];
  const params: Record<string, string | null> = { ehak, today };
  const exact: Array<[keyof MeasureFilters, string]> = [
    ['module', 't.module_id'],
    ['group', 't.group_id'],
    ['class', 't.class'],
    ['status', 't.effective'],
    ['priority', 't.priority'],
  ];
  for (const [key, column] of exact) {
    const value = filters[key];
    if (typeof value === 'string' && value !== '') {
      where.push(`${column} = @${key}`);
      params[key] = value;
    }
  }
  if (filters.overdue) where.push(`t.due_date < @today AND t.effective IN (${OPEN_SQL})`);
  if (filters.q) {
    where.push(`(instr(lower(t.measure_id), lower(@q)) > 0 OR instr(lower(m.title), lower(@q)) > 0)`);
    params['q'] = filters.q;
  }
  const rows = prepareCached(
    db,
    `${trackedSql()}
     SELECT t.measure_id, m.title, t.module_id, t.group_id, t.class, t.priority, t.own_status, t.effective,
            COALESCE(ms.version, 0) AS version, ms.responsible, ms.due_date, ms.updated_at, t.provider,
            (t.due_date < @today AND t.effective IN (${OPEN_SQL})) AS overdue
     FROM tracked t
     JOIN catalog_measure m ON m.edition = t.edition AND m.id = t.measure_id
     LEFT JOIN measure_status ms ON ms.ehak = t.ehak AND ms.edition = t.edition AND ms.measure_id = t.measure_id
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY m.sort_key, m.id`,
  ).all(params) as Array<Record<string, unknown>>;
  return rows.map(toListItem);
}

/** The edition of a measure in the municipality's scope, or null when it is not in scope. */
export function measureInScope(db: Db, ehak: string, measureId: string): { edition: string } | null {
  const scoped = scopedMeasure(db, ehak, measureId);
  return scoped && { edition: scoped.facts.edition };
}

/** In-scope measure ids among `ids` with their editions (for bulk validation). */
export function measuresInScope(db: Db, ehak: string, ids: string[]): Map<string, string> {
  const scope = scopedMeasures(db, ehak);
  const found = new Map<string, string>();
  for (const id of ids) {
    const scoped = scope.get(id);
    if (scoped) found.set(id, scoped.facts.edition);
  }
  return found;
}

// The changing part of a record; the scope and catalogue facts come from reference-cache.ts.
// A status write answers with the record, so this is on the hot path.
const STATUS_SQL = `SELECT ms.status, ms.version, ms.responsible, ms.due_date, ms.updated_at, ms.description, ms.justification,
            ms.accepted_by, ms.accepted_at, ms.updated_by, u.name AS updated_by_name,
            sv.id AS service_id, sv.provider AS service_provider, sv.note AS service_note
     FROM (SELECT 1)
     LEFT JOIN measure_status ms ON ms.ehak = @ehak AND ms.edition = @edition AND ms.measure_id = @measureId
     LEFT JOIN app_user u ON u.id = ms.updated_by
     LEFT JOIN shared_service sv ON sv.id = (
       SELECT s.id FROM shared_service s JOIN shared_service_kov sk ON sk.service_id = s.id
       WHERE sk.ehak = @ehak AND s.edition = @edition AND s.measure_id = @measureId ORDER BY s.provider LIMIT 1)`;

interface StatusRow {
  status: Status | null;
  version: number | null;
  responsible: string | null;
  due_date: string | null;
  updated_at: string | null;
  description: string | null;
  justification: string | null;
  accepted_by: string | null;
  accepted_at: string | null;
  updated_by: number | null;
  updated_by_name: string | null;
  service_id: number | null;
  service_provider: string | null;
  service_note: string | null;
}

/** The full record of one measure for the municipality, or null when the measure is not in its scope. */
export function getMeasureRecord(db: Db, ehak: string, measureId: string, today = tallinnToday()): MeasureRecord | null {
  const scoped = scopedMeasure(db, ehak, measureId);
  if (!scoped) return null;
  const { facts, priority } = scoped;
  const r = prepareCached(db, STATUS_SQL).get({ ehak, edition: facts.edition, measureId }) as StatusRow;
  const status = r.status ?? 'not_assessed';
  const effective = effectiveStatus(status, r.service_id !== null);
  // The list item's fields first, in its order, then the record's own (see tracked-sql.ts for the rules in SQL).
  return {
    measureId,
    title: facts.title,
    module: facts.moduleId,
    group: facts.groupId,
    class: facts.class,
    priority,
    status,
    effectiveStatus: effective,
    version: r.version ?? 0,
    responsible: r.responsible,
    dueDate: r.due_date,
    overdue: isOverdue(r.due_date, effective, today),
    updatedAt: r.updated_at,
    sharedService: r.service_id !== null ? { id: r.service_id, provider: r.service_provider!, note: r.service_note } : null,
    ehak,
    edition: facts.edition,
    moduleTitle: facts.moduleTitle,
    responsibleRole: facts.role,
    link: facts.link,
    description: r.description,
    justification: r.justification,
    acceptedBy: r.accepted_by,
    acceptedAt: r.accepted_at,
    updatedBy: r.updated_by !== null ? { id: r.updated_by, name: r.updated_by_name! } : null,
    evidence: listEvidence(db, ehak, facts.edition, measureId),
  };
}

/** Every recorded change of the measure's status record, newest first. */
export function getMeasureHistory(db: Db, ehak: string, edition: string, measureId: string): HistoryEntry[] {
  const rows = prepareCached(
    db,
    `SELECT h.version, h.changed_at, h.changed_by, u.name, h.old, h.new
       FROM measure_status_history h LEFT JOIN app_user u ON u.id = h.changed_by
       WHERE h.ehak = ? AND h.edition = ? AND h.measure_id = ? ORDER BY h.version DESC`,
  ).all(ehak, edition, measureId) as Array<{
    version: number;
    changed_at: string;
    changed_by: number | null;
    name: string | null;
    old: string | null;
    new: string;
  }>;
  return rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at,
    changedBy: r.changed_by != null ? { id: r.changed_by, name: r.name ?? '' } : null,
    old: r.old ? (JSON.parse(r.old) as StatusFieldsSnapshot) : null,
    new: JSON.parse(r.new) as StatusFieldsSnapshot,
  }));
}
