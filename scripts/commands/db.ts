import { migrate } from '../../api/db/migrate.ts';
import type { Command } from '../lib/command.ts';
import { UsageError } from '../lib/command.ts';
import { hasUsers, isDemoSeeded, seedDemo, seedReference } from '../seed/index.ts';

export const dbCommands: Command[] = [
  {
    noun: 'db',
    verb: 'migrate',
    summary: 'Viib andmebaasi skeemi viimasele versioonile',
    flags: {},
    run(_flags, ctx) {
      const db = ctx.db();
      // openDatabase has already migrated; report the version reached.
      const { to } = migrate(db);
      ctx.stdout.write(`Andmebaasi skeem on versioonil ${to} (${ctx.config.databasePath}).\n`);
    },
  },
  {
    noun: 'db',
    verb: 'seed',
    summary: 'Laadib viiteandmed (omavalitsused, E-ITS kataloog); --demo lisab näidisandmed',
    help: 'Näidisandmed laaditakse ainult tühja andmebaasi (kasutajaid pole). Viiteandmete laadimine on korduvkäivitatav.',
    flags: {
      demo: { type: 'boolean', description: 'lisa näidisandmed (kasutajad, staatused, eelarve)' },
    },
    async run(flags, ctx) {
      const db = ctx.db();
      const log = (line: string) => ctx.stdout.write(line + '\n');
      if (!flags['demo']) {
        seedReference(db, log);
        return;
      }
      if (isDemoSeeded(db) || hasUsers(db)) {
        throw new UsageError('andmebaasis on juba kasutajaid või näidisandmed; näidisandmeid laaditakse ainult tühja andmebaasi');
      }
      await seedDemo(db, log);
      log('Näidisandmed laaditud.');
    },
  },
];
