import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '../../api/config.ts';
import { CatalogInputError } from '../../api/catalog/import/bundle.ts';
import { serializeIndex } from '../../api/catalog/index-file.ts';
import { buildIndex } from '../catalog/build-index.ts';
import { InputError, type Command } from '../lib/command.ts';

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
  },
  run(flags, ctx) {
    const path = (name: string, fallback: string) => resolve(typeof flags[name] === 'string' ? (flags[name] as string) : resolve(SHARED, fallback));
    const out = resolve(typeof flags['out'] === 'string' ? flags['out'] : resolve(ROOT_DIR, 'data/catalog/eits-2024-index.json'));
    const { index, report } = asInputError(() =>
      buildIndex({
        measures: path('measures', '2024_eits_l3_250107.json'),
        library: path('library', 'e-its-2024.yaml'),
        profiles: path('profiles', 'profile_combo_250107.json'),
        modules2023: path('modules2023', 'modules_and_measures.json'),
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

export const catalogCommands: Command[] = [buildIndexCommand];
