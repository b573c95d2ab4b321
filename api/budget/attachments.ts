// Attachments of actual costs (invoices, acts): the same checks and the same file store as
// evidence files. The type comes from the content, the write is atomic, and `attachment_path`
// holds the store's key (relative to FILES_PATH).
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { deleteStoredFile, readStoredFile, storeFile } from '../files/store.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { evidenceContentType, MAX_EVIDENCE_BYTES } from '../tracker/evidence-type.ts';

export const MAX_ATTACHMENT_BYTES = MAX_EVIDENCE_BYTES;

export interface SavedAttachment {
  name: string;
  /** The file store's key, kept in budget_actual.attachment_path. */
  path: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Checks an uploaded attachment (size, type by content) and writes it to the store; a refused file
 * leaves nothing on disk. The caller removes it again (`discardAttachment`) if recording the cost fails.
 */
export async function saveAttachment(filesPath: string, file: File): Promise<SavedAttachment> {
  if (file.size > MAX_ATTACHMENT_BYTES) throw new ApiError(413, 'payload_too_large', 'Manus on liiga suur (lubatud kuni 10 MB).');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!evidenceContentType(bytes)) {
    const message = 'Manuse sisu ei vasta ühelegi lubatud tüübile (PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, tekst).';
    throw new ApiError(400, 'unsupported_file_type', message, [{ path: 'attachment', message }]);
  }
  const stored = storeFile(filesPath, 'budget', bytes, { maxBytes: MAX_ATTACHMENT_BYTES });
  return { name: file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'manus', path: stored.storageKey };
}

export function discardAttachment(filesPath: string, saved: SavedAttachment): void {
  deleteStoredFile(filesPath, saved.path);
}

/**
 * The bytes of a stored attachment. Rows written before attachments went through the store hold
 * an absolute path `<FILES_PATH>/budget/<uuid>`; only exactly such a path is read.
 */
export function readAttachment(filesPath: string, path: string): Buffer {
  const legacy = path.startsWith('/') ? resolve(path) : null;
  if (legacy && (dirname(legacy) !== resolve(join(filesPath, 'budget')) || !UUID.test(basename(legacy)))) throw notFound('Kulul ei ole manust.');
  try {
    return legacy ? readFileSync(legacy) : readStoredFile(filesPath, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('Manuse faili ei leitud.');
    throw err;
  }
}
