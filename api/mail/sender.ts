// Delivers the outbox. Started by the server (api/server.ts) when SMTP_URL is set; polls every few
// seconds, so mail queued by any process sharing the database (the CLI included) leaves within one
// interval. At least once: a mail is marked sent only after the SMTP server accepted it, so a crash in
// between sends it again, with the same Message-ID. A refused or broken delivery is retried with
// exponential backoff (1 min, 2 min, 4 min … at most 1 h) and its error kept for the admin's list.
import { createTransport } from 'nodemailer';
import type { Db } from '../db/database.ts';
import { claimMail, dueMailIds, markMailFailed, markMailSent, outgoingMail } from './store.ts';

export const POLL_INTERVAL_MS = 3_000;
export const BASE_RETRY_S = 60;
export const MAX_RETRY_S = 60 * 60;
/** How long a claimed mail is left to its sender before another may try: longer than any SMTP timeout. */
export const LEASE_S = 5 * 60;
const BATCH = 20;

/** Seconds to wait after the attempts-th failed attempt. */
export const retryDelay = (attempts: number): number => Math.min(BASE_RETRY_S * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_S);

export interface MailSenderOptions {
  db: Db;
  smtpUrl: string;
  from: string;
  intervalMs?: number;
  /** Unix seconds (tests move time). */
  now?: () => number;
  /** Where delivery problems are reported (default: stderr as one JSON line). */
  log?: (line: string) => void;
}

export interface MailSender {
  /** Delivers what is due now; resolves with the number of mails sent. */
  runOnce(): Promise<number>;
  /** Stops polling, waits for a delivery in progress, closes the transport. */
  stop(): Promise<void>;
}

/** nodemailer options from SMTP_URL (validated in api/config.ts), with timeouts shorter than the lease. */
function transportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

/** A sender over the database; `start()` polls, `runOnce()` delivers once (tests, the CLI). */
export function createMailSender(options: MailSenderOptions): MailSender & { start(): void } {
  const { db, from } = options;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  const transport = createTransport(transportOptions(options.smtpUrl));
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;
  let stopped = false;

  async function deliver(id: number): Promise<boolean> {
    const t = now();
    if (!claimMail(db, id, t, t + LEASE_S)) return false;
    const mail = outgoingMail(db, id)!;
    try {
      await transport.sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.message_id,
        headers: { 'Auto-Submitted': 'auto-generated' },
        disableUrlAccess: true,
        disableFileAccess: true,
      });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      markMailFailed(db, id, now() + retryDelay(mail.attempts + 1), message);
      log(JSON.stringify({ time: new Date().toISOString(), mail: id, attempt: mail.attempts + 1, error: message }));
      return false;
    }
    markMailSent(db, id, now());
    return true;
  }

  async function run(): Promise<number> {
    let sent = 0;
    for (const id of dueMailIds(db, now(), BATCH)) {
      if (stopped) break;
      if (await deliver(id)) sent += 1;
    }
    return sent;
  }

  const runOnce = (): Promise<number> => {
    // One run at a time: a poll that finds the previous one still delivering waits for it.
    current = (current ?? Promise.resolve(0)).catch(() => 0).then(run);
    return current;
  };

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => log(JSON.stringify({ time: new Date().toISOString(), mailSender: String(err) })))
        .finally(schedule);
    }, options.intervalMs ?? POLL_INTERVAL_MS);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      stopped = false;
      void runOnce().catch(() => 0).finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => 0);
      transport.close();
    },
  };
}
