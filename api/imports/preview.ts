// The preview of an import: each sheet row against the stored record — new, changed (before and
// after), unchanged, or refused with the reason (unknown id, removed in the edition, not in the
// municipality's scope, a repeated row, a bad date or word, a field the status needs). Reads only.
import { measureExists } from '../catalog/store.ts';
import { OBJECT_TYPE_LABELS } from '../contracts/labels.ts';
import { ObjectTypeSchema, type ObjectType } from '../contracts/objects.ts';
import type { ImportFields, ImportRow, ImportSummary } from '../contracts/imports.ts';
import type { Db } from '../db/database.ts';
import { objectIdByName } from '../objects/store.ts';
import { measureInScope } from '../tracker/records.ts';
import { scopeOf, settingsOf } from '../tracker/reference.ts';
import { currentRow, mergeFields, sameFields, validateFields, type CurrentRow, type StatusFields } from '../tracker/status-write.ts';
import type { SheetRow } from './formats.ts';

/** The edition before the current one: its ids carry over to 2024 unchanged where the measure was kept (migrate-edition.ts). */
const PREVIOUS_EDITION = '2023';
/** The database's bounds on the free-text fields (migration 004). */
const MAX_LENGTH: Partial<Record<keyof StatusFields, number>> = { description: 4000, justification: 2000, responsible: 200, acceptedBy: 200 };
const FIELD_NAMES: Partial<Record<keyof StatusFields, string>> = { description: 'Kirjeldus', justification: 'Põhjendus', responsible: 'Vastutaja', acceptedBy: 'Riski aktsepteerija' };

export type NewObjectType = Exclude<ObjectType, 'organisation'>;

export interface PreviewData {
  summary: ImportSummary;
  objectsToCreate: Array<{ name: string; type: NewObjectType; modules: string[] }>;
  rows: ImportRow[];
}

const fieldsOf = (r: CurrentRow | null): ImportFields | null => {
  if (!r) return null;
  const { version: _version, ...fields } = r;
  return fields;
};

const TYPE_BY_WORD = new Map<string, ObjectType>([
  ...ObjectTypeSchema.options.map((t) => [t, t] as const),
  ...Object.entries(OBJECT_TYPE_LABELS).map(([t, label]) => [label.toLowerCase(), t as ObjectType] as const),
]);

function notInScope(db: Db, edition: string, id: string): string {
  if (measureExists(db, edition, id)) return `Meede ${id} ei kuulu omavalitsuse ulatusse.`;
  if (measureExists(db, PREVIOUS_EDITION, id)) return `Meede ${id} on väljaandest ${PREVIOUS_EDITION} ja väljaandes ${edition} seda enam ei ole.`;
  return `Tundmatu meetme tähis „${id}”.`;
}

function tooLong(f: StatusFields): string | null {
  for (const [field, max] of Object.entries(MAX_LENGTH) as Array<[keyof StatusFields, number]>) {
    const v = f[field];
    if (typeof v === 'string' && v.length > max) return `${FIELD_NAMES[field]} on liiga pikk (kuni ${max} märki).`;
  }
  return null;
}

/** Compares every row with the stored records; refused rows carry the reason. */
export function buildPreview(db: Db, ehak: string, sheetRows: SheetRow[]): PreviewData {
  const edition = settingsOf(db, ehak)!.edition;
  const firstLine = new Map<string, number>();
  const objectsToCreate = new Map<string, { name: string; type: NewObjectType; modules: string[] }>();
  const rows = sheetRows.map((s): ImportRow => {
    const base = { line: s.line, measureId: s.measureId, objectName: s.objectName, before: null, after: null, version: 0 };
    const refuse = (reason: string): ImportRow => ({ ...base, outcome: 'refused', reason });
    if (s.reason || !s.patch) return refuse(s.reason ?? 'Rida ei ole loetav.');
    // A measure appears once per object in a file (statuses are per target object × measure).
    const objectKey = `${(s.objectName ?? '').toLowerCase()}|${s.measureId}`;
    const earlier = firstLine.get(objectKey);
    if (earlier !== undefined) return refuse(`Meede ${s.measureId} on failis ${s.objectName ? `objektil „${s.objectName}” ` : ''}juba real ${earlier}.`);
    firstLine.set(objectKey, s.line);
    const existing = s.objectName ? objectIdByName(db, ehak, s.objectName) : undefined;
    if (s.objectName && existing === undefined) {
      const type = TYPE_BY_WORD.get((s.objectType ?? '').toLowerCase());
      if (!type || type === 'organisation') return refuse(`Sihtobjekti „${s.objectName}” ei ole; uue loomiseks märgi selle tüüp (nt rakendus, IT-süsteem, ruum).`);
      if (s.objectName.length > 200) return refuse('Sihtobjekti nimi on liiga pikk (kuni 200 märki).');
      if (!measureExists(db, edition, s.measureId)) return refuse(notInScope(db, edition, s.measureId));
      // A new object models the modules of the measures the file gives it (checked again on apply).
      const module = s.measureId.replace(/\.M\d+$/, '');
      const entry = objectsToCreate.get(s.objectName.toLowerCase()) ?? { name: s.objectName, type, modules: [] };
      if (!entry.modules.includes(module)) entry.modules.push(module);
      objectsToCreate.set(s.objectName.toLowerCase(), entry);
    }
    const scope = existing === undefined && s.objectName ? { edition } : measureInScope(db, ehak, s.measureId, existing);
    if (!scope) return refuse(s.objectName ? `Meede ${s.measureId} ei kuulu objekti „${s.objectName}” ulatusse.` : notInScope(db, edition, s.measureId));
    const old = existing === undefined && s.objectName ? null : currentRow(db, ehak, scope.edition, existing ?? scopeOf(db, ehak)!.organisationId, s.measureId);
    const next = mergeFields(old, { ...s.patch, status: s.patch.status ?? old?.status ?? 'not_assessed' });
    const errors = validateFields(next).map((e) => e.message);
    const long = tooLong(next);
    if (long) errors.push(long);
    if (errors.length) return refuse(errors.join(' '));
    const blank = !old && sameFields(next, mergeFields(null, { status: 'not_assessed' }));
    const outcome = (old && sameFields(old, next)) || blank ? 'unchanged' : old ? 'changed' : 'new';
    return { ...base, outcome, reason: null, before: fieldsOf(old), after: next, version: old?.version ?? 0 };
  });
  const count = (o: ImportRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    summary: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), refused: count('refused') },
    objectsToCreate: [...objectsToCreate.values()],
    rows,
  };
}
