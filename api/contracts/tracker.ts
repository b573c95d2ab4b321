// The tracker API's shapes: the vocabulary, a measure's list row and full record, its history and
// evidence, status changes, the scope and shared services. Types come from the schemas (z.infer).
import { z } from 'zod';
import { IsoDate, PersonSchema } from './common.ts';
import { PROVIDER_STATUSES, ResponsibilitySchema } from './solutions.ts';

export const STATUSES = ['not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable', 'risk_accepted'] as const;
export const CLASSES = ['basic', 'standard', 'high'] as const;
export const PRIORITIES = ['P1', 'P2', 'P3'] as const;
export const APPROACHES = ['basic', 'standard', 'core'] as const;

export const StatusSchema = z.enum(STATUSES).meta({
  description: 'not_assessed hindamata, implemented rakendatud, partial osaliselt rakendatud, not_implemented rakendamata, not_applicable pole asjakohane, risk_accepted aktsepteeritud risk',
});
export const ClassSchema = z.enum(CLASSES).meta({ description: 'basic põhimeede, standard standardmeede, high kõrgmeede' });
export const PrioritySchema = z.enum(PRIORITIES);
export const ApproachSchema = z.enum(APPROACHES).meta({ description: 'basic põhiturve, standard standardturve, core tuumikuturve' });
export type Status = z.infer<typeof StatusSchema>;
export type MeasureClass = z.infer<typeof ClassSchema>;
export type Priority = z.infer<typeof PrioritySchema>;
export type Approach = z.infer<typeof ApproachSchema>;

/** A target object's id in a query (?object=12) or body: a positive integer of at most 10 digits. */
export const ObjectIdParam = z.string().regex(/^[1-9]\d{0,9}$/, 'Objekti tunnus on positiivne täisarv.');

export const MeasureListItemSchema = z
  .object({
    objectId: z.number().meta({ description: 'The target object the row is kept for (the organisation object unless modelled elsewhere)' }),
    objectName: z.string(),
    measureId: z.string().meta({ example: 'ISMS.1.M1' }),
    title: z.string(),
    module: z.string(),
    group: z.string(),
    class: ClassSchema,
    priority: PrioritySchema.nullable(),
    status: StatusSchema.meta({ description: "The municipality's own status ('not_assessed' when none was recorded)" }),
    effectiveStatus: StatusSchema.meta({ description: "What counts in progress: 'implemented' when a shared service delivers a not-assessed measure" }),
    version: z.number().meta({ description: '0 when never assessed' }),
    responsible: z.string().nullable().meta({ description: 'A person without an account, as free text' }),
    ownerUserId: z.number().nullable().meta({ description: 'The account that owns the measure (see assignable-users)' }),
    dueDate: z.string().nullable(),
    overdue: z.boolean().meta({ description: 'Due before today (Tallinn) while the effective status still needs work' }),
    updatedAt: z.string().nullable(),
    sharedService: z.object({ provider: z.string() }).nullable().meta({ description: 'The provider of a solution model that delivers this measure here (counts as implemented while the municipality records no status of its own)' }),
  })
  .meta({ id: 'MeasureListItem' });
export type MeasureListItem = z.infer<typeof MeasureListItemSchema>;

