// Content-type detection by magic bytes. An upload is accepted only when the type found in its
// content matches its file-name extension, so a renamed executable or HTML page is refused.
import { unzipSync } from 'fflate';

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

/** Entries read from a ZIP for detection are tiny; anything bigger is not a real marker file. */
const MAX_MARKER_BYTES = 256 * 1024;

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function detectZip(bytes: Uint8Array): FileKind | null {
  const names: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Record every name but inflate only the two small marker files (no zip-bomb exposure).
      filter: (f) => {
        names.push(f.name);
        return (f.name === 'mimetype' || f.name === '[Content_Types].xml') && f.originalSize <= MAX_MARKER_BYTES;
      },
    });
  } catch {
    return null;
  }
  const mimetype = entries['mimetype'];
  if (mimetype) {
    const kind = ODF_MIMETYPES[new TextDecoder().decode(mimetype).trim()];
    if (kind) return kind;
  }
  if (entries['[Content_Types].xml']) {
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  return null;
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
 * PDF: starts with `%PDF-`. ZIP (`PK\x03\x04`): ODT/ODS by the `mimetype` entry, DOCX/XLSX by
 * `[Content_Types].xml` plus a `word/` or `xl/` folder. Markdown: valid UTF-8 without NUL bytes.
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
