// Budget commands: import a plan, import actual costs from CSV, list plans.
import { readFileSync } from 'node:fs';
import { analysePlan } from '../../api/budget/analyse.ts';
import { insertActuals } from '../../api/budget/actuals.ts';
import { PlanInvalidError } from '../../api/budget/compute.ts';
import { ACTUALS_CSV_HEADER, CsvError, parseActualsCsv } from '../../api/budget/csv.ts';
import { insertPlan, listPlans, loadPlan } from '../../api/budget/store.ts';
import { ApiError } from '../../api/lib/errors.ts';
import type { Command } from '../lib/command.ts';
import { InputError, UsageError } from '../lib/command.ts';

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`faili ${path} ei saa lugeda: ${(err as Error).message}`);
  }
}

function planId(flag: unknown): number {
  if (typeof flag !== 'string' || !/^\d+$/.test(flag)) throw new UsageError('--plan peab olema plaani id (täisarv)');
  return Number(flag);
}

export const budgetCommands: Command[] = [
  {
    noun: 'budget',
    verb: 'import',
    summary: 'Impordib eelarveplaani JSON-failist (uus plaan, versioon 1)',
    help: 'Väljastab {"id", "inconsistencies"}: dokumendis deklareeritud summad, mis arvutatuga ei klapi. Vigane plaan: teade nimetab rea, väljumiskood 2, midagi ei salvestata.',
    flags: { file: { type: 'string', description: 'plaani JSON-fail', required: true } },
    run(flags, ctx) {
      const path = flags['file'] as string;
      let body: unknown;
      try {
        body = JSON.parse(readText(path));
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`${path} ei ole korrektne JSON: ${(err as Error).message}`);
      }
      let analysed;
      try {
        analysed = analysePlan(body);
      } catch (err) {
        if (err instanceof PlanInvalidError) throw new InputError(`plaan on vigane: ${err.message}`);
        throw err;
      }
      const { id } = insertPlan(ctx.db(), analysed, null);
      ctx.stdout.write(JSON.stringify({ id, inconsistencies: analysed.inconsistencies }, null, 2) + '\n');
    },
  },
  {
    noun: 'budget',
    verb: 'actuals-import',
    summary: 'Impordib tegelikud kulud CSV-failist (kõik read või mitte ükski)',
    help: `CSV: eraldaja ";", kümnendkoma, UTF-8 (BOM-iga või ilma). Päis:\n  ${ACTUALS_CSV_HEADER.join(';')}\nKuupäev kujul pp.kk.aaaa või aaaa-kk-pp; summad eurodes, nt 1234,50.`,
    flags: {
      plan: { type: 'string', description: 'plaani id', required: true },
      file: { type: 'string', description: 'CSV-fail', required: true },
    },
    run(flags, ctx) {
      const id = planId(flags['plan']);
      let entries;
      try {
        entries = parseActualsCsv(readText(flags['file'] as string));
      } catch (err) {
        if (err instanceof CsvError) throw new InputError(err.message);
        throw err;
      }
      try {
        const plan = loadPlan(ctx.db(), id);
        const ids = insertActuals(ctx.db(), plan, entries, null, undefined, true);
        ctx.stdout.write(`Imporditud ${ids.length} kulu plaani ${id} (${plan.name}).\n`);
        // A VAT that does not match the dated rate is imported as written and named here (api/budget/vat-check.ts).
        ids.forEach((r, i) => r.warnings.forEach((w) => ctx.stdout.write(`Hoiatus, rida ${i + 2}: ${w.message}\n`)));
      } catch (err) {
        if (err instanceof ApiError) throw new InputError(err.message);
        throw err;
      }
    },
  },
  {
    noun: 'budget',
    verb: 'list',
    summary: 'Loetleb eelarveplaanid ja nende versioonid',
    flags: {},
    run(_flags, ctx) {
      for (const p of listPlans(ctx.db())) {
        ctx.stdout.write(`${p.id}\tv${p.version}${p.latest ? ' (viimane)' : ''}\t${p.name}\tvastuolusid: ${p.inconsistencyCount}\n`);
      }
    },
  },
];
