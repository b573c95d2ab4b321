// What the template API answers with, and the workflow's fixed vocabularies: list rows, the
// detail view (versions, metadata diffs, votes, comments), submission, review and adoption
// results. Plain zod only, so the site imports the same definitions (types via z.infer).
import { z } from 'zod';
import { PersonSchema } from './common.ts';

export const CATEGORIES = ['poliitika', 'kord', 'plaan', 'juhend', 'vorm', 'parim-praktika'] as const;
export const STATUSES = ['submitted', 'in_review', 'approved', 'changes_requested', 'rejected', 'superseded'] as const;
export const DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Status = (typeof STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];

export const MAX_COMMENT = 5000;

const Id = z.number().int();

export const ListItemSchema = z
  .object({
    id: Id,
    category: z.enum(CATEGORIES),
    version: Id.meta({ description: 'The version this row describes: the current approved one for status=approved, else the latest' }),
    title: z.string(),
    summary: z.string(),
    measures: z.array(z.string()),
    status: z.enum(STATUSES),
    submittedAt: z.string(),
    approvedAt: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: Id,
    downloadUrl: z.string(),
    currentVersion: Id.nullable(),
    latestVersion: Id,
  })
  .meta({ id: 'TemplateListItem' });
export type ListItem = z.infer<typeof ListItemSchema>;

/** A metadata field that differs from the previous version: measures are a list, the rest text. */
const ChangeValue = z.union([z.string(), z.array(z.string())]);
export const ChangeSchema = z
  .object({ field: z.enum(['title', 'summary', 'category', 'measures', 'fileName', 'sha256']), from: ChangeValue, to: ChangeValue })
  .meta({ id: 'TemplateChange' });
export type Change = z.infer<typeof ChangeSchema>;

export const VoteSchema = z
  .object({ reviewer: PersonSchema, decision: z.enum(DECISIONS), comment: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'TemplateVote' });
export type Vote = z.infer<typeof VoteSchema>;

export const VersionSchema = z
  .object({
    n: Id,
    title: z.string(),
    summary: z.string(),
    category: z.enum(CATEGORIES),
    measures: z.array(z.string()),
    fileName: z.string(),
    contentType: z.string(),
    size: Id,
    sha256: z.string(),
    status: z.enum(STATUSES),
    submittedBy: PersonSchema,
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    downloadUrl: z.string(),
    votes: z.array(VoteSchema),
    approvals: Id.meta({ description: 'Approvals that count toward the quorum' }),
    quorumMet: z.boolean(),
    changes: z.array(ChangeSchema).meta({ description: 'Metadata differences from the previous version' }),
  })
  .meta({ id: 'TemplateVersion' });
export type Version = z.infer<typeof VersionSchema>;

export const CommentSchema = z
  .object({ id: Id, version: Id, parentId: Id.nullable(), author: PersonSchema, body: z.string(), createdAt: z.string() })
  .meta({ id: 'TemplateComment' });
export type Comment = z.infer<typeof CommentSchema>;

export const DetailSchema = z
  .object({
    id: Id,
    category: z.enum(CATEGORIES),
    currentVersion: Id.nullable(),
    latestVersion: Id,
    createdBy: PersonSchema,
    createdAt: z.string(),
    quorum: Id,
    versions: z.array(VersionSchema),
    comments: z.array(CommentSchema),
    viewer: z.object({ canReview: z.boolean(), canSubmitVersion: z.boolean(), canClose: z.boolean(), ownVote: z.enum(DECISIONS).nullable() }),
  })
  .meta({ id: 'TemplateDetail' });
export type Detail = z.infer<typeof DetailSchema>;

/**
 * A version's text for the review page: blocks of plain text (never HTML), rendered by the page with
 * lit-html. kind 'none' when there is no preview: PDF and spreadsheets stay downloads ('download'),
 * a document whose text would inflate past the cap ('too_large'), or one that cannot be read.
 */
export const PreviewBlockSchema = z
  .object({ type: z.enum(['h', 'p', 'li']), level: z.number().int().min(1).max(6).optional().meta({ description: "Heading level, for type 'h'" }), text: z.string() })
  .meta({ id: 'TemplatePreviewBlock' });
export type PreviewBlock = z.infer<typeof PreviewBlockSchema>;
export const PreviewSchema = z
  .object({
    kind: z.enum(['blocks', 'none']),
    blocks: z.array(PreviewBlockSchema),
    truncated: z.boolean().meta({ description: 'The text was cut at the block or character cap' }),
    reason: z.enum(['download', 'too_large', 'unreadable']).nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'TemplatePreview' });
export type Preview = z.infer<typeof PreviewSchema>;

