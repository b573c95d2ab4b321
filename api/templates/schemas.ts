// OpenAPI schemas and the fixed vocabularies of the template workflow.
import { z } from '@hono/zod-openapi';

export const CATEGORIES = ['poliitika', 'kord', 'plaan', 'juhend', 'vorm', 'parim-praktika'] as const;
export const STATUSES = ['submitted', 'in_review', 'approved', 'changes_requested', 'rejected', 'superseded'] as const;
export const DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Status = (typeof STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];

export const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_TITLE = 200;
export const MAX_SUMMARY = 2000;
export const MAX_COMMENT = 5000;

const Person = z.object({ id: z.number().int(), name: z.string() }).openapi('TemplatePerson');

export const ListItemSchema = z
  .object({
    id: z.number().int(),
    category: z.enum(CATEGORIES),
    version: z.number().int().openapi({ description: 'The version this row describes: the current approved one for status=approved, else the latest' }),
    title: z.string(),
    summary: z.string(),
    measures: z.array(z.string()),
    status: z.enum(STATUSES),
    submittedAt: z.string(),
    approvedAt: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    downloadUrl: z.string(),
    currentVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
  })
  .openapi('TemplateListItem');

export const ChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).openapi('TemplateChange');

export const VoteSchema = z
  .object({ reviewer: Person, decision: z.enum(DECISIONS), comment: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('TemplateVote');

export const VersionSchema = z
  .object({
    n: z.number().int(),
    title: z.string(),
    summary: z.string(),
    category: z.enum(CATEGORIES),
    measures: z.array(z.string()),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    status: z.enum(STATUSES),
    submittedBy: Person,
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    downloadUrl: z.string(),
    votes: z.array(VoteSchema),
    approvals: z.number().int().openapi({ description: 'Approvals that count toward the quorum' }),
    quorumMet: z.boolean(),
    changes: z.array(ChangeSchema).openapi({ description: 'Metadata differences from the previous version' }),
  })
  .openapi('TemplateVersion');

export const CommentSchema = z
  .object({ id: z.number().int(), version: z.number().int(), parentId: z.number().int().nullable(), author: Person, body: z.string(), createdAt: z.string() })
  .openapi('TemplateComment');

export const DetailSchema = z
  .object({
    id: z.number().int(),
    category: z.enum(CATEGORIES),
    currentVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    createdBy: Person,
    createdAt: z.string(),
    quorum: z.number().int(),
    versions: z.array(VersionSchema),
    comments: z.array(CommentSchema),
    viewer: z.object({ canReview: z.boolean(), canSubmitVersion: z.boolean(), ownVote: z.enum(DECISIONS).nullable() }),
  })
  .openapi('TemplateDetail');

export const SubmitResultSchema = z
  .object({ id: z.number().int(), version: z.number().int(), status: z.enum(STATUSES) })
  .openapi('TemplateSubmitResult');

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

export const CommentBodySchema = z
  .object({
    body: z.string().trim().min(1, 'Kommentaar on tühi.').max(MAX_COMMENT, `Kommentaar on pikem kui ${MAX_COMMENT} märki.`),
    parentId: z.number().int().positive().optional(),
    version: z.number().int().positive().optional(),
  })
  .openapi('TemplateCommentInput');

export const ReviewBodySchema = z
  .object({
    decision: z.enum(DECISIONS),
    comment: z.string().trim().max(MAX_COMMENT, `Kommentaar on pikem kui ${MAX_COMMENT} märki.`).default(''),
    version: z.number().int().positive().optional().openapi({ description: 'Defaults to the latest version; must be the latest' }),
  })
  .openapi('TemplateReviewInput');

export const IdParams = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
