// Login throttling per account and per client address. An attempt is reserved in the database before
// the password is verified, and a reservation counts as a failure until the password proves right:
// after the threshold each further failure doubles the lock (15 s, 30 s, 1 min … up to 1 h); a quiet
// hour forgets the failures. Reserving and releasing are transactions (BEGIN IMMEDIATE), so however
// many requests arrive at once, in one process or in several sharing the database, at most the allowed
// number of attempts is ever verified; the rest answer 429 without verifying anything.
import { inTransaction, type Db } from '../db/database.ts';
import { deleteThrottleRow, putThrottleRow, throttleRow } from './stores/throttle.ts';

export const ACCOUNT_THRESHOLD = 5;
// Many municipality offices reach us through one NAT address, so the address limit is looser.
export const IP_THRESHOLD = 20;
export const BASE_DELAY_S = 15;
export const MAX_DELAY_S = 60 * 60;
export const FORGET_AFTER_S = 60 * 60;

const now = () => Math.floor(Date.now() / 1000);

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

// Password-reset requests (password-reset.ts) use the same reservations with keys of their own, and
// every request counts (none is handed back): 3 per address and 10 per client address, then the locks.
export const RESET_ACCOUNT_THRESHOLD = 3;
export const RESET_IP_THRESHOLD = 10;
export const resetAccountKey = (email: string) => `reset:${email.trim().toLowerCase()}`;
export const resetIpKey = (ip: string) => `reset-ip:${ip}`;

/** A granted attempt: hand it back with releaseAttempt when the password was right. */
export interface Reservation {
  keys: readonly string[];
}

function thresholdFor(key: string): number {
  if (key.startsWith('ip:')) return IP_THRESHOLD;
  if (key.startsWith('reset:')) return RESET_ACCOUNT_THRESHOLD;
  if (key.startsWith('reset-ip:')) return RESET_IP_THRESHOLD;
  return ACCOUNT_THRESHOLD;
}

/** The lock that `failures` failures, the last at `at`, put on the key (0: none). */
function lockFor(key: string, failures: number, at: number): number {
  const over = failures - thresholdFor(key);
  return over >= 0 ? at + Math.min(BASE_DELAY_S * 2 ** Math.min(over, 20), MAX_DELAY_S) : 0;
}

/** Seconds until the next attempt is allowed for any of the keys; 0 when not throttled. */
export function retryAfter(db: Db, keys: readonly string[], t = now()): number {
  let wait = 0;
  for (const key of keys) {
    const row = throttleRow(db, key);
    if (row && row.locked_until > t) wait = Math.max(wait, row.locked_until - t);
  }
  return wait;
}

/**
 * Reserves one attempt against every key, atomically: when any key is locked nothing is written and
 * the answer is the seconds to wait; otherwise each key counts the attempt as a failure now (locking
 * the key when that reaches its threshold) and the reservation is returned.
 */
export function reserveAttempt(db: Db, keys: readonly string[], t = now()): Reservation | { retryAfter: number } {
  return inTransaction(db, () => {
    const wait = retryAfter(db, keys, t);
    if (wait > 0) return { retryAfter: wait };
    for (const key of keys) {
      const row = throttleRow(db, key);
      const failures = row && t - row.last_failure_at < FORGET_AFTER_S ? row.failures + 1 : 1;
      putThrottleRow(db, key, { failures, last_failure_at: t, locked_until: lockFor(key, failures, t) });
    }
    return { keys };
  });
}

/** The password was right: the reserved attempt is not a failure after all. */
export function releaseAttempt(db: Db, reservation: Reservation): void {
  inTransaction(db, () => {
    for (const key of reservation.keys) {
      const row = throttleRow(db, key);
      if (!row) continue; // forgiven meanwhile (another attempt signed in)
      const failures = Math.max(row.failures - 1, 0);
      putThrottleRow(db, key, { failures, last_failure_at: row.last_failure_at, locked_until: lockFor(key, failures, row.last_failure_at) });
    }
  });
}

/** A successful login forgives the account's failures (not the address's: one valid account must not reset it). */
export function clearFailures(db: Db, key: string): void {
  deleteThrottleRow(db, key);
}
