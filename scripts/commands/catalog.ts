import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '../../api/config.ts';
import { CatalogInputError } from '../../api/catalog/import/bundle.ts';
import { serializeIndex } from '../../api/catalog/index-file.ts';
import { formatName, importCatalogFile, importProfile, importThreats, type ImportSummary } from '../../api/catalog/import/index.ts';
import type { Counts } from '../../api/catalog/import/write.ts';
import { buildIndex } from '../catalog/build-index.ts';
import { progressBar } from '../catalog/progress.ts';
import { InputError, UsageError, type Command, type Flags } from '../lib/command.ts';

const SHARED = resolve(ROOT_DIR, '../shared/eits');

/** Runs `fn`; catalogue input errors become InputError (message + exit 2, nothing changed). */
export function asInputError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CatalogInputError) throw new InputError(err.message);
    throw err;
  }
}

const buildIndexCommand: Command = {
  noun: 'catalog',
  verb: 'build-index',
  summary: 'Koostab tarnitava E-ITS kataloogi indeksi (ainult faktid, ilma RIA tekstideta)',
  help: `Vaikimisi loeb faile kataloogist ${SHARED}. Väljund: data/catalog/eits-2024-index.json.`,
  flags: {
    out: { type: 'string', description: 'väljundfail (vaikimisi data/catalog/eits-2024-index.json)' },
    measures: { type: 'string', description: 'RIA meetmete loend (2024_eits_l3_250107.json)' },
    library: { type: 'string', description: 'CISO Assistanti teek (e-its-2024.yaml)' },
    profiles: { type: 'string', description: 'profiilitabel (profile_combo_250107.json)' },
    modules2023: { type: 'string', description: '2023 moodulite dokument ohtude varuallikana (modules_and_measures.json)' },
    risks: { type: 'string', description: 'alusohtude loend (risks.json); indeksisse läheb tähis ja pealkiri' },
  },
  run(flags, ctx) {
    const path = (name: string, fallback: string) => resolve(typeof flags[name] === 'string' ? (flags[name] as string) : resolve(SHARED, fallback));
    const out = resolve(typeof flags['out'] === 'string' ? flags['out'] : resolve(ROOT_DIR, 'data/catalog/eits-2024-index.json'));
    const { index, report } = asInputError(() =>
      buildIndex({
        measures: path('measures', '2024_eits_l3_250107.json'),
        library: path('library', 'e-its-2024.yaml'),
        profiles: path('profiles', 'profile_combo_250107.json'),
        // Optional fallback source: used when given or present beside the others.
        ...(typeof flags['modules2023'] === 'string' || existsSync(resolve(SHARED, 'modules_and_measures.json'))
          ? { modules2023: path('modules2023', 'modules_and_measures.json') }
          : {}),
        ...(typeof flags['risks'] === 'string' || existsSync(resolve(SHARED, 'risks.json')) ? { risks: path('risks', 'risks.json') } : {}),
        profileColumns: { KOV: 'kov' },
      }),
    );
    writeFileSync(out, serializeIndex(index));
    ctx.stdout.write(
      [
        `Indeks kirjutatud: ${out}`,
        `väljaanne ${index.edition}: ${index.groups.length} rühma, ${index.modules.length} moodulit, ${index.measures.length} meedet`,
        ...report,
      ].join('\n') + '\n',
    );
  },
};

const str = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
const counts = (c: Counts) => `${c.inserted} uut, ${c.updated} muudetud, ${c.unchanged} muutmata`;

export function describeImport(s: ImportSummary, ms: number): string {
  return [
    `${s.file}: ${formatName(s.format)} → väljaanne ${s.edition} (${(ms / 1000).toFixed(1)} s)`,
    `  rühmad:   ${counts(s.groups)}`,
    `  moodulid: ${counts(s.modules)}`,
    `  meetmed:  ${counts(s.measures)}; kirjeldusega ${s.withDescription}`,
    ...(s.notInFile ? [`  väljaandes on ${s.notInFile} meedet, mida selles failis ei ole (neid ei kustutatud)`] : []),
  ].join('\n');
}

