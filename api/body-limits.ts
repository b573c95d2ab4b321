// How many bytes of request body each API request may send, decided from the method, the path,
// the content type and whether a user is signed in, before a single byte of the body is read.
import { MAX_IMPORT_BYTES } from './imports/read-file.ts';
import { MAX_TEMPLATE_FILE_BYTES } from './templates/schemas.ts';
import { MAX_EVIDENCE_BYTES } from './tracker/evidence-type.ts';

const KB = 1024;
const MB = 1024 * KB;

/** JSON (and any other) bodies of a signed-in user. */
export const JSON_BODY_BYTES = 1 * MB;
/** Any body without a valid session: sign-in, setting a password. */
export const ANONYMOUS_BODY_BYTES = 64 * KB;
/** Room for a multipart upload's boundaries and text fields beside its file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * KB;
/** Request bodies held in memory at once, over all requests together. */
export const MAX_BUFFERED_BYTES = 64 * MB;
/** Parts of one multipart body; our forms have at most a dozen fields. */
export const MAX_MULTIPART_PARTS = 50;

/** The multipart upload routes and the file size each allows. Budget attachments share evidence's limit. */
const UPLOADS: ReadonlyArray<{ path: RegExp; fileBytes: number }> = [
  { path: /^\/api\/templates$/, fileBytes: MAX_TEMPLATE_FILE_BYTES },
  { path: /^\/api\/templates\/[^/]+\/versions$/, fileBytes: MAX_TEMPLATE_FILE_BYTES },
  { path: /^\/api\/kovs\/[^/]+\/measures\/[^/]+\/evidence$/, fileBytes: MAX_EVIDENCE_BYTES },
  { path: /^\/api\/budget\/plans\/[^/]+\/actuals$/, fileBytes: MAX_EVIDENCE_BYTES },
  { path: /^\/api\/kovs\/[^/]+\/imports$/, fileBytes: MAX_IMPORT_BYTES },
];

export type BodyLimit = { maxBytes: number } | { signInFirst: true };

/**
 * The limit for one request: an upload route with a multipart body allows its file plus the form
 * around it, and only to a signed-in user (anyone else is refused before the body is read);
 * every other body gets the JSON limit, or the anonymous one without a session.
 */
export function bodyLimitFor(method: string, path: string, contentType: string, signedIn: boolean): BodyLimit {
  const multipart = /^multipart\/form-data\b/i.test(contentType);
  const upload = method === 'POST' && multipart ? UPLOADS.find((u) => u.path.test(path)) : undefined;
  if (upload && !signedIn) return { signInFirst: true };
  if (upload) return { maxBytes: upload.fileBytes + MULTIPART_OVERHEAD_BYTES };
  return { maxBytes: signedIn ? JSON_BODY_BYTES : ANONYMOUS_BODY_BYTES };
}

/**
 * Whether a multipart body has more than `MAX_MULTIPART_PARTS` parts, counted by its delimiters
 * (native search, stops at the limit). Parsing 200 000 tiny parts takes the form parser seconds.
 */
export function tooManyParts(body: Buffer, contentType: string): boolean {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return false;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`, 'latin1');
  let parts = -1; // the closing delimiter ends the last part and opens none
  for (let at = body.indexOf(delimiter); at >= 0; at = body.indexOf(delimiter, at + delimiter.length)) {
    if (++parts > MAX_MULTIPART_PARTS) return true;
  }
  return false;
}

/** "1 MB", "64 KB": a limit as the error message states it. */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}

/**
 * Bytes of request bodies held in memory across requests. A request reserves its declared length
 * before reading (or each chunk of a chunked body as it comes) and gives it back when its response
 * is done; a reservation past the cap is refused, so a flood of uploads cannot exhaust memory.
 */
export class BodyBudget {
  private used = 0;
  constructor(readonly capBytes: number) {}

  take(bytes: number): boolean {
    if (this.used + bytes > this.capBytes) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}
