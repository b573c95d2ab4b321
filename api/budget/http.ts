// Shared pieces of the budget routes: error translation and the plan-body hook.
import { z } from '@hono/zod-openapi';
import { ApiError, badRequest } from '../lib/errors.ts';
import { analysePlan } from './analyse.ts';
import { isIsoDate } from './periods.ts';
import { PlanInvalidError } from './compute.ts';
import { loadPlan } from './store.ts';
import type { Db } from '../db/database.ts';

export const IdParam = z.object({ id: z.string().regex(/^\d{1,12}$/).openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });

export function invalidPlan(err: PlanInvalidError): ApiError {
  return new ApiError(400, 'invalid_plan', `Plaan on vigane: ${err.message}`, { path: err.path, initiative: err.initiative });
}

/**
 * Route hook: a schema failure on the plan body answers with the same line-naming message as the
 * CLI. The validator passes the raw body as `data`; analysing it again yields the initiative code.
 */
export function planBodyHook(result: { success: boolean; data?: unknown }): undefined {
  if (result.success) return undefined;
  try {
    analysePlan(result.data);
  } catch (err) {
    if (err instanceof PlanInvalidError) throw invalidPlan(err);
    throw err;
  }
  throw new ApiError(400, 'invalid_plan', 'Plaan on vigane.');
}

export function planOr404(db: Db, id: string) {
  return loadPlan(db, Number(id));
}

export function parseRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const ok = (s: string | undefined) => s === undefined || isIsoDate(s);
  if (!ok(from) || !ok(to)) throw badRequest('Perioodi alguse ja lõpu kuupäev peab olema kujul yyyy-mm-dd.');
  if (from && to && from > to) throw badRequest('Perioodi algus on hilisem kui lõpp.');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
