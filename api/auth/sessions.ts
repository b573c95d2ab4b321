// Sessions as described in the Lucia guide: the token is "<id>.<secret>", the database keeps
// only SHA-256(secret), and the comparison is constant-time, so a leaked row cannot sign anyone in.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Db } from '../db/database.ts';
import { loadUserRow, sessionRecord } from './session-cache.ts';
import type { SessionUser } from './session-user.ts';
import { deleteSessionRow, deleteSessionsOfUser, insertSession, touchSession } from './stores/sessions.ts';
import { tallinnToday } from '../lib/today.ts';

const DAY = 24 * 60 * 60;
/** Sliding lifetime; renewed once half of it is used. */
export const SESSION_LIFETIME_S = 30 * DAY;
/** A session unused for this long ends even if not expired. */
export const SESSION_IDLE_LIMIT_S = 7 * DAY;
/** No session lives longer than this, however active. */
export const SESSION_ABSOLUTE_LIMIT_S = 90 * DAY;

export const SESSION_COOKIE = 'turvarada_session';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 24 characters of a 32-letter alphabet: 120 bits of entropy. */
function randomString(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ALPHABET[b >> 3];
  return s;
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

const now = () => Math.floor(Date.now() / 1000);

export interface CreatedSession {
  id: string;
  token: string;
  expiresAt: number;
}

export function createSession(
  db: Db,
  userId: number,
  meta: { userAgent?: string | null; ip?: string | null } = {},
): CreatedSession {
  const id = randomString();
  const secret = randomString();
  const t = now();
  const expiresAt = t + SESSION_LIFETIME_S;
  insertSession(db, {
    id,
    secret_hash: Buffer.from(hashSecret(secret)),
    user_id: userId,
    created_at: t,
    last_used_at: t,
    expires_at: expiresAt,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { id, token: `${id}.${secret}`, expiresAt };
}

export interface ValidatedSession {
  sessionId: string;
  user: SessionUser;
  /** Set when the expiry moved forward and the cookie should be re-sent. */
  renewedExpiresAt: number | null;
}

/** Whether the account may be used today: not disabled, not past its access expiry. */
export function accountActive(u: { disabled_at: string | null; access_expires_on: string | null }, today = tallinnToday()): boolean {
  if (u.disabled_at) return false;
  if (u.access_expires_on && today >= u.access_expires_on) return false;
  return true;
}

export function loadSessionUser(db: Db, userId: number): (SessionUser & { active: boolean }) | null {
  const u = loadUserRow(db, userId);
  return u && { id: u.id, email: u.email, name: u.name, role: u.role, kovs: u.kovs, accessExpiresOn: u.access_expires_on, active: accountActive(u) };
}

/** Returns the session's user, or null for any invalid, expired, idle or disabled session (deleting it). */
export function validateSessionToken(db: Db, token: string): ValidatedSession | null {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0].length > 64 || parts[1].length > 64) return null;
  const [id, secret] = parts as [string, string];
  const record = sessionRecord(db, id);
  if (!record) return null;
  const row = record.session;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return null;
  const t = now();
  if (t >= row.expires_at || t - row.last_used_at >= SESSION_IDLE_LIMIT_S || t - row.created_at >= SESSION_ABSOLUTE_LIMIT_S) {
    deleteSession(db, id);
    return null;
  }
  const u = record.user;
  if (!u || !accountActive(u)) {
    deleteSession(db, id);
    return null;
  }
  let renewedExpiresAt: number | null = null;
  if (row.expires_at - t < SESSION_LIFETIME_S / 2) {
    renewedExpiresAt = Math.min(t + SESSION_LIFETIME_S, row.created_at + SESSION_ABSOLUTE_LIMIT_S);
  }
  // Record use at most once a minute: keeps reads from turning into a write per request.
  if (renewedExpiresAt !== null || t - row.last_used_at >= 60) {
    touchSession(db, id, t, renewedExpiresAt ?? row.expires_at);
  }
  // A fresh object per request (the cached record is shared); kovs is frozen at load.
  return { sessionId: id, user: { id: u.id, email: u.email, name: u.name, role: u.role, kovs: u.kovs, accessExpiresOn: u.access_expires_on }, renewedExpiresAt };
}

export function deleteSession(db: Db, sessionId: string): void {
  deleteSessionRow(db, sessionId);
}

/** "Log out everywhere" and password change. */
export function deleteUserSessions(db: Db, userId: number): number {
  return deleteSessionsOfUser(db, userId);
}
