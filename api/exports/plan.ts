// The implementation plan (tegevuskava, E-ITS "rakendusplaan"): every object × measure row in the
// municipality's scope, or one object's, with its status, owner, due date, texts and risk acceptance: everything a status has, so the import
// (api/imports/) reads it back whole. One list query plus one query for the free texts, so the
// export stays fast at ~1000 measures. The same rows feed JSON, CSV and XLSX.
import type { Db } from '../db/database.ts';
import type { Column } from '../lib/tabular.ts';
import type { Plan, PlanRow } from '../contracts/exports.ts';
import { entryKey } from '../tracker/engine.ts';
import { listMeasures } from '../tracker/records.ts';
import { kovOf, scopeOf, settingsOf } from '../tracker/reference.ts';
import { notFound } from '../lib/errors.ts';
import { peopleOf } from '../users/store.ts';
import { statusTexts } from '../tracker/stores/status.ts';
import { CLASS_LABELS, statusLabel } from '../contracts/labels.ts';
import { DATE_FMT, DATETIME_FMT, dateCell, formatIsoDate, formatTimestamp, timestampCell } from './format.ts';

/** The plan; with `objectId` only that target object's rows (404 for an object the municipality does not have). */
export function buildPlan(db: Db, ehak: string, generatedOn: string, objectId?: number): Plan {
  const { name } = kovOf(db, ehak)!;
  const scope = settingsOf(db, ehak)!;
  const object = objectId === undefined ? null : scopeOf(db, ehak)!.objects.find((o) => o.id === objectId);
  if (object === undefined) throw notFound('Sellist sihtobjekti selles omavalitsuses ei ole.');
  const texts = new Map(statusTexts(db, ehak, scope.edition).map((r) => [entryKey(r.object_id, r.measure_id), r]));
  const rows = listMeasures(db, ehak, objectId === undefined ? {} : { object: objectId });
  const owners = peopleOf(db, rows.map((m) => m.ownerUserId));
  const measures = rows.map((m): PlanRow => {
    const t = texts.get(entryKey(m.objectId, m.measureId));
    const provider = m.sharedService?.provider ?? null;
    return {
      measureId: m.measureId,
      object: m.objectName,
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
      owner: m.ownerUserId === null ? null : (owners.get(m.ownerUserId)?.name ?? null),
      dueDate: m.dueDate,
      description: t?.description ?? null,
      justification: t?.justification ?? null,
      acceptedBy: t?.accepted_by ?? null,
      acceptedAt: t?.accepted_at ?? null,
      updatedAt: m.updatedAt,
    };
  });
  return { kov: { ehak, name }, edition: scope.edition, approach: scope.approach, generatedOn, object: object && { id: object.id, name: object.name }, measures };
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
    { field: 'acceptedBy', header: 'Riski aktsepteerija', value: (r) => r.acceptedBy, width: 22 },
    { field: 'acceptedAt', header: 'Aktsepteerimise kuupäev', value: (r) => (xlsx ? dateCell(r.acceptedAt) : formatIsoDate(r.acceptedAt)), width: 12, ...(xlsx ? { numFmt: DATE_FMT } : {}) },
    { field: 'updatedAt', header: 'Muudetud', value: (r) => (xlsx ? timestampCell(r.updatedAt) : formatTimestamp(r.updatedAt)), width: 17, ...(xlsx ? { numFmt: DATETIME_FMT } : {}) },
    // Last, so the columns before it keep their places from before objects.
    { field: 'object', header: 'Sihtobjekt', value: (r) => r.object, width: 24 },
    { field: 'owner', header: 'Omanik', value: (r) => r.owner, width: 22 },
  ];
}
