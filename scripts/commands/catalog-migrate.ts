// `npm run cli -- catalog migrate --from 2023 --to 2024`: moves every municipality's tracker data
// to a new catalogue edition and prints + stores the migration report (api/tracker/migrate-edition.ts).
import { EditionMigrationError, formatMigrationReport, migrateEdition } from '../../api/tracker/migrate-edition.ts';
import { InputError, UsageError, type Command } from '../lib/command.ts';

const EDITION = /^\d{4}$/;

export const catalogMigrateCommand: Command = {
  noun: 'catalog',
  verb: 'migrate',
  summary: 'Viib omavalitsuste meetmete olekud uuele E-ITS väljaandele (aruandega)',
  help: `Mõlemad väljaanded peavad olema imporditud. Sama id-ga meetmete olekud, ajalugu ja tõendid
kopeeritakse uude väljaandesse; eemaldatud meetmete olekud jäävad vanasse väljaandesse ja on
aruandes loetletud; uued meetmed algavad olekuga „hindamata”. Aruanne salvestatakse (edition_migration).

Näide: npm run cli -- catalog migrate --from 2023 --to 2024`,
  flags: {
    from: { type: 'string', description: 'praegune väljaanne (nt 2023)', required: true },
    to: { type: 'string', description: 'uus väljaanne (nt 2024)', required: true },
    json: { type: 'boolean', description: 'kirjuta aruanne JSON-ina' },
  },
  run(flags, ctx) {
    const from = String(flags['from']);
    const to = String(flags['to']);
    if (!EDITION.test(from) || !EDITION.test(to)) throw new UsageError('--from ja --to on aastaarvud, nt --from 2023 --to 2024');
    if (from === to) throw new UsageError('--from ja --to peavad erinema');
    let report;
    try {
      report = migrateEdition(ctx.db(), from, to);
    } catch (err) {
      if (err instanceof EditionMigrationError) throw new InputError(err.message);
      throw err;
    }
    ctx.stdout.write(flags['json'] ? JSON.stringify(report, null, 2) + '\n' : formatMigrationReport(report).join('\n') + '\n');
  },
};
