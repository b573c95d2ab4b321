// User administration shared by the admin API and the CLI. Every change is audited in its transaction.
import { recordAudit } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { issueInvitation, type IssuedInvitation } from '../auth/invitations.ts';
import type { Role } from '../auth/session-user.ts';
import { conflict, notFound } from '../lib/errors.ts';
import { accessProblems, emailProblem, normaliseEmail, personalCodeProblem, validationFailed, type FieldProblem } from './validation.ts';
import { tallinnToday } from '../lib/today.ts';

export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  kovs: string[];
  personalCode: string | null;
  expiresOn: string | null;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
  /** Unix seconds of the most recent session activity, or null. */
  lastSeenAt: number | null;
}

export interface Actor {
  id: number | null;
  ip?: string | null;
}

interface Row {
  id: number;
  email: string;
  name: string;
  role: Role;
  personal_code: string | null;
  access_expires_on: string | null;
  disabled_at: string | null;
  has_password: number;
  created_at: string;
  last_seen_at: number | null;
}

const SELECT = `SELECT u.id, u.email, u.name, u.role, u.personal_code, u.access_expires_on, u.disabled_at,
  u.password_hash IS NOT NULL AS has_password, u.created_at,
  (SELECT max(last_used_at) FROM session s WHERE s.user_id = u.id) AS last_seen_at FROM app_user u`;

function toView(db: Db, r: Row): UserView {
  const kovs = db.prepare('SELECT ehak FROM user_kov WHERE user_id = ? ORDER BY ehak').pluck().all(r.id) as string[];
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    kovs,
    personalCode: r.personal_code,
    expiresOn: r.access_expires_on,
    disabled: r.disabled_at !== null,
    hasPassword: r.has_password === 1,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  };
}

export function listUsers(db: Db): UserView[] {
  return (db.prepare(`${SELECT} ORDER BY u.name COLLATE NOCASE, u.id`).all() as Row[]).map((r) => toView(db, r));
}

export function getUser(db: Db, id: number): UserView | null {
  const row = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as Row | undefined;
  return row ? toView(db, row) : null;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  kovs: string[];
  expiresOn?: string | null;
  personalCode?: string | null;
}

function setKovs(db: Db, userId: number, kovs: string[]) {
  db.prepare('DELETE FROM user_kov WHERE user_id = ?').run(userId);
  const add = db.prepare('INSERT INTO user_kov (user_id, ehak) VALUES (?, ?)');
  for (const k of [...new Set(kovs)]) add.run(userId, k);
}

/**
 * Creates a user. With `passwordHash` (CLI --password-stdin, demo seeding) the account is usable at
 * once; otherwise an invitation is issued and returned, and the user sets the password via the link.
 */
export function createUser(db: Db, input: NewUser, actor: Actor, passwordHash?: string): { user: UserView; invitation: IssuedInvitation | null } {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  const ep = emailProblem(email);
  if (ep) problems.push({ path: 'email', message: ep });
  if (name.length < 1 || name.length > 120) problems.push({ path: 'name', message: 'Nimi on kohustuslik (kuni 120 märki).' });
  if (input.personalCode) {
    const pp = personalCodeProblem(input.personalCode);
    if (pp) problems.push({ path: 'personalCode', message: pp });
  }
  problems.push(...accessProblems(db, input.role, input.kovs, input.expiresOn ?? null));
  if (problems.length) throw validationFailed(problems);
  return inTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM app_user WHERE email = ?').get(email)) throw conflict('Selle e-posti aadressiga kasutaja on juba olemas.');
    if (input.personalCode && db.prepare('SELECT 1 FROM app_user WHERE personal_code = ?').get(input.personalCode)) {
      throw conflict('See isikukood on juba teise kasutajaga seotud.');
    }
    const id = Number(
      db
        .prepare('INSERT INTO app_user (email, name, role, password_hash, personal_code, access_expires_on) VALUES (?, ?, ?, ?, ?, ?)')
        .run(email, name, input.role, passwordHash ?? null, input.personalCode ?? null, input.expiresOn ?? null).lastInsertRowid,
    );
    setKovs(db, id, input.kovs);
    const invitation = passwordHash ? null : issueInvitation(db, id, actor.id);
    const user = getUser(db, id)!;
    const { lastSeenAt: _l, createdAt: _c, ...audited } = user;
    recordAudit(db, { actorId: actor.id, action: 'user.create', entity: 'app_user', entityId: id, newValue: audited, ip: actor.ip ?? null });
    if (invitation) recordAudit(db, { actorId: actor.id, action: 'invitation.create', entity: 'app_user', entityId: id, ip: actor.ip ?? null });
    return { user, invitation };
  });
}

