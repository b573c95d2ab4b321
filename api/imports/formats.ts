// What a sheet says, row by row, whatever its origin: Turvarada's own plan export (known by its
// headers; every field a status has), CISO Assistant's audit export (ref_id + compliance_result),
// or any sheet whose columns the user maps. Each row becomes a patch of status fields or a reason
// to refuse it; nothing here reads the database.
import { STATUS_LABELS, STATUSES, type Status } from '../contracts/labels.ts';
import type { ImportMapping } from '../contracts/imports.ts';
import type { StatusPatch } from '../tracker/status-write.ts';

export type Format = 'plan' | 'mapped' | 'ciso';

/** One data row: where it is, what it names, and the patch or why it is refused. */
export interface SheetRow {
  line: number;
  measureId: string;
  objectName: string | null;
  objectType: string | null;
  patch: ImportPatch | null;
  reason: string | null;
}

/** The fields a row sets; without a status the record keeps its own (a mapping with no status column). */
export type ImportPatch = Partial<StatusPatch>;

/** The plan export's headers (api/exports/plan.ts), by the status field each carries. */
export const PLAN_HEADERS = {
  id: 'Tähis',
  status: 'Seis',
  responsible: 'Vastutaja',
  dueDate: 'Tähtaeg',
  description: 'Rakendamise kirjeldus',
  justification: 'Põhjendus',
  acceptedBy: 'Riski aktsepteerija',
  acceptedAt: 'Aktsepteerimise kuupäev',
  objectName: 'Sihtobjekt',
  objectType: 'Sihtobjekti tüüp',
} as const;

/** Estonian words sheets use for a status; a mapping's own words are added on top. */
export const DEFAULT_STATUS_WORDS: Readonly<Record<string, Status>> = {
  ...Object.fromEntries(STATUSES.map((s) => [STATUS_LABELS[s], s])),
  ...Object.fromEntries(STATUSES.map((s) => [s, s])),
  jah: 'implemented',
  tehtud: 'implemented',
  ei: 'not_implemented',
  'ei ole': 'not_implemented',
  plaanis: 'not_implemented',
  planeeritud: 'not_implemented',
  osaliselt: 'partial',
  'ei rakendata': 'not_applicable',
  'ei kohaldu': 'not_applicable',
  'ei ole asjakohane': 'not_applicable',
  'risk aktsepteeritud': 'risk_accepted',
};

/** CISO Assistant's compliance results (requirement assessments). */
const CISO_RESULTS: Readonly<Record<string, Status>> = {
  compliant: 'implemented',
  partially_compliant: 'partial',
  non_compliant: 'not_implemented',
  not_applicable: 'not_applicable',
  not_assessed: 'not_assessed',
};

