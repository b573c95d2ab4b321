// Server-side pieces of the template routes: upload limits, the multipart form and path params.
// Response and JSON body schemas are the contracts in api/contracts/templates.ts.
import { z } from '@hono/zod-openapi';

import { CATEGORIES } from '../contracts/templates.ts';

// The vocabularies are the contract's (api/contracts/templates.ts); re-exported for server modules.
export { CATEGORIES, DECISIONS, MAX_COMMENT, STATUSES, type Category, type Decision, type Status } from '../contracts/templates.ts';

export const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_TITLE = 200;
export const MAX_SUMMARY = 2000;

/** Multipart fields; the file is checked by the handler (size, type by content). */
export const SubmitFormSchema = z
  .object({
    title: z.string().openapi({ example: 'Infoturbepoliitika mall' }),
    summary: z.string().optional().openapi({ example: 'Lühike poliitika KOV-ile' }),
    category: z.string().optional().openapi({ example: 'poliitika', description: `One of ${CATEGORIES.join(', ')}; optional for a new version` }),
    measures: z.string().optional().openapi({ example: 'ISMS.1.M1, ORP.1.M1', description: 'Comma-separated E-ITS measure ids' }),
    file: z.any().openapi({ type: 'string', format: 'binary', description: 'ODT, DOCX, PDF, XLSX, ODS or Markdown, at most 5 MB' }),
  })
  .openapi('TemplateSubmitForm');

export const IdParams = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