export const SubmitResultSchema = z.object({ id: Id, version: Id, status: z.enum(STATUSES) }).meta({ id: 'TemplateSubmitResult' });

export const CommentResultSchema = z.object({ id: Id, version: Id, parentId: Id.nullable(), body: z.string() }).meta({ id: 'TemplateCommentResult' });
export const VoteResultSchema = z
  .object({
    id: Id,
    version: Id,
    status: z.enum(STATUSES),
    approvals: Id,
    rejections: Id.meta({ description: "Standing 'reject' votes; while one stands the version is not approved" }),
    quorum: Id,
  })
  .meta({ id: 'TemplateVoteResult' });

export const CommentBodySchema = z
  .object({
    body: z.string().trim().min(1, 'Kommentaar on tühi.').max(MAX_COMMENT, `Kommentaar on pikem kui ${MAX_COMMENT} märki.`),
    parentId: z.number().int().positive().optional(),
    version: z.number().int().positive().optional(),
  })
  .meta({ id: 'TemplateCommentInput' });

export const ReviewBodySchema = z
  .object({
    decision: z.enum(DECISIONS),
    comment: z.string().trim().max(MAX_COMMENT, `Kommentaar on pikem kui ${MAX_COMMENT} märki.`).default(''),
    version: z.number().int().positive().optional().meta({ description: 'Defaults to the latest version; must be the latest' }),
  })
  .meta({ id: 'TemplateReviewInput' });

export const CloseBodySchema = z
  .object({
    reason: z.string().trim().min(1, 'Kirjuta põhjendus.').max(MAX_COMMENT, `Põhjendus on pikem kui ${MAX_COMMENT} märki.`),
    version: z.number().int().positive().optional().meta({ description: 'Defaults to the latest version; must be the latest' }),
  })
  .meta({ id: 'TemplateCloseInput' });
export const CloseResultSchema = z.object({ id: Id, version: Id, status: z.enum(STATUSES) }).meta({ id: 'TemplateCloseResult' });

/**
 * A municipality's adoption of a template: a working group's approved version (`templateId`,
 * `version`) or a built-in template of the knowledge base (`slug`, `builtinVersion`, e.g. "1.0").
 */
export const AdoptionSchema = z
  .object({
    ehak: z.string(),
    source: z.enum(['working_group', 'builtin']),
    templateId: Id.nullable(),
    slug: z.string().nullable().meta({ description: 'Built-in template: its page is /mallid/{slug}/' }),
    title: z.string(),
    version: Id.nullable().meta({ description: 'Working-group version adopted' }),
    builtinVersion: z.string().nullable().meta({ description: 'Built-in template version adopted' }),
    adoptedOn: z.string(),
    recordedAt: z.string(),
    currentVersion: Id.nullable(),
    newerVersionAvailable: z.boolean(),
  })
  .meta({ id: 'TemplateAdoption' });
export type Adoption = z.infer<typeof AdoptionSchema>;

const AdoptedOn = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kuupäev kujul AAAA-KK-PP.');

/** Either a working-group template's approved version or a built-in template by its slug (its current version is recorded). */
export const AdoptionInputSchema = z
  .union([
    z.object({ templateId: z.number().int().positive(), version: z.number().int().positive(), adoptedOn: AdoptedOn }).strict(),
    z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Tundmatu mall.'), adoptedOn: AdoptedOn }).strict(),
  ])
  .meta({ id: 'TemplateAdoptionInput' });
export type AdoptionInput = z.infer<typeof AdoptionInputSchema>;

export const AdoptionAcrossSchema = z
  .object({
    templateId: Id,
    currentVersion: Id.nullable(),
    adopted: Id,
    onCurrent: Id,
    kovs: z.array(z.object({ ehak: z.string(), name: z.string(), version: Id.nullable(), adoptedOn: z.string().nullable(), newerVersionAvailable: z.boolean() })),
  })
  .meta({ id: 'TemplateAdoptionAcross' });
export type AdoptionAcross = z.infer<typeof AdoptionAcrossSchema>;

/** One built-in template's adoption across the 79 municipalities (versions are the content's strings, e.g. "1.0"). */
export const BuiltinAdoptionAcrossSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    currentVersion: z.string(),
    adopted: Id,
    onCurrent: Id,
    kovs: z.array(z.object({ ehak: z.string(), name: z.string(), version: z.string().nullable(), adoptedOn: z.string().nullable(), newerVersionAvailable: z.boolean() })),
  })
  .meta({ id: 'TemplateBuiltinAdoptionAcross' });
export type BuiltinAdoptionAcross = z.infer<typeof BuiltinAdoptionAcrossSchema>;
