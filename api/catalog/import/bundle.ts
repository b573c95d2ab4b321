import type { z } from 'zod';
import type { GroupKind, MeasureClass } from '../ids.ts';

/**
 * What one source file contributes to an edition. `undefined` means "this source does not know":
 * the importer keeps what the database already has, so files can be imported in any order and
 * complement each other (flat list: roles and links; YAML: titles and tree; 2023 document: prose).
 */
export interface GroupRec {
  id: string;
  parentId: string | null;
  title: string;
  kind: GroupKind;
}

export interface ModuleRec {
  id: string;
  groupId: string;
  subgroupId?: string | null;
  title?: string;
  description?: string | null;
  responsibility?: string | null;
  limits?: string | null;
  moduleThreats?: Array<{ title: string; content: string }> | null;
}

export interface MeasureRec {
  id: string;
  moduleId: string;
  title: string;
  class: MeasureClass;
  responsible?: string;
  coResponsible?: string[];
  lifecycle?: string;
  cia?: string;
  threats?: string[];
  link?: string | null;
  description?: string | null;
}

export interface Bundle {
  format: 'ria-flat' | 'ciso-yaml' | 'eits-2023' | 'index';
  /** Edition the file declares (YAML, index); the flat list and the 2023 document do not. */
  edition?: string;
  groups: GroupRec[];
  modules: ModuleRec[];
  measures: MeasureRec[];
}

/** Malformed input: the message names the record and the field. */
export class CatalogInputError extends Error {}

/** Validates each record; the first failure names its position, id and field. */
export function validateRecords<S extends z.ZodType>(schema: S, records: unknown[], label: string, idField: string): Array<z.infer<S>> {
  return records.map((rec, i) => {
    const r = schema.safeParse(rec);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const id = rec && typeof rec === 'object' && idField in rec ? String((rec as Record<string, unknown>)[idField]) : '?';
    const field = issue.path.length ? issue.path.join('.') : '(kirje)';
    throw new CatalogInputError(`${label}: kirje nr ${i + 1} (${idField} ${JSON.stringify(id)}), väli "${field}": ${issue.message}`);
  });
}

/** Throws naming the file when two records share an id. */
export function assertUnique(ids: string[], label: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new CatalogInputError(`${label}: kirje nr ${i + 1}: id ${JSON.stringify(id)} kordub`);
    seen.add(id);
  });
}
