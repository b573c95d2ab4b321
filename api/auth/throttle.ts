// Login throttling per account and per client address. After the threshold each further failure
// doubles the lock (15 s, 30 s, 1 min … up to 1 h); a quiet hour forgets the failures.
import type { Db } from '../db/database.ts';

export const ACCOUNT_THRESHOLD = 5;
// Many municipality offices reach us through one NAT address, so the address limit is looser.
export const IP_THRESHOLD = 20;
const BASE_DELAY_S = 15;
const MAX_DELAY_S = 60 * 60;
const FORGET_AFTER_S = 60 * 60;

const now = () => Math.floor(Date.now() / 1000);

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

interface Row {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

/** Seconds until the next attempt is allowed for any of the keys; 0 when not throttled. */
export function retryAfter(db: Db, keys: string[], t = now()): number {
  let wait = 0;
  const get = db.prepare('SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?');
  for (const key of keys) {
    const row = get.get(key) as Row | undefined;
    if (row && row.locked_until > t) wait = Math.max(wait, row.locked_until - t);
  }
  return wait;
}

function thresholdFor(key: string): number {
  return key.startsWith('ip:') ? IP_THRESHOLD : ACCOUNT_THRESHOLD;
}

/** Counts one failed attempt against every key. */
export function recordFailure(db: Db, keys: string[], t = now()): void {
  const get = db.prepare('SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?');
  const put = db.prepare(
    `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
       locked_until = excluded.locked_until`,
  );
  for (const key of keys) {
    const row = get.get(key) as Row | undefined;
    const failures = row && t - row.last_failure_at < FORGET_AFTER_S ? row.failures + 1 : 1;
    const over = failures - thresholdFor(key);
    const lockedUntil = over >= 0 ? t + Math.min(BASE_DELAY_S * 2 ** Math.min(over, 20), MAX_DELAY_S) : 0;
    put.run(key, failures, t, lockedUntil);
  }
}

/** A successful login forgives the account's failures (not the address's: one valid account must not reset it). */
export function clearFailures(db: Db, key: string): void {
  db.prepare('DELETE FROM login_throttle WHERE key = ?').run(key);
}
