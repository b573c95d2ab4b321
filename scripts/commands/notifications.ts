// `notifications run`: what the server's scheduler does every 15 minutes, once, now.
import { runNotifications } from '../../api/notifications/reminders.ts';
import type { Command } from '../lib/command.ts';

export const notificationCommands: Command[] = [
  {
    noun: 'notifications',
    verb: 'run',
    summary: 'Lisab väljasaatmise järjekorda praegu tähtaegsed meeldetuletused ja iganädalased kokkuvõtted',
    help: 'Iga meeldetuletus saadetakse üks kord: korduv käivitamine (ka serveri ajastiga samal ajal) ei lisa midagi topelt. Kirjad saadab töötav server (SMTP_URL).',
    flags: {},
    run(_flags, ctx) {
      const queued = runNotifications(ctx.db(), ctx.config.publicOrigin);
      ctx.stdout.write(`Järjekorda lisati ${queued} kirja.\n`);
    },
  },
];
