// Creating an import: read the upload (bounded), recognise its format or apply the user's column
// mapping (or the one saved for the municipality), and store the preview. Nothing else is written.
import type { Actor } from '../audit/record.ts';
import { ImportMappingSchema, type ImportMapping, type ImportPreview } from '../contracts/imports.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { detectFormat, missingColumns, readRows, type Format, type SheetRow } from './formats.ts';
import { buildPreview, type PreviewData } from './preview.ts';
import { readSheet } from './read-file.ts';
import { importRow, insertImport, savedMapping, saveMapping } from './store.ts';

/** A mapping sent as the form's JSON text; 400 with the field errors when it is not one. */
export function parseMapping(text: string | null): ImportMapping | null {
  if (text === null || text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'mapping', message: 'Veergude vastavus ei ole JSON.' }]);
  }
  const parsed = ImportMappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message })));
  }
  return parsed.data;
}

export function mappingOf(db: Db, ehak: string): ImportMapping | null {
  const text = savedMapping(db, ehak);
  return text ? ImportMappingSchema.parse(JSON.parse(text)) : null;
}

/** Stores a preview and answers it as the API does. */
export function storePreview(db: Db, ehak: string, fileName: string, format: Format | 'first_steps', rows: SheetRow[], actor: Actor): ImportPreview {
  const preview = buildPreview(db, ehak, rows);
  const id = insertImport(db, { ehak, file_name: fileName, format, preview: JSON.stringify(preview), created_by: actor.id });
  return { id, fileName, format, state: 'preview', ...preview };
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
  mapping: ImportMapping | null;
  saveMapping: boolean;
}

export async function createImport(db: Db, ehak: string, upload: Upload, actor: Actor): Promise<ImportPreview> {
  const sheet = await readSheet(upload.bytes);
  const header = sheet[0]!;
  // The user's mapping wins; then the recognised formats; then the mapping saved for the municipality.
  const saved = upload.mapping ? null : mappingOf(db, ehak);
  const detected = upload.mapping ? null : detectFormat(header);
  const mapping = upload.mapping ?? (detected ? null : saved);
  if (!detected && !mapping) {
    throw new ApiError(400, 'mapping_required', 'Faili vorming on tundmatu: märgi, millises veerus on meetme tähis ja millistes seis, vastutaja, tähtaeg ja põhjendus.', { columns: header.filter((h) => h !== '') });
  }
  if (mapping) {
    const missing = missingColumns(header, mapping);
    if (missing.length) throw new ApiError(400, 'mapping_columns_missing', `Failis ei ole veerge: ${missing.join(', ')}.`, { columns: header.filter((h) => h !== ''), missing });
  }
  const format: Format = detected ?? 'mapped';
  const rows = readRows(sheet, format, mapping);
  return inTransaction(db, () => {
    if (upload.mapping && upload.saveMapping) saveMapping(db, ehak, JSON.stringify(upload.mapping), actor.id);
    return storePreview(db, ehak, upload.name.slice(0, 255) || 'fail', format, rows, actor);
  });
}

export function getImport(db: Db, ehak: string, id: number): ImportPreview {
  const row = importRow(db, ehak, id);
  if (!row) throw notFound('Importi ei leitud.');
  const preview = JSON.parse(row.preview) as PreviewData;
  return { id, fileName: row.file_name, format: row.format, state: row.state, ...preview };
}
