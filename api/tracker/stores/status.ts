// A municipality's status records and their history (tables measure_status and
// measure_status_history), one per target object × measure: the one module that runs SQL on them.
import { STATUSES, type Status } from '../../contracts/tracker.ts';
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of measure_status; a missing row means 'not_assessed', version 0. */
export interface MeasureStatusRow {
  ehak: string;
  edition: string;
  object_id: number;
  measure_id: string;
  status: Status;
  description: string | null;
  justification: string | null;
  responsible: string | null;
  due_date: string | null;
  accepted_by: string | null;
  accepted_at: string | null;
  /** The account that owns the measure (a user who can see the municipality); null when none. */
  owner_user_id: number | null;
  /** When an accepted risk is looked at again; only with 'risk_accepted'. */
  review_date: string | null;
  version: number;
  updated_by: number | null;
  updated_at: string;
}

/** A row of measure_status_history; `old` and `new` are JSON of the editable fields. */
export interface StatusHistoryRow {
  id: number;
  ehak: string;
  edition: string;
  object_id: number;
  measure_id: string;
  version: number;
  old: string | null;
  new: string;
  changed_by: number | null;
  changed_at: string;
}

/** What the measure list shows of a record (no free text). */
export type StatusListRow = Pick<MeasureStatusRow, 'object_id' | 'measure_id' | 'status' | 'version' | 'responsible' | 'owner_user_id' | 'due_date' | 'updated_at'>;
/** A record with an owner or a date that reminds, as the tasks page and the reminders need it. */
export type DatedStatusRow = Pick<MeasureStatusRow, 'ehak' | 'edition' | 'object_id' | 'measure_id' | 'status' | 'owner_user_id' | 'due_date' | 'review_date'>;
/**
 * What progress needs of one municipality and edition, from one pass over the narrow covering index:
 * the latest change and every record that is not 'not_assessed' or has a due date, packed into one
 * string (readStatuses() unpacks it). Handing SQLite's rows to JavaScript one cell at a time cost as
 * much as the whole raw-SQL aggregate; one string per municipality costs a tenth of it.
 */
export interface StatusDigestRow {
  ehak: string;
  edition: string;
  last_change: string;
  /** "objectId/measureId statusCode[dueDate]" joined by commas (the engine's entryKey, then the status's index in STATUSES). */
  statuses: string | null;
}

const ONE = prepared<[string, string, number, string], MeasureStatusRow>('SELECT * FROM measure_status WHERE ehak = ? AND edition = ? AND object_id = ? AND measure_id = ?');
const LIST = prepared<[string, string], StatusListRow>(
  'SELECT object_id, measure_id, status, version, responsible, owner_user_id, due_date, updated_at FROM measure_status WHERE ehak = ? AND edition = ?',
);
const DATED = 'SELECT ehak, edition, object_id, measure_id, status, owner_user_id, due_date, review_date FROM measure_status';
// Implemented and not-applicable measures need nobody's work: they are no one's task and remind no one.
const OWNED_OPEN = prepared<[number], DatedStatusRow>(`${DATED} WHERE owner_user_id = ? AND status NOT IN ('implemented', 'not_applicable')`);
const DUE_BY = prepared<[string], DatedStatusRow>(
  `${DATED} WHERE owner_user_id IS NOT NULL AND due_date IS NOT NULL AND due_date <= ? AND status NOT IN ('implemented', 'not_applicable')`,
);
const REVIEW_BY = prepared<[string], DatedStatusRow>(`${DATED} WHERE status = 'risk_accepted' AND review_date IS NOT NULL AND review_date <= ?`);
const TEXTS = prepared<[string, string], Pick<MeasureStatusRow, 'object_id' | 'measure_id' | 'description' | 'justification' | 'accepted_by' | 'accepted_at'>>(
  'SELECT object_id, measure_id, description, justification, accepted_by, accepted_at FROM measure_status WHERE ehak = ? AND edition = ?',
);
const CODE = `CASE status ${STATUSES.map((st, i) => `WHEN '${st}' THEN '${i}'`).join(' ')} END`;
const DIGEST = `SELECT ehak, edition, max(updated_at) AS last_change,
  group_concat(CASE WHEN status <> 'not_assessed' OR due_date IS NOT NULL THEN object_id || '/' || measure_id || ' ' || ${CODE} || COALESCE(due_date, '') END, ',') AS statuses
  FROM measure_status`;
