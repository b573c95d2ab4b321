// One entry for API, CLI and seed: unknown JSON → a checked, computed plan and its inconsistencies.
import { PlanInvalidError, computePlan, type ComputedPlan } from './compute.ts';
import { findInconsistencies } from './declared.ts';
import type { Inconsistency } from '../contracts/budget.ts';
import { PlanSchema, type Plan } from './schema.ts';

export interface AnalysedPlan {
  plan: Plan;
  computed: ComputedPlan;
  inconsistencies: Inconsistency[];
}

/** zod path → `initiatives[2].lines[1].net`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(plaan)';
}

function initiativeCodeAt(body: unknown, path: ReadonlyArray<PropertyKey>): string | null {
  if (path[0] !== 'initiatives' || typeof path[1] !== 'number') return null;
  const ini = (body as { initiatives?: Array<{ code?: unknown }> }).initiatives?.[path[1]];
  return typeof ini?.code === 'string' ? ini.code : null;
}

/** Throws PlanInvalidError naming the first offending field. */
export function analysePlan(body: unknown): AnalysedPlan {
  const parsed = PlanSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PlanInvalidError(formatPath(issue.path), initiativeCodeAt(body, issue.path), issue.message);
  }
  const computed = computePlan(parsed.data);
  return { plan: parsed.data, computed, inconsistencies: findInconsistencies(computed) };
}
