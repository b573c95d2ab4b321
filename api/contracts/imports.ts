// The import API's shapes (issue 23): the column mapping of a foreign sheet, the preview of an
// import (rows with before/after and the reason a row is refused), and the first-steps check.
import { z } from 'zod';
import { ObjectTypeSchema } from './objects.ts';
import { StatusFieldsSchema, StatusSchema } from './tracker.ts';

/** A column named by its header text, as the sheet's first row spells it. */
const Column = z.string().trim().min(1).max(200);

export const ImportMappingSchema = z
  .object({
    id: Column.meta({ description: 'Header of the measure-id column (required)' }),
    status: Column.optional(),
    owner: Column.optional(),
    dueDate: Column.optional(),
    justification: Column.optional(),
    statusWords: z
      .record(z.string().trim().min(1).max(100), StatusSchema)
      .optional()
      .meta({ description: 'The sheet\'s own status words; added to the Estonian defaults (jah, ei, osaliselt, ei rakendata, plaanis …)' }),
  })
  .strict()
  .meta({ id: 'ImportMapping' });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const IMPORT_FORMATS = ['plan', 'mapped', 'ciso', 'first_steps'] as const;
export const ImportFormatSchema = z
  .enum(IMPORT_FORMATS)
  .meta({ description: 'plan: Turvarada\'s plan export; mapped: any sheet with a mapping; ciso: CISO Assistant audit export; first_steps: the first-steps check' });

/** The fields an import sets on a status record (the history keeps the same). */
export const ImportFieldsSchema = StatusFieldsSchema.pick({
  status: true, description: true, justification: true, responsible: true, dueDate: true, acceptedBy: true, acceptedAt: true,
});
export type ImportFields = z.infer<typeof ImportFieldsSchema>;

export const ImportRowSchema = z
  .object({
    line: z.number().int().meta({ description: 'Row number in the sheet (the header is row 1)' }),
    measureId: z.string(),
    objectName: z.string().nullable().meta({ description: 'The target object the row names; null for the organisation object' }),
    outcome: z.enum(['new', 'changed', 'unchanged', 'refused']),
    reason: z.string().nullable().meta({ description: 'Why the row is refused (Estonian)' }),
    before: ImportFieldsSchema.nullable(),
    after: ImportFieldsSchema.nullable(),
    version: z.number().int().meta({ description: 'The record\'s version when previewed (0: none); apply answers 409 when it moved' }),
  })
  .meta({ id: 'ImportRow' });
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportSummarySchema = z.object({ new: z.number(), changed: z.number(), unchanged: z.number(), refused: z.number() });
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportPreviewSchema = z
  .object({
    id: z.number(),
    fileName: z.string(),
    format: ImportFormatSchema,
    state: z.enum(['preview', 'applied', 'undone']),
    summary: ImportSummarySchema,
    objectsToCreate: z.array(z.object({ name: z.string(), type: ObjectTypeSchema.exclude(['organisation']), modules: z.array(z.string()) })).meta({ description: 'Target objects the file names that do not exist yet; created on apply, modelling the modules of their rows' }),
    rows: z.array(ImportRowSchema),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z
  .object({ id: z.number(), state: z.enum(['applied', 'undone']), written: z.number().meta({ description: 'Status records written' }) })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const SavedMappingSchema = z.object({ mapping: ImportMappingSchema.nullable() }).meta({ id: 'SavedImportMapping' });

// The first-steps check.
export const FIRST_STEPS_ANSWERS = ['jah', 'osaliselt', 'ei', 'ei_tea'] as const;
export const FirstStepsAnswerSchema = z.enum(FIRST_STEPS_ANSWERS).meta({ description: 'jah, osaliselt, ei, ei_tea ("ei tea": no change)' });
export type FirstStepsAnswer = z.infer<typeof FirstStepsAnswerSchema>;

export const FirstStepsQuestionSchema = z
  .object({
    id: z.string(),
    theme: z.string(),
    text: z.string(),
    help: z.string().nullable(),
    measures: z.array(z.string()),
    guide: z.string().nullable().meta({ description: 'Slug of the guide under /juhendid/ that helps with it' }),
  })
  .meta({ id: 'FirstStepsQuestion' });
export type FirstStepsQuestion = z.infer<typeof FirstStepsQuestionSchema>;

export const FirstStepsSchema = z.object({ questions: z.array(FirstStepsQuestionSchema) }).meta({ id: 'FirstSteps' });

export const FirstStepsStateSchema = z
  .object({
    answers: z.record(z.string(), FirstStepsAnswerSchema),
    nextSteps: z.array(z.object({ questionId: z.string(), text: z.string(), answer: FirstStepsAnswerSchema, guide: z.string().nullable() })).meta({
      description: 'The ten most important next steps: questions answered ei, ei tea or osaliselt, most important first',
    }),
  })
  .meta({ id: 'FirstStepsState' });
export type FirstStepsState = z.infer<typeof FirstStepsStateSchema>;

export const FirstStepsAnswersBodySchema = z
  .object({ answers: z.record(z.string().max(40), FirstStepsAnswerSchema.nullable()).meta({ description: 'null clears an answer' }) })
  .strict()
  .meta({ id: 'FirstStepsAnswers' });
