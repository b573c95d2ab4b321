// The implementation plan (tegevuskava): every measure in the municipality's scope with its
// status, owner, due date and texts. One list query plus one query for the free texts, so the
// export stays fast at ~1000 measures. The same rows feed JSON, CSV and XLSX.
import type { Db } from '../db/database.ts';
import type { Column } from '../lib/tabular.ts';
import type { MeasureClass, Priority, Status } from '../tracker/model.ts';
import { listMeasures } from '../tracker/records.ts';
import { getScope, type Approach } from '../tracker/scope.ts';
import { CLASS_LABELS, statusLabel } from '../contracts/labels.ts';
import { DATE_FMT, DATETIME_FMT, dateCell, formatIsoDate, formatTimestamp, timestampCell } from './format.ts';

export interface PlanRow {
  measureId: string;
  module: string;
  title: string;
  class: MeasureClass;
  classLabel: string;
  priority: Priority | null;
  /** The municipality's own status code. */
  status: Status;
  /** What counts in progress (a shared service turns 'not_assessed' into 'implemented'). */
  effectiveStatus: Status;
  /** Estonian label as shown in the UI, e.g. "rakendatud" or "tagatud keskselt (ELVL)". */
  statusLabel: string;
  sharedServiceProvider: string | null;
  responsible: string | null;
  /** ISO date. */
  dueDate: string | null;
  description: string | null;
  justification: string | null;
  /** ISO timestamp (UTC). */
  updatedAt: string | null;
}

export interface Plan {
  kov: { ehak: string; name: string };
  edition: string;
  approach: Approach;
  /** ISO date (Tallinn) of the export. */
  generatedOn: string;
  measures: PlanRow[];
}

export function buildPlan(db: Db, ehak: string, generatedOn: string): Plan {
  const kov = db.prepare('SELECT ehak, name FROM kov WHERE ehak = ?').get(ehak) as { ehak: string; name: string };
  const scope = getScope(db, ehak);
  const texts = new Map(
    (
      db.prepare('SELECT measure_id, description, justification FROM measure_status WHERE ehak = ? AND edition = ?').all(ehak, scope.edition) as Array<{
        measure_id: string;
        description: string | null;
        justification: string | null;
      }>
    ).map((r) => [r.measure_id, r]),
  );
  const measures = listMeasures(db, ehak).map((m): PlanRow => {
    const t = texts.get(m.measureId);
    const provider = m.sharedService?.provider ?? null;
    return {
      measureId: m.measureId,
      module: m.module,
      title: m.title,
      class: m.class,
      classLabel: CLASS_LABELS[m.class],
      priority: m.priority,
      status: m.status,
      effectiveStatus: m.effectiveStatus,
      statusLabel: statusLabel(m.status, provider),
      sharedServiceProvider: provider,
      responsible: m.responsible,
      dueDate: m.dueDate,
      description: t?.description ?? null,
      justification: t?.justification ?? null,
      updatedAt: m.updatedAt,
    };
  });
  return { kov, edition: scope.edition, approach: scope.approach, generatedOn, measures };
}

/**
 * Columns of the CSV and XLSX plan. Each names the JSON field it shows (`field`), so the CSV can be
 * checked against the JSON. Dates: XLSX real date cells, CSV dd.mm.yyyy (Tallinn time).
 */
export function planColumns(format: 'csv' | 'xlsx'): Array<Column<PlanRow> & { field: keyof PlanRow }> {
  const xlsx = format === 'xlsx';
  return [
    { field: 'measureId', header: 'Tähis', value: (r) => r.measureId, width: 16 },
    { field: 'module', header: 'Moodul', value: (r) => r.module, width: 12 },
    { field: 'title', header: 'Meede', value: (r) => r.title, width: 50 },
    { field: 'classLabel', header: 'Klass', value: (r) => r.classLabel, width: 15 },
    { field: 'priority', header: 'Prioriteet', value: (r) => r.priority, width: 11 },
    { field: 'statusLabel', header: 'Seis', value: (r) => r.statusLabel, width: 24 },
    { field: 'responsible', header: 'Vastutaja', value: (r) => r.responsible, width: 22 },
    { field: 'dueDate', header: 'Tähtaeg', value: (r) => (xlsx ? dateCell(r.dueDate) : formatIsoDate(r.dueDate)), width: 12, ...(xlsx ? { numFmt: DATE_FMT } : {}) },
    { field: 'description', header: 'Rakendamise kirjeldus', value: (r) => r.description, width: 50 },
    { field: 'justification', header: 'Põhjendus', value: (r) => r.justification, width: 40 },
    { field: 'updatedAt', header: 'Muudetud', value: (r) => (xlsx ? timestampCell(r.updatedAt) : formatTimestamp(r.updatedAt)), width: 17, ...(xlsx ? { numFmt: DATETIME_FMT } : {}) },
  ];
}