const DIGESTS = prepared<[], StatusDigestRow>(`${DIGEST} GROUP BY ehak, edition`);
const DIGESTS_OF = prepared<[string], StatusDigestRow>(`${DIGEST} WHERE ehak = ? GROUP BY ehak, edition`);
/** A record or history row to write; a null time means now (the database's clock). */
export type StatusWrite = Omit<MeasureStatusRow, 'updated_at'> & { updated_at: string | null };
export type HistoryWrite = Omit<StatusHistoryRow, 'id' | 'changed_at'> & { changed_at: string | null };

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const UPSERT = prepared<[StatusWrite], unknown>(
  `INSERT INTO measure_status (ehak, edition, object_id, measure_id, status, description, justification, responsible, due_date,
                               accepted_by, accepted_at, owner_user_id, review_date, version, updated_by, updated_at)
   VALUES (@ehak, @edition, @object_id, @measure_id, @status, @description, @justification, @responsible, @due_date,
           @accepted_by, @accepted_at, @owner_user_id, @review_date, @version, @updated_by, COALESCE(@updated_at, ${NOW}))
   ON CONFLICT (ehak, edition, object_id, measure_id) DO UPDATE SET status = excluded.status, description = excluded.description,
     justification = excluded.justification, responsible = excluded.responsible, due_date = excluded.due_date,
     accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at, owner_user_id = excluded.owner_user_id,
     review_date = excluded.review_date, version = excluded.version,
     updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
);
const HISTORY = prepared<[HistoryWrite], unknown>(
  `INSERT INTO measure_status_history (ehak, edition, object_id, measure_id, version, old, new, changed_by, changed_at)
   VALUES (@ehak, @edition, @object_id, @measure_id, @version, @old, @new, @changed_by, COALESCE(@changed_at, ${NOW}))`,
);
const HISTORY_OF = prepared<[string, string, number, string], StatusHistoryRow>(
  'SELECT * FROM measure_status_history WHERE ehak = ? AND edition = ? AND object_id = ? AND measure_id = ? ORDER BY version DESC',
);
const OF_EDITION = prepared<[string], Pick<MeasureStatusRow, 'ehak' | 'object_id' | 'measure_id' | 'status'>>(
  'SELECT ehak, object_id, measure_id, status FROM measure_status WHERE edition = ? ORDER BY ehak, object_id, measure_id',
);
type CopyKey = { from: string; to: string; ehak: string; object: number; id: string };
const COPY = prepared<[CopyKey], unknown>(
  `INSERT INTO measure_status (ehak, edition, object_id, measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at,
                               owner_user_id, review_date, version, updated_by, updated_at)
   SELECT ehak, @to, object_id, measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at,
          owner_user_id, review_date, version, updated_by, updated_at
   FROM measure_status WHERE ehak = @ehak AND edition = @from AND object_id = @object AND measure_id = @id`,
);
const COPY_HISTORY = prepared<[CopyKey], unknown>(
  `INSERT INTO measure_status_history (ehak, edition, object_id, measure_id, version, old, new, changed_by, changed_at)
   SELECT ehak, @to, object_id, measure_id, version, old, new, changed_by, changed_at
   FROM measure_status_history WHERE ehak = @ehak AND edition = @from AND object_id = @object AND measure_id = @id ORDER BY id`,
);
const ANY = prepared<[], { one: number }>('SELECT 1 AS one FROM measure_status UNION ALL SELECT 1 FROM measure_status_history LIMIT 1');
const OF_OBJECT = prepared<[number, number], { one: number }>(
  'SELECT 1 AS one FROM measure_status WHERE object_id = ? UNION ALL SELECT 1 FROM measure_status_history WHERE object_id = ? LIMIT 1',
);

export const statusRow = (db: Db, ehak: string, edition: string, objectId: number, measureId: string): MeasureStatusRow | undefined =>
  ONE(db).get(ehak, edition, objectId, measureId);

export const statusListRows = (db: Db, ehak: string, edition: string): StatusListRow[] => LIST(db).all(ehak, edition);

/** The user's records that still need work, in any municipality and edition. */
export const ownedOpenStatuses = (db: Db, userId: number): DatedStatusRow[] => OWNED_OPEN(db).all(userId);

/** Owned records that need work and are due on or before `until` (ISO date). */
export const ownedStatusesDueBy = (db: Db, until: string): DatedStatusRow[] => DUE_BY(db).all(until);

/** Accepted risks to be reviewed on or before `until` (ISO date). */
export const riskReviewsDueBy = (db: Db, until: string): DatedStatusRow[] => REVIEW_BY(db).all(until);

export const statusTexts = (db: Db, ehak: string, edition: string) => TEXTS(db).all(ehak, edition);

/** Every municipality's digest, one row per municipality and edition. */
export const statusDigests = (db: Db): StatusDigestRow[] => DIGESTS(db).all();

/** One municipality's digests (one row per edition it has records in). */
export const statusDigestsOf = (db: Db, ehak: string): StatusDigestRow[] => DIGESTS_OF(db).all(ehak);

/** Calls `fn` for every record packed in a digest row, with its key (the engine's entryKey). */
export function readStatuses(row: StatusDigestRow, fn: (key: string, status: Status, dueDate: string | null) => void): void {
  if (!row.statuses) return;
  for (const t of row.statuses.split(',')) {
    const space = t.indexOf(' ');
    fn(t.slice(0, space), STATUSES[t.charCodeAt(space + 1) - 48]!, t.length > space + 2 ? t.slice(space + 2) : null);
  }
}

/** Inserts or replaces the record; the caller keeps the version rule and writes the history row. */
export const upsertStatus = (db: Db, row: StatusWrite): void => void UPSERT(db).run(row);

export const insertHistory = (db: Db, row: HistoryWrite): void => void HISTORY(db).run(row);

/** Every change of one record, newest first. */
export const historyOf = (db: Db, ehak: string, edition: string, objectId: number, measureId: string): StatusHistoryRow[] =>
  HISTORY_OF(db).all(ehak, edition, objectId, measureId);

/** Whether the target object has a status record or history (it cannot be deleted then). */
export const objectHasStatuses = (db: Db, objectId: number): boolean => OF_OBJECT(db).get(objectId, objectId) !== undefined;

/** Whether any status or history row exists (the scale seeder refuses a tracker with data). */
export const hasStatusData = (db: Db): boolean => ANY(db).get() !== undefined;

/** Every record of an edition as (ehak, object, measure, status), by municipality, object and measure. */
export const statusesOfEdition = (db: Db, edition: string) => OF_EDITION(db).all(edition);

/**
 * Copies the records of `carried` measures, with their whole history, from one edition to the next,
 * where the municipality has no record yet on that object. Returns the (ehak, objectId, measureId)
 * triples copied and the counts.
 */
export function copyStatusesToEdition(db: Db, from: string, to: string, carried: ReadonlySet<string>) {
  const keyOf = (r: { ehak: string; object_id: number; measure_id: string }) => `${r.ehak}|${r.object_id}|${r.measure_id}`;
  const target = new Set(statusesOfEdition(db, to).map(keyOf));
  const source = statusesOfEdition(db, from);
  const pairs = source.filter((r) => carried.has(r.measure_id) && !target.has(keyOf(r))).map((r) => [r.ehak, r.object_id, r.measure_id] as const);
  let statuses = 0;
  let history = 0;
  for (const [ehak, object, id] of pairs) {
    statuses += COPY(db).run({ from, to, ehak, object, id }).changes;
    history += COPY_HISTORY(db).run({ from, to, ehak, object, id }).changes;
  }
  const alreadyInTarget = source.filter((r) => target.has(keyOf(r))).length;
  return { pairs, statuses, history, alreadyInTarget };
}