export const EvidenceSchema = z
  .object({
    id: z.number(),
    kind: z.enum(['url', 'file']),
    url: z.string().nullable(),
    fileName: z.string().nullable(),
    sha256: z.string().nullable(),
    size: z.number().nullable(),
    contentType: z.string().nullable(),
    addedBy: PersonSchema.nullable(),
    addedAt: z.string(),
    description: z.string().nullable().meta({ description: 'What the evidence shows, in the adder\'s words' }),
    validUntil: z.string().nullable().meta({ description: "ISO date the evidence stops being valid ('kehtib kuni'); its owner is reminded 14 days before" }),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Longest evidence description, in characters (the database holds the same bound). */
export const EVIDENCE_DESCRIPTION_MAX = 1000;
/** Optional on adding evidence; blank counts as none. */
export const EvidenceDescriptionSchema = z
  .string()
  .max(EVIDENCE_DESCRIPTION_MAX, `Kuni ${EVIDENCE_DESCRIPTION_MAX} märki.`)
  .nullable()
  .optional()
  .meta({ description: `What the evidence shows (up to ${EVIDENCE_DESCRIPTION_MAX} characters)` });

export const MeasureRecordSchema = MeasureListItemSchema.extend({
  ehak: z.string(),
  edition: z.string(),
  moduleTitle: z.string(),
  responsibleRole: z.string().meta({ description: "The catalogue's responsible role (e.g. 'Infoturbejuht'), not the municipality's person" }),
  link: z.string().nullable(),
  description: z.string().nullable(),
  justification: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  reviewDate: z.string().nullable().meta({ description: 'When an accepted risk is reviewed again (only with risk_accepted)' }),
  owner: PersonSchema.nullable().meta({ description: 'The account of ownerUserId' }),
  updatedBy: PersonSchema.nullable(),
  sharedService: z.object({ id: z.number().meta({ description: 'The solution model' }), provider: z.string(), note: z.string().nullable() }).nullable(),
  evidence: z.array(EvidenceSchema),
}).meta({ id: 'MeasureRecord' });
export type MeasureRecord = z.infer<typeof MeasureRecordSchema>;

/** The editable fields of a status record as the history keeps them. */
export const StatusFieldsSchema = z
  .object({
    status: StatusSchema,
    description: z.string().nullable(),
    justification: z.string().nullable(),
    responsible: z.string().nullable(),
    dueDate: z.string().nullable(),
    acceptedBy: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    ownerUserId: z.number().nullable().optional().meta({ description: 'Absent in changes made before owners were accounts' }),
    reviewDate: z.string().nullable().optional(),
    version: z.number().optional().meta({ description: 'Present in changes after the first: the version the change replaced' }),
    note: z.string().optional().meta({ description: 'Where the change came from when not typed in, e.g. "imporditud failist kava.xlsx"' }),
  })
  .meta({ id: 'MeasureStatusFields' });
export type StatusFieldsSnapshot = z.infer<typeof StatusFieldsSchema>;

export const StatusHistoryEntrySchema = z
  .object({
    kind: z.literal('status'),
    version: z.number(),
    changedAt: z.string(),
    changedBy: PersonSchema.nullable(),
    old: StatusFieldsSchema.nullable().meta({ description: 'null for the first change' }),
    new: StatusFieldsSchema,
  })
  .meta({ id: 'MeasureHistoryEntry' });
export type StatusHistoryEntry = z.infer<typeof StatusHistoryEntrySchema>;

export const EvidenceHistoryEntrySchema = z
  .object({
    kind: z.literal('evidence'),
    action: z.enum(['added', 'removed']),
    changedAt: z.string(),
    changedBy: PersonSchema.nullable(),
    evidence: z.object({
      id: z.number(),
      kind: z.enum(['url', 'file']),
      label: z.string().meta({ description: 'The link or the file name' }),
      description: z.string().nullable(),
    }),
  })
  .meta({ id: 'MeasureEvidenceHistoryEntry' });
export type EvidenceHistoryEntry = z.infer<typeof EvidenceHistoryEntrySchema>;

/** The provider's statement on the measure in one version of a solution model (null: the model named no statement). */
const ModelStatementSchema = z.object({ responsibility: ResponsibilitySchema, status: z.enum(PROVIDER_STATUSES), note: z.string().nullable() });

export const ModelHistoryEntrySchema = z
  .object({
    kind: z.literal('model'),
    model: z.object({ id: z.number(), name: z.string(), provider: z.string() }),
    version: z.number().meta({ description: "The model's version that changed the statement" }),
    summary: z.string().meta({ description: 'What ELVL wrote about the change' }),
    changedAt: z.string(),
    changedBy: PersonSchema.nullable(),
    old: ModelStatementSchema.nullable(),
    new: ModelStatementSchema.nullable(),
  })
  .meta({ id: 'MeasureModelHistoryEntry', description: "A change of the statement on this measure in a solution model the object adopts or the municipality receives as a whole" });
export type ModelHistoryEntry = z.infer<typeof ModelHistoryEntrySchema>;

/** One event of a measure's history: a status change, evidence added or removed, or a solution model's statement changed. */
export const HistoryEntrySchema = z.discriminatedUnion('kind', [StatusHistoryEntrySchema, EvidenceHistoryEntrySchema, ModelHistoryEntrySchema]).meta({ id: 'MeasureHistoryItem' });
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

const text = (max: number) => z.string().max(max, `Kuni ${max} märki.`).nullable().optional();

const updateFields = {
  status: StatusSchema,
  description: text(4000),
  justification: text(2000),
  responsible: text(200),
  dueDate: IsoDate.nullable().optional(),
  acceptedBy: text(200),
  acceptedAt: IsoDate.nullable().optional(),
  ownerUserId: z.number().int().positive().nullable().optional().meta({ description: 'A user who can see the municipality (GET …/assignable-users); null clears' }),
  reviewDate: IsoDate.nullable().optional().meta({ description: 'Review date of an accepted risk' }),
};

export const StatusUpdateSchema = z
  .strictObject({ ...updateFields, version: z.number().int().min(0).meta({ description: 'The version you read (0 when never assessed)' }) })
  .meta({ id: 'MeasureStatusUpdate' });
export type StatusUpdate = z.infer<typeof StatusUpdateSchema>;

export const BulkUpdateSchema = z
  .strictObject({
    ...updateFields,
    status: StatusSchema.optional().meta({ description: 'Omitted: each measure keeps its status (e.g. a bulk assignment of owner and due date)' }),
    measureIds: z.array(z.string().min(1).max(40)).min(1).max(2000),
    objectId: z.number().int().min(1).max(9_999_999_999).optional().meta({ description: 'The target object (default: the organisation object)' }),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'measureIds' && k !== 'objectId'), { message: 'Muuda vähemalt üht välja.', path: ['status'] })
  .meta({ id: 'MeasureStatusBulkUpdate' });
export type BulkUpdate = z.infer<typeof BulkUpdateSchema>;

export const BulkResultSchema = z
  .object({ updated: z.number(), items: z.array(z.object({ measureId: z.string(), status: StatusSchema, version: z.number() })) })
  .meta({ id: 'MeasureStatusBulkResult' });
export type BulkResult = z.infer<typeof BulkResultSchema>;

export const AssignableUsersSchema = z.array(PersonSchema).meta({ id: 'AssignableUsers', description: 'Accounts that may own a measure of the municipality, by name' });

export const MyTaskSchema = z
  .object({
    ehak: z.string(),
    kovName: z.string(),
    measureId: z.string(),
    title: z.string(),
    objectId: z.number().meta({ description: 'The target object the record belongs to' }),
    objectName: z.string().nullable().meta({ description: "The target object's name; null for the organisation object" }),
    status: StatusSchema.meta({ description: 'The effective status' }),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'MyTask' });
export type MyTask = z.infer<typeof MyTaskSchema>;

export const MeasureQuerySchema = z.object({
  module: z.string().max(40).optional(),
  group: z.string().max(10).optional(),
  class: ClassSchema.optional(),
  status: StatusSchema.optional().meta({ description: 'Matches the effective status' }),
  priority: PrioritySchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional().meta({ description: 'Substring of the measure id or title (ASCII letters case-insensitive)' }),
  object: ObjectIdParam.optional().meta({ description: "Only this target object's rows" }),
  limit: z.coerce.number().int().min(1).max(10_000).optional().meta({ description: 'At most this many rows (default and maximum 10 000)' }),
});
export type MeasureQuery = z.infer<typeof MeasureQuerySchema>;

export const ScopeSchema = z
  .object({
    ehak: z.string(),
    edition: z.string(),
    profileName: z.string(),
    approach: ApproachSchema,
    extraModules: z.array(z.string()),
    isDefault: z.boolean().meta({ description: 'No scope has been saved and the defaults apply' }),
    updatedAt: z.string().nullable(),
    measureCount: z.number(),
  })
  .meta({ id: 'KovScope' });
export type ScopeAnswer = z.infer<typeof ScopeSchema>;

export const ScopeUpdateSchema = z
  .strictObject({
    approach: ApproachSchema,
    profileName: z.string().min(1).max(60).optional(),
    extraModules: z.array(z.string().min(1).max(40)).max(120).optional(),
  })
  .meta({ id: 'KovScopeUpdate' });
export type ScopeUpdate = z.infer<typeof ScopeUpdateSchema>;