export interface UserPatch {
  name?: string;
  role?: string;
  kovs?: string[];
  disabled?: boolean;
  expiresOn?: string | null;
  personalCode?: string | null;
}

/** Applies an admin's change; refuses to leave the installation without an active admin. */
export function updateUser(db: Db, id: number, patch: UserPatch, actor: Actor): UserView {
  return inTransaction(db, () => {
    const before = getUser(db, id);
    if (!before) throw notFound('Kasutajat ei leitud.');
    const role = patch.role ?? before.role;
    const kovs = patch.kovs ?? (patch.role && patch.role !== before.role && ['admin', 'analyst', 'reviewer'].includes(patch.role) ? [] : before.kovs);
    const expiresOn = patch.expiresOn !== undefined ? patch.expiresOn : before.expiresOn;
    const problems: FieldProblem[] = [];
    const name = patch.name?.trim();
    if (name !== undefined && (name.length < 1 || name.length > 120)) problems.push({ path: 'name', message: 'Nimi on kohustuslik (kuni 120 märki).' });
    if (patch.personalCode) {
      const pp = personalCodeProblem(patch.personalCode);
      if (pp) problems.push({ path: 'personalCode', message: pp });
    }
    // An unchanged past expiry is not re-checked, so an expired auditor can still be edited (e.g. disabled).
    const today = patch.expiresOn !== undefined ? tallinnToday() : '0000-00-00';
    problems.push(...accessProblems(db, role, kovs, expiresOn, today));
    if (problems.length) throw validationFailed(problems);
    if (patch.personalCode && db.prepare('SELECT 1 FROM app_user WHERE personal_code = ? AND id <> ?').get(patch.personalCode, id)) {
      throw conflict('See isikukood on juba teise kasutajaga seotud.');
    }
    const wasDisabledAt = db.prepare('SELECT disabled_at FROM app_user WHERE id = ?').pluck().get(id) as string | null;
    const disabledAt = patch.disabled === undefined ? wasDisabledAt : patch.disabled ? (wasDisabledAt ?? new Date().toISOString()) : null;
    db.prepare('UPDATE app_user SET name = ?, role = ?, access_expires_on = ?, personal_code = ?, disabled_at = ? WHERE id = ?').run(
      name ?? before.name,
      role,
      expiresOn,
      patch.personalCode !== undefined ? patch.personalCode : before.personalCode,
      disabledAt,
      id,
    );
    setKovs(db, id, kovs);
    const activeAdmins = db.prepare("SELECT count(*) FROM app_user WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number;
    if (activeAdmins === 0) throw conflict('Vähemalt üks aktiivne administraator peab alles jääma.');
    const after = getUser(db, id)!;
    if (after.disabled && !before.disabled) deleteUserSessions(db, id);
    const strip = ({ lastSeenAt: _l, createdAt: _c, ...rest }: UserView) => rest;
    recordAudit(db, { actorId: actor.id, action: 'user.update', entity: 'app_user', entityId: id, oldValue: strip(before), newValue: strip(after), ip: actor.ip ?? null });
    return after;
  });
}

/** A new set-password link for an existing user (first login or forgotten password). */
export function reinviteUser(db: Db, id: number, actor: Actor): IssuedInvitation {
  return inTransaction(db, () => {
    const user = getUser(db, id);
    if (!user) throw notFound('Kasutajat ei leitud.');
    if (user.disabled) throw conflict('Suletud kontole ei saa kutset saata.');
    const invitation = issueInvitation(db, id, actor.id);
    recordAudit(db, { actorId: actor.id, action: 'invitation.create', entity: 'app_user', entityId: id, ip: actor.ip ?? null });
    return invitation;
  });
}