const word = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
/** The plan's CSV guards text that starts like a formula with a leading apostrophe; take it off. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : unguard(s.trim()));

/** 'dd.mm.yyyy', 'd.m.yyyy' or ISO 'yyyy-mm-dd' as ISO; undefined when it is not a real date. */
export function parseDate(s: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = s.includes('.') ? [m[3]!, m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** The format the headers show: the plan export, a CISO Assistant audit, or null (needs a mapping). */
export function detectFormat(header: string[]): Format | null {
  const has = (h: string) => header.includes(h);
  if (has(PLAN_HEADERS.id) && has(PLAN_HEADERS.status) && has(PLAN_HEADERS.justification)) return 'plan';
  if (has('ref_id') && has('compliance_result')) return 'ciso';
  return null;
}

/** The header names a mapping refers to that the sheet does not have. */
export function missingColumns(header: string[], mapping: ImportMapping): string[] {
  return [mapping.id, mapping.status, mapping.owner, mapping.dueDate, mapping.justification].filter((c): c is string => !!c && !header.includes(c));
}

class Refusal extends Error {}

function dateOf(s: string | null, what: string): string | null {
  if (s === null) return null;
  const iso = parseDate(s);
  if (!iso) throw new Refusal(`${what} „${s}” ei ole kuupäev (pp.kk.aaaa).`);
  return iso;
}

function statusOf(s: string | null, words: Readonly<Record<string, Status>>): Status {
  if (s === null) throw new Refusal('Seis puudub.');
  // The plan shows a measure delivered centrally as "tagatud keskselt (…)": its own status is not assessed.
  if (/^tagatud keskselt\b/i.test(s)) return 'not_assessed';
  const status = words[word(s)];
  if (!status) throw new Refusal(`Tundmatu seis „${s}”.`);
  return status;
}

type Cells = (name: string | undefined) => string | null | undefined;

function planPatch(cell: Cells): StatusPatch {
  const present = <T>(name: string, v: () => T): T | undefined => (cell(name) === undefined ? undefined : v());
  return {
    status: statusOf(cell(PLAN_HEADERS.status) ?? null, DEFAULT_STATUS_WORDS),
    responsible: present(PLAN_HEADERS.responsible, () => cell(PLAN_HEADERS.responsible) ?? null),
    dueDate: present(PLAN_HEADERS.dueDate, () => dateOf(cell(PLAN_HEADERS.dueDate) ?? null, 'Tähtaeg')),
    description: present(PLAN_HEADERS.description, () => cell(PLAN_HEADERS.description) ?? null),
    justification: present(PLAN_HEADERS.justification, () => cell(PLAN_HEADERS.justification) ?? null),
    acceptedBy: present(PLAN_HEADERS.acceptedBy, () => cell(PLAN_HEADERS.acceptedBy) ?? null),
    acceptedAt: present(PLAN_HEADERS.acceptedAt, () => dateOf(cell(PLAN_HEADERS.acceptedAt) ?? null, 'Aktsepteerimise kuupäev')),
  };
}

function mappedPatch(cell: Cells, m: ImportMapping, words: Readonly<Record<string, Status>>): ImportPatch {
  const patch: ImportPatch = m.status ? { status: statusOf(cell(m.status) ?? null, words) } : {};
  if (m.owner) patch.responsible = cell(m.owner) ?? null;
  if (m.dueDate) patch.dueDate = dateOf(cell(m.dueDate) ?? null, 'Tähtaeg');
  if (m.justification) patch.justification = cell(m.justification) ?? null;
  return patch;
}

function cisoPatch(cell: Cells): StatusPatch {
  const result = cell('compliance_result') ?? 'not_assessed';
  const status = CISO_RESULTS[word(result)];
  if (!status) throw new Refusal(`Tundmatu compliance_result „${result}”.`);
  const observations = cell('observations') ?? null;
  return status === 'not_applicable' ? { status, justification: observations } : { status, description: observations };
}

/** A CISO Assistant row that is not an assessable requirement (a module heading) is not a row to import. */
const notAssessable = (cell: Cells) => cell('assessable') !== undefined && !['true', '1', 'jah', 'yes'].includes(word(cell('assessable') ?? ''));

/** The data rows as patches, in sheet order (blank rows and CISO Assistant headings left out). */
export function readRows(rows: string[][], format: Format, mapping: ImportMapping | null): SheetRow[] {
  const header = rows[0]!;
  const index = new Map(header.map((h, i) => [h, i]));
  const words = { ...DEFAULT_STATUS_WORDS, ...Object.fromEntries(Object.entries(mapping?.statusWords ?? {}).map(([k, v]) => [word(k), v])) };
  const idColumn = format === 'plan' ? PLAN_HEADERS.id : format === 'ciso' ? 'ref_id' : mapping!.id;
  const out: SheetRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const cell: Cells = (name) => (name === undefined || !index.has(name) ? undefined : orNull(cells[index.get(name)!] ?? ''));
    if (cells.every((c) => c === '')) return;
    if (format === 'ciso' && notAssessable(cell)) return;
    const line = i + 2;
    const measureId = (cell(idColumn) ?? '').replace(/\s+/g, '').toUpperCase();
    const row: SheetRow = { line, measureId, objectName: cell(PLAN_HEADERS.objectName) ?? null, objectType: cell(PLAN_HEADERS.objectType) ?? null, patch: null, reason: null };
    try {
      if (!measureId) throw new Refusal('Meetme tähis puudub.');
      row.patch = format === 'plan' ? planPatch(cell) : format === 'ciso' ? cisoPatch(cell) : mappedPatch(cell, mapping!, words);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      row.reason = err.message;
    }
    out.push(row);
  });
  return out;
}
