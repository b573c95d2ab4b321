// One-time set-password links (table invitation): the one module that runs SQL on it. Only the
// token's SHA-256 is stored (invitations.ts makes and hashes tokens).
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

export interface NewInvitationRow {
  token_hash: Buffer;
  user_id: number;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  purpose: 'invitation' | 'reset';
}

/** An unused, unexpired invitation with its (enabled) user. */
export interface PendingInvitationRow {
  invitationId: number;
  userId: number;
  email: string;
  name: string;
  purpose: 'invitation' | 'reset';
}

const REVOKE = prepared<[number, number], unknown>('UPDATE invitation SET used_at = ? WHERE user_id = ? AND used_at IS NULL');
const INSERT = prepared<[NewInvitationRow], unknown>(
  `INSERT INTO invitation (token_hash, user_id, created_by, created_at, expires_at, purpose)
   VALUES (@token_hash, @user_id, @created_by, @created_at, @expires_at, @purpose)`,
);
const PENDING = prepared<[Buffer, number], PendingInvitationRow>(
  `SELECT i.id AS invitationId, u.id AS userId, u.email, u.name, i.purpose
   FROM invitation i JOIN app_user u ON u.id = i.user_id
   WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND u.disabled_at IS NULL`,
);
const USE = prepared<[number, number], unknown>('UPDATE invitation SET used_at = ? WHERE id = ? AND used_at IS NULL');

/** Marks the user's unused invitations used at `at`. */
export const revokeInvitationsOf = (db: Db, userId: number, at: number): void => void REVOKE(db).run(at, userId);

export const insertInvitation = (db: Db, row: NewInvitationRow): void => void INSERT(db).run(row);

/** The pending invitation with this token hash at time `at`. */
export const pendingInvitation = (db: Db, tokenHash: Buffer, at: number): PendingInvitationRow | undefined => PENDING(db).get(tokenHash, at);

/** Marks the invitation used; false when it already was. */
export const useInvitation = (db: Db, id: number, at: number): boolean => USE(db).run(at, id).changes === 1;
