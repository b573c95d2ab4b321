// Content-type detection by magic bytes. An upload is accepted only when the type found in its
// content matches its file-name extension, so a renamed executable or HTML page is refused.
// ZIP-based kinds are told apart without trusting the archive's sizes: at most a few hundred
// bytes are ever inflated (see zip.ts), so a zip bomb costs nothing.
import { centralDirectory, firstLocalEntry, inflateBounded, plausibleSizes } from './zip.ts';

export type FileKind = 'pdf' | 'odt' | 'ods' | 'docx' | 'xlsx' | 'md';

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
};

/** File-name extensions (lower case, without the dot) and the kind each one promises. */
export const EXTENSIONS: Record<string, FileKind> = {
  pdf: 'pdf',
  odt: 'odt',
  ods: 'ods',
  docx: 'docx',
  xlsx: 'xlsx',
  md: 'md',
  markdown: 'md',
};

const ODF_MIMETYPES: Record<string, FileKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

/** Longest `mimetype` entry read, stored or inflated; the real ones are under 50 bytes. */
const MAX_MIMETYPE_BYTES = 256;
/** Compressed bytes of a deflated `mimetype` looked at: far more than any real one needs. */
const MAX_MIMETYPE_DEFLATED = 1024;
/** What all entries of an accepted archive may claim together: 100× the largest upload. */
const MAX_EXPANDED_BYTES = 1024 * 1024 * 1024;

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** ODF: the first entry is `mimetype`, stored (as the standard requires) or, leniently, deflated. */
function detectOdf(bytes: Uint8Array): FileKind | null {
  const first = firstLocalEntry(bytes, MAX_MIMETYPE_DEFLATED);
  if (first?.name !== 'mimetype') return null;
  let value: Uint8Array | null = null;
  if (first.method === 0 && first.data.length <= MAX_MIMETYPE_BYTES) value = first.data;
  else if (first.method === 8) value = inflateBounded(first.data, MAX_MIMETYPE_BYTES);
  return value ? (ODF_MIMETYPES[new TextDecoder().decode(value).trim()] ?? null) : null;
}

/** OOXML: `[Content_Types].xml` plus a `word/` or `xl/` folder, by the central directory's names alone. */
function detectOoxml(names: string[]): FileKind | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/** An office document: a well-formed central directory with plausible sizes, then ODF or OOXML. */
function detectZip(bytes: Uint8Array): FileKind | null {
  const entries = centralDirectory(bytes);
  if (!entries || !plausibleSizes(entries, MAX_EXPANDED_BYTES)) return null;
  return detectOdf(bytes) ?? detectOoxml(entries.map((e) => e.name));
}

function isMarkdownText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The kind of file the bytes are, or null when none of the accepted kinds.
 * PDF: starts with `%PDF-`. ZIP (`PK\x03\x04`, with a central directory whose sizes are possible):
 * ODT/ODS by the first entry `mimetype`, DOCX/XLSX by the names `[Content_Types].xml` plus a `word/`
 * or `xl/` folder.
 * Markdown: valid UTF-8 without NUL bytes.
 */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\x03\x04')) return detectZip(bytes);
  if (bytes.length > 0 && isMarkdownText(bytes)) return 'md';
  return null;
}

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export class FileTypeError extends Error {
  constructor(
    readonly reason: 'unsupported_extension' | 'unrecognised_content' | 'extension_mismatch',
    message: string,
  ) {
    super(message);
  }
}

/** Checks that the file's extension is accepted and matches its content; returns kind and MIME type. */
export function checkFileType(fileName: string, bytes: Uint8Array): { kind: FileKind; contentType: string } {
  const ext = extensionOf(fileName);
  const promised = EXTENSIONS[ext];
  if (!promised) {
    throw new FileTypeError('unsupported_extension', `Failitüüp „.${ext}” ei ole lubatud. Lubatud: ODT, DOCX, PDF, XLSX, ODS, Markdown (.md).`);
  }
  const found = detectFileKind(bytes);
  if (!found) throw new FileTypeError('unrecognised_content', 'Faili sisu ei vasta ühelegi lubatud failitüübile.');
  if (found !== promised) {
    throw new FileTypeError('extension_mismatch', `Faili laiend „.${ext}” ei vasta sisule (sisu järgi ${found.toUpperCase()}).`);
  }
  return { kind: found, contentType: CONTENT_TYPES[found] };
}
