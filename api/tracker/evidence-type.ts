// Evidence file types, decided by the content's magic bytes (the client's MIME type is ignored):
// PDF, PNG, JPEG, office documents (DOCX/XLSX/ODT/ODS, via the shared sniffer) and plain UTF-8 text.
import { CONTENT_TYPES, detectFileKind } from '../files/sniff.ts';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const starts = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The MIME type the content really is, or null when it is not an accepted evidence type. */
export function evidenceContentType(bytes: Uint8Array): string | null {
  if (starts(bytes, PNG)) return 'image/png';
  if (starts(bytes, JPEG)) return 'image/jpeg';
  const kind = detectFileKind(bytes);
  if (!kind) return null;
  // The sniffer calls any valid UTF-8 text 'md'; evidence serves it as plain text, never as HTML.
  if (kind === 'md') return 'text/plain; charset=utf-8';
  return CONTENT_TYPES[kind];
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned || 'fail';
}
