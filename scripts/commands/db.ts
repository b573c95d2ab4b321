import { backupDatabase, BackupError, restoreDatabase, rowCounts } from '../../api/db/backup.ts';
import { openDatabase } from '../../api/db/database.ts';
import { migrate } from '../../api/db/migrate.ts';
import type { Command } from '../lib/command.ts';
import { InputError, UsageError } from '../lib/command.ts';
import { hasUsers, isDemoSeeded, seedDemo, seedReference } from '../seed/index.ts';
import { seedScale } from '../seed/scale.ts';

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
      scale: { type: 'boolean', description: 'täismahus koormusandmed: 79 KOV-i olekud, 1 000 000 ajaloorida, 12 hetkeseisu (ainult tühja jälgimise andmebaasi)' },
    },
    async run(flags, ctx) {
      const db = ctx.db();
      const log = (line: string) => ctx.stdout.write(line + '\n');
      if (flags['scale']) {
        seedScale(db, log);
        return;
      }
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
  {
    noun: 'db',
    verb: 'backup',
    summary: 'Teeb töötavast andmebaasist varukoopia (SQLite backup API, server võib samal ajal töötada)',
    help: 'Näide: npm run cli -- db backup --to /var/backups/turvarada/turvarada-$(date +%F).db',
    flags: { to: { type: 'string', required: true, description: 'varukoopia fail (ei tohi olemas olla)' } },
    async run(flags, ctx) {
      try {
        const { pages } = await backupDatabase(ctx.db(), String(flags['to']));
        ctx.stdout.write(`Varukoopia tehtud: ${String(flags['to'])} (${pages} lehekülge).\n`);
      } catch (err) {
        if (err instanceof BackupError) throw new InputError(err.message);
        throw err;
      }
    },
  },
  {
    noun: 'db',
    verb: 'restore',
    summary: 'Taastab andmebaasi varukoopiast (kontrollib enne terviklikkust ja skeemi versiooni)',
    help: 'Peata server enne taastamist. Taastatakse DATABASE_PATH faili.',
    flags: { from: { type: 'string', required: true, description: 'varukoopia fail' } },
    async run(flags, ctx) {
      try {
        const { schemaVersion } = await restoreDatabase(String(flags['from']), ctx.config.databasePath);
        const db = openDatabase(ctx.config.databasePath);
        const counts = rowCounts(db);
        db.close();
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        ctx.stdout.write(`Taastatud ${String(flags['from'])} → ${ctx.config.databasePath} (skeem v${schemaVersion}, ${total} rida).\n`);
      } catch (err) {
        if (err instanceof BackupError) throw new InputError(err.message);
        throw err;
      }
    },
  },
];
