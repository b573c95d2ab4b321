// One-time set-password links. The token travels only in the link's #fragment, which browsers never
// send to a server (not in the request line, not in Referer), and from the page to the API only in a
// JSON body, so no request log or proxy log sees it; the database keeps SHA-256 of it.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { Db } from '../db/database.ts';

export const INVITATION_LIFETIME_S = 72 * 60 * 60;

const now = () => Math.floor(Date.now() / 1000);
const hashToken = (token: string) => Buffer.from(sha256(new TextEncoder().encode(token)));

export interface IssuedInvitation {
  token: string;
  expiresAt: number;
}

/** The link the user opens (every link generator uses this); the page reads the token from the fragment. */
export function invitationLink(publicOrigin: string, token: string): string {
  return `${publicOrigin}/seadista-parool/#token=${token}`;
}

/** Issues a new link and revokes the user's earlier unused ones. Call inside the caller's transaction. */
export function issueInvitation(db: Db, userId: number, createdBy: number | null): IssuedInvitation {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const token = encodeBase64urlNoPadding(bytes);
  const t = now();
  db.prepare('UPDATE invitation SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(t, userId);
  db.prepare('INSERT INTO invitation (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    hashToken(token),
    userId,
    createdBy,
    t,
    t + INVITATION_LIFETIME_S,
  );
  return { token, expiresAt: t + INVITATION_LIFETIME_S };
}

export interface PendingInvitation {
  invitationId: number;
  userId: number;
  email: string;
  name: string;
}

/** The unused, unexpired invitation for the token, or null. Does not consume it. */
export function findInvitation(db: Db, token: string, t = now()): PendingInvitation | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = db
    .prepare(
      `SELECT i.id AS invitationId, u.id AS userId, u.email, u.name
       FROM invitation i JOIN app_user u ON u.id = i.user_id
       WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND u.disabled_at IS NULL`,
    )
    .get(hashToken(token), t) as PendingInvitation | undefined;
  return row ?? null;
}

/** Marks the invitation used; false when someone else used it first. Call inside a transaction. */
export function markInvitationUsed(db: Db, invitationId: number): boolean {
  return db.prepare('UPDATE invitation SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now(), invitationId).changes === 1;
}
