// The first-steps check (issue 23): plain-language questions from data/first-steps.yaml, validated
// with zod when first loaded; a municipality's answers (kept so the check can be paused) turn into
// the same import preview as a file, and into its ten most important next steps.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Actor } from '../audit/record.ts';
import type { FirstStepsAnswer, FirstStepsQuestion, FirstStepsState } from '../contracts/imports.ts';
import type { Status } from '../contracts/tracker.ts';
import { ROOT_DIR } from '../config.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError } from '../lib/errors.ts';
import { measureInScope } from '../tracker/records.ts';
import type { SheetRow } from './formats.ts';
import { answerRows, clearAnswer, setAnswer } from './store.ts';

const QuestionFile = z.object({
  themes: z
    .array(
      z.object({
        title: z.string().min(1),
        questions: z
          .array(
            z.object({
              id: z.string().regex(/^[a-z0-9-]{1,40}$/),
              text: z.string().min(10).max(300),
              help: z.string().max(500).optional(),
              weight: z.number().int().min(1).max(3),
              measures: z.array(z.string()).min(1),
              guide: z.string().regex(/^[a-z0-9-]+$/).optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(8)
    .max(10),
});

export interface Question extends FirstStepsQuestion {
  weight: number;
}

/** Parses and validates the question file; throws naming the first problem. */
export function parseQuestions(text: string): Question[] {
  const file = QuestionFile.parse(parse(text));
  const questions = file.themes.flatMap((t) =>
    t.questions.map((q) => ({ id: q.id, theme: t.title, text: q.text, help: q.help ?? null, measures: q.measures, guide: q.guide ?? null, weight: q.weight })),
  );
  const ids = new Set(questions.map((q) => q.id));
  if (ids.size !== questions.length) throw new Error('data/first-steps.yaml: question ids repeat');
  return questions;
}

let cached: Question[] | undefined;
export const QUESTIONS_FILE = `${ROOT_DIR}data/first-steps.yaml`;
export const firstStepsQuestions = (): Question[] => (cached ??= parseQuestions(readFileSync(QUESTIONS_FILE, 'utf8')));

/** What a set of answers says about one measure: all yes → implemented, all no → not implemented, else partial. */
function statusOf(answers: FirstStepsAnswer[]): Status {
  if (answers.every((a) => a === 'jah')) return 'implemented';
  if (answers.every((a) => a === 'ei')) return 'not_implemented';
  return 'partial';
}

export function answersOf(db: Db, ehak: string): Record<string, FirstStepsAnswer> {
  const known = new Set(firstStepsQuestions().map((q) => q.id));
  return Object.fromEntries(answerRows(db, ehak).filter((r) => known.has(r.question_id)).map((r) => [r.question_id, r.answer as FirstStepsAnswer]));
}

const SEVERITY: Record<FirstStepsAnswer, number> = { ei: 0, ei_tea: 1, osaliselt: 2, jah: 3 };

/** The ten most important next steps: "ei" before "ei tea" before "osaliselt", heavier questions first. */
export function nextSteps(answers: Record<string, FirstStepsAnswer>): FirstStepsState['nextSteps'] {
  return firstStepsQuestions()
    .map((q, order) => ({ q, order, answer: answers[q.id] }))
    .filter((x): x is typeof x & { answer: FirstStepsAnswer } => x.answer !== undefined && x.answer !== 'jah')
    .sort((a, b) => SEVERITY[a.answer] - SEVERITY[b.answer] || b.q.weight - a.q.weight || a.order - b.order)
    .slice(0, 10)
    .map(({ q, answer }) => ({ questionId: q.id, text: q.text, answer, guide: q.guide }));
}

export function firstStepsState(db: Db, ehak: string): FirstStepsState {
  const answers = answersOf(db, ehak);
  return { answers, nextSteps: nextSteps(answers) };
}

/** Saves answers (null clears one); unknown question ids are refused whole. */
export function saveAnswers(db: Db, ehak: string, answers: Record<string, FirstStepsAnswer | null>, actor: Actor): FirstStepsState {
  const known = new Set(firstStepsQuestions().map((q) => q.id));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', unknown.map((id) => ({ path: `answers.${id}`, message: 'Tundmatu küsimus.' })));
  inTransaction(db, () => {
    for (const [id, answer] of Object.entries(answers)) {
      if (answer === null) clearAnswer(db, ehak, id);
      else setAnswer(db, ehak, id, answer, actor.id);
    }
  });
  return firstStepsState(db, ehak);
}

/**
 * The answers as import rows, one per measure the answered questions evidence ("ei tea" changes
 * nothing). A measure outside the municipality's scope (a standard measure under põhiturve) is left
 * out rather than refused: the check is not a file the user could correct.
 */
export function firstStepsRows(db: Db, ehak: string, answers: Record<string, FirstStepsAnswer>): SheetRow[] {
  const byMeasure = new Map<string, { line: number; answers: FirstStepsAnswer[] }>();
  firstStepsQuestions().forEach((q, i) => {
    const a = answers[q.id];
    if (!a || a === 'ei_tea') return;
    for (const m of q.measures) {
      const entry = byMeasure.get(m) ?? { line: i + 1, answers: [] };
      entry.answers.push(a);
      byMeasure.set(m, entry);
    }
  });
  return [...byMeasure].filter(([measureId]) => measureInScope(db, ehak, measureId)).map(([measureId, e]) => ({ line: e.line, measureId, objectName: null, objectType: null, patch: { status: statusOf(e.answers) }, reason: null }));
}