const importCommand: Command = {
  noun: 'catalog',
  verb: 'import',
  summary: 'Impordib E-ITS kataloogi faili (RIA meetmete loend, 2023 dokument või CISO Assistanti YAML)',
  help: `Vorming tuvastatakse sisu järgi. Korduv import ei muuda midagi; vigane fail ei muuda midagi.
Näited:
  npm run cli -- catalog import --file ../shared/eits/2024_eits_l3_250107.json
  npm run cli -- catalog import --file ../shared/eits/e-its-2024.yaml
  npm run cli -- catalog import --file ../shared/eits/modules_and_measures.json --edition 2023`,
  flags: {
    file: { type: 'string', description: 'imporditav fail', required: true },
    edition: { type: 'string', description: 'väljaanne (nt 2024); vaikimisi failist' },
  },
  run(flags, ctx) {
    const edition = str(flags, 'edition');
    if (edition !== undefined && !/^\d{4}$/.test(edition)) throw new UsageError('--edition peab olema aastaarv, nt 2024');
    const bar = progressBar(ctx.stderr, 'Import');
    const started = Date.now();
    const summary = asInputError(() =>
      importCatalogFile(ctx.db(), resolve(str(flags, 'file')!), { ...(edition ? { edition } : {}), onProgress: bar.update }),
    );
    bar.finish();
    ctx.stdout.write(describeImport(summary, Date.now() - started) + '\n');
  },
};

const threatsCommand: Command = {
  noun: 'catalog',
  verb: 'threats',
  summary: 'Impordib E-ITS alusohud (risks.json)',
  flags: { file: { type: 'string', description: 'ohtude fail (risks.json)', required: true } },
  run(flags, ctx) {
    const s = asInputError(() => importThreats(ctx.db(), resolve(str(flags, 'file')!)));
    ctx.stdout.write(`${s.file}: alusohud ${counts(s)}\n`);
  },
};

const profileImportCommand: Command = {
  noun: 'profile',
  verb: 'import',
  summary: 'Impordib rakendusprofiili prioriteedid (P1–P3) ühest veerust väljaandele',
  help: 'Näide: npm run cli -- profile import --file ../shared/eits/profile_combo_250107.json --column kov --name KOV --edition 2024\nVäljaandes puuduvad meetmed loetletakse, neid ei lisata.',
  flags: {
    file: { type: 'string', description: 'profiilitabel (profile_combo_250107.json)', required: true },
    column: { type: 'string', description: 'prioriteetide veerg, nt kov', required: true },
    name: { type: 'string', description: 'profiili nimi, nt KOV', required: true },
    edition: { type: 'string', description: 'väljaanne, nt 2024', required: true },
  },
  run(flags, ctx) {
    const edition = str(flags, 'edition')!;
    if (!/^\d{4}$/.test(edition)) throw new UsageError('--edition peab olema aastaarv, nt 2024');
    const s = asInputError(() =>
      importProfile(ctx.db(), { file: resolve(str(flags, 'file')!), column: str(flags, 'column')!, name: str(flags, 'name')!, edition }),
    );
    const total = s.byPriority.P1 + s.byPriority.P2 + s.byPriority.P3;
    const lines = [
      `Profiil ${s.profile} (${s.edition}): ${total} meedet — P1 ${s.byPriority.P1}, P2 ${s.byPriority.P2}, P3 ${s.byPriority.P3}`,
      `  ${s.inserted} lisatud, ${s.updated} muudetud, ${s.removed} eemaldatud`,
    ];
    if (s.missing.length) lines.push(`  väljaandes ${s.edition} puuduvad (jäeti vahele) ${s.missing.length}: ${s.missing.join(', ')}`);
    ctx.stdout.write(lines.join('\n') + '\n');
  },
};

export const catalogCommands: Command[] = [buildIndexCommand, importCommand, threatsCommand, profileImportCommand];
