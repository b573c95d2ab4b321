// What the review page previews of a version's file: its text as blocks (preview-blocks.ts), or
// 'none' with the reason (PDF and spreadsheets stay downloads; too large or unreadable documents are
// refused). Only content.xml / word/document.xml is inflated, never more than MAX_XML_BYTES of it.
import type { Preview } from '../contracts/templates.ts';
import { CONTENT_TYPES } from '../files/sniff.ts';
import { readEntryBounded } from '../files/zip.ts';
import { markdownBlocks, type Blocks } from './preview-blocks.ts';
import { docxBlocks, odtBlocks } from './preview-office.ts';

/** The document XML a preview inflates at most; a template's text is a small fraction of it. */
export const MAX_XML_BYTES = 4 * 1024 * 1024;

const MESSAGES = {
  download: 'Selle failitüübi eelvaadet ei näidata. Laadi fail alla.',
  too_large: `Eelvaadet ei näidata: dokumendi sisu on lahtipakituna suurem kui ${MAX_XML_BYTES / 1024 / 1024} MB. Laadi fail alla.`,
  unreadable: 'Eelvaadet ei õnnestunud koostada: dokumendi sisu ei ole loetav. Laadi fail alla.',
} as const;

const none = (reason: keyof typeof MESSAGES): Preview => ({ kind: 'none', blocks: [], truncated: false, reason, message: MESSAGES[reason] });
const ok = (b: Blocks): Preview => ({ kind: 'blocks', blocks: b.blocks, truncated: b.truncated, reason: null, message: null });

function office(bytes: Uint8Array, entry: string, toBlocks: (xml: string) => Blocks): Preview {
  const xml = readEntryBounded(bytes, entry, MAX_XML_BYTES);
  if (xml === 'too_large') return none('too_large');
  if (xml === null) return none('unreadable');
  try {
    return ok(toBlocks(new TextDecoder('utf-8').decode(xml)));
  } catch {
    return none('unreadable'); // not well-formed XML (saxes refuses it)
  }
}

/** The preview of a stored file of the given (sniffed, stored) content type. */
export function previewOf(bytes: Uint8Array, contentType: string): Preview {
  switch (contentType) {
    case CONTENT_TYPES.md:
      return ok(markdownBlocks(new TextDecoder('utf-8').decode(bytes)));
    case CONTENT_TYPES.odt:
      return office(bytes, 'content.xml', odtBlocks);
    case CONTENT_TYPES.docx:
      return office(bytes, 'word/document.xml', docxBlocks);
    default:
      return none('download');
  }
}
