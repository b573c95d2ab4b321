// The in-process scheduler the server runs: reminders and digests (reminders.ts) once at start and then
// every 15 minutes. Runs never overlap: the next is scheduled only after the previous one finished, and
// a run is one synchronous transaction. Several processes may run it at once (the CLI, a second
// server): the notification_sent rows make every reminder go out once whoever runs first.
import type { Db } from '../db/database.ts';
import { runNotifications } from './reminders.ts';

export const SCHEDULE_INTERVAL_MS = 15 * 60_000;

export interface NotificationScheduler {
  start(): void;
  stop(): void;
}

export function createNotificationScheduler(options: {
  db: Db;
  publicOrigin: string;
  intervalMs?: number;
  log?: (line: string) => void;
}): NotificationScheduler {
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  function tick(): void {
    if (stopped) return;
    try {
      const queued = runNotifications(options.db, options.publicOrigin);
      if (queued > 0) log(JSON.stringify({ time: new Date().toISOString(), notifications: queued }));
    } catch (err) {
      // A failed run changed nothing (one transaction); the next one tries again.
      log(JSON.stringify({ time: new Date().toISOString(), notificationsError: err instanceof Error ? err.message : String(err) }));
    }
    if (stopped) return;
    timer = setTimeout(tick, options.intervalMs ?? SCHEDULE_INTERVAL_MS);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(tick, 0);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
