// Turns a multipart submission into validated metadata plus a stored file. Everything is checked
// before the file is written, so a refused upload leaves nothing on disk or in the database.
import { measureExists } from '../catalog/store.ts';
import { latestEditionId } from '../catalog/stores/editions.ts';
import type { Db } from '../db/database.ts';
import { checkFileType, FileTypeError } from '../files/sniff.ts';
import { FileTooLargeError, storeFile, type StoredFile } from '../files/store.ts';
import { ApiError } from '../lib/errors.ts';
import { CATEGORIES, MAX_SUMMARY, MAX_TEMPLATE_FILE_BYTES, MAX_TITLE, type Category } from './schemas.ts';

export interface SubmissionMeta {
  title: string;
  summary: string;
  category: Category;
  measures: string[];
}

export interface Submission extends SubmissionMeta {
  fileName: string;
  contentType: string;
  stored: StoredFile;
}

const invalid = (path: string, message: string) => new ApiError(400, 'validation_failed', message, [{ path, message }]);

/** The catalogue edition submissions are checked against: the newest one loaded. */
export function currentEdition(db: Db): string {
  return latestEditionId(db) ?? '2024';
}

/** Parses "ISMS.1.M1, ORP.1.M2" and checks every id against the current catalogue edition. */
export function parseMeasures(db: Db, raw: string): string[] {
  const ids = [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (ids.length > 50) throw invalid('measures', 'Meetmeid on üle 50.');
  const edition = currentEdition(db);
  const unknown = ids.filter((id) => !measureExists(db, edition, id));
  if (unknown.length > 0) {
    const message = `Tundmatu meetme tähis (E-ITS ${edition}): ${unknown.join(', ')}`;
    throw new ApiError(400, 'unknown_measure', message, unknown.map((id) => ({ path: 'measures', message: `Tundmatu meede ${id}` })));
  }
  return ids;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Validates the text fields; `fallback` supplies category/measures for a new version. */
export function parseMeta(db: Db, form: Record<string, unknown>, fallback?: SubmissionMeta): SubmissionMeta {
  const title = str(form['title']).trim();
  if (title === '') throw invalid('title', 'Pealkiri on kohustuslik.');
  if (title.length > MAX_TITLE) throw invalid('title', `Pealkiri on pikem kui ${MAX_TITLE} märki.`);
  const summary = str(form['summary']).trim();
  if (summary.length > MAX_SUMMARY) throw invalid('summary', `Kokkuvõte on pikem kui ${MAX_SUMMARY} märki.`);
  const rawCategory = str(form['category']).trim() || fallback?.category || '';
  if (!(CATEGORIES as readonly string[]).includes(rawCategory)) throw invalid('category', `Liik peab olema üks järgmistest: ${CATEGORIES.join(', ')}.`);
  const measures = form['measures'] === undefined && fallback ? fallback.measures : parseMeasures(db, str(form['measures']));
  return { title, summary, category: rawCategory as Category, measures };
}

/** Keeps the last path segment, drops control characters, caps the length but keeps the extension. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (base.length <= 255) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  return base.slice(0, 255 - ext.length) + ext;
}

/** Checks the file (present, size, type by content) and writes it to the store. */
export async function storeUpload(filesPath: string, value: unknown): Promise<Pick<Submission, 'fileName' | 'contentType' | 'stored'>> {
  if (!(value instanceof File)) throw invalid('file', 'Fail on kohustuslik.');
  if (value.size > MAX_TEMPLATE_FILE_BYTES) {
    throw new ApiError(413, 'file_too_large', new FileTooLargeError(MAX_TEMPLATE_FILE_BYTES).message);
  }
  if (value.size === 0) throw invalid('file', 'Fail on tühi.');
  const fileName = cleanFileName(value.name);
  if (fileName === '') throw invalid('file', 'Failil puudub nimi.');
  const bytes = new Uint8Array(await value.arrayBuffer());
  let contentType: string;
  try {
    contentType = checkFileType(fileName, bytes).contentType;
  } catch (err) {
    if (err instanceof FileTypeError) throw new ApiError(400, err.reason, err.message, [{ path: 'file', message: err.message }]);
    throw err;
  }
  try {
    return { fileName, contentType, stored: storeFile(filesPath, 'templates', bytes, { maxBytes: MAX_TEMPLATE_FILE_BYTES }) };
  } catch (err) {
    if (err instanceof FileTooLargeError) throw new ApiError(413, 'file_too_large', err.message);
    throw err;
  }
}
