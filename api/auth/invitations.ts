// One-time set-password links. The token travels only in the link's #fragment, which browsers never
// send to a server (not in the request line, not in Referer), and from the page to the API only in a
// JSON body, so no request log or proxy log sees it; the database keeps SHA-256 of it.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { Db } from '../db/database.ts';
import { insertInvitation, pendingInvitation, revokeInvitationsOf, useInvitation, type PendingInvitationRow } from './stores/invitations.ts';

export const INVITATION_LIFETIME_S = 72 * 60 * 60;
/** A reset link the user asked for lives an hour: long enough to open the mail, short as a credential. */
export const RESET_LIFETIME_S = 60 * 60;

/** An invitation (made by an admin, 72 h) or a password reset (asked for by the user, 1 h). */
export type InvitationPurpose = 'invitation' | 'reset';

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
export function issueInvitation(db: Db, userId: number, createdBy: number | null, purpose: InvitationPurpose = 'invitation'): IssuedInvitation {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const token = encodeBase64urlNoPadding(bytes);
  const t = now();
  const expiresAt = t + (purpose === 'reset' ? RESET_LIFETIME_S : INVITATION_LIFETIME_S);
  revokeInvitationsOf(db, userId, t);
  insertInvitation(db, { token_hash: hashToken(token), user_id: userId, created_by: createdBy, created_at: t, expires_at: expiresAt, purpose });
  return { token, expiresAt };
}

export type PendingInvitation = PendingInvitationRow;

/** The unused, unexpired invitation for the token, or null. Does not consume it. */
export function findInvitation(db: Db, token: string, t = now()): PendingInvitation | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return pendingInvitation(db, hashToken(token), t) ?? null;
}

/** Marks the invitation used; false when someone else used it first. Call inside a transaction. */
export function markInvitationUsed(db: Db, invitationId: number): boolean {
  return useInvitation(db, invitationId, now());
}
