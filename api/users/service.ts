// User administration shared by the admin API and the CLI. Every change is audited in its transaction.
import { recordAudit, type Actor } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { invitationLink, issueInvitation, type IssuedInvitation } from '../auth/invitations.ts';
import { invitationMail } from '../mail/messages.ts';
import { queueMail } from '../mail/outbox.ts';
import type { Role } from '../auth/session-user.ts';
import { conflict, notFound } from '../lib/errors.ts';
import { accessProblems, emailProblem, normaliseEmail, personalCodeProblem, validationFailed, type FieldProblem } from './validation.ts';
import { tallinnToday } from '../lib/today.ts';
import {
  activeAdminCount,
  setKovHead,
  userAuthRow,
  disabledAtOf,
  emailTaken,
  insertUser,
  personalCodeTaken,
  setUserKovs,
  updateUserRow,
  userKovs,
  userListRow,
  userListRows,
  type UserListRow,
} from './store.ts';

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
  /** Head of the assigned municipalities: confirms their reporting-period submissions (viewer or specialist only). */
  kovHead: boolean;
  createdAt: string;
  /** Unix seconds of the most recent session activity, or null. */
  lastSeenAt: number | null;
}

function toView(db: Db, r: UserListRow): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    kovs: userKovs(db, r.id),
    personalCode: r.personal_code,
    expiresOn: r.access_expires_on,
    disabled: r.disabled_at !== null,
    hasPassword: r.has_password === 1,
    kovHead: r.kov_head === 1,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  };
}

export function listUsers(db: Db): UserView[] {
  return userListRows(db).map((r) => toView(db, r));
}

export function getUser(db: Db, id: number): UserView | null {
  const row = userListRow(db, id);
  return row ? toView(db, row) : null;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  kovs: string[];
  expiresOn?: string | null;
  personalCode?: string | null;
  kovHead?: boolean;
}

/** Only a municipality's own viewer or specialist account can be its head. */
const HEAD_ROLES: readonly string[] = ['viewer', 'specialist'];
const HEAD_PROBLEM: FieldProblem = { path: 'kovHead', message: 'Omavalitsuse juhiks saab märkida ainult vaataja või spetsialisti konto.' };

/** The invitation mail with the set-password link, queued in the transaction that issued the link. */
function queueInvitationMail(db: Db, publicOrigin: string, user: { email: string; name: string }, invitation: IssuedInvitation): void {
  const link = invitationLink(publicOrigin, invitation.token);
  queueMail(db, publicOrigin, { kind: 'invitation', to: user.email, ...invitationMail({ name: user.name, link, expiresAt: invitation.expiresAt }) });
}

/**
 * Creates a user. With `passwordHash` (CLI --password-stdin, demo seeding) the account is usable at
 * once; otherwise an invitation is issued and returned, and the user sets the password via the link.
 * With `publicOrigin` (the admin API and the CLI) the link is also mailed to the user, through the
 * outbox in the same transaction; tests and seeders that hand the link over themselves leave it out.
 */
export function createUser(
  db: Db,
  input: NewUser,
  actor: Actor,
  passwordHash?: string,
  publicOrigin?: string,
): { user: UserView; invitation: IssuedInvitation | null } {
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
  if (input.kovHead && !HEAD_ROLES.includes(input.role)) problems.push(HEAD_PROBLEM);
  if (problems.length) throw validationFailed(problems);
  return inTransaction(db, () => {
    if (emailTaken(db, email)) throw conflict('Selle e-posti aadressiga kasutaja on juba olemas.');
    if (input.personalCode && personalCodeTaken(db, input.personalCode)) {
      throw conflict('See isikukood on juba teise kasutajaga seotud.');
    }
    const id = insertUser(db, {
      email,
      name,
      role: input.role,
      password_hash: passwordHash ?? null,
      personal_code: input.personalCode ?? null,
      access_expires_on: input.expiresOn ?? null,
    });
    setUserKovs(db, id, input.kovs);
    if (input.kovHead) setKovHead(db, id, true);
    const invitation = passwordHash ? null : issueInvitation(db, id, actor.id);
    const user = getUser(db, id)!;
    const { lastSeenAt: _l, createdAt: _c, ...audited } = user;
    recordAudit(db, { actorId: actor.id, action: 'user.create', entity: 'app_user', entityId: id, newValue: audited, ip: actor.ip ?? null });
    if (invitation) recordAudit(db, { actorId: actor.id, action: 'invitation.create', entity: 'app_user', entityId: id, ip: actor.ip ?? null });
    if (invitation && publicOrigin) queueInvitationMail(db, publicOrigin, user, invitation);
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
  kovHead?: boolean;
}

/**
 * Applies an admin's change; refuses to leave the installation without an active admin. A role that
 * cannot be a head clears the head flag (asking for both is a field error).
 */
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
    if (patch.kovHead && !HEAD_ROLES.includes(role)) problems.push(HEAD_PROBLEM);
    if (problems.length) throw validationFailed(problems);
    const head = HEAD_ROLES.includes(role) && (patch.kovHead ?? before.kovHead);
    if (patch.personalCode && personalCodeTaken(db, patch.personalCode, id)) {
      throw conflict('See isikukood on juba teise kasutajaga seotud.');
    }
    const wasDisabledAt = disabledAtOf(db, id);
    const disabledAt = patch.disabled === undefined ? wasDisabledAt : patch.disabled ? (wasDisabledAt ?? new Date().toISOString()) : null;
    updateUserRow(db, {
      id,
      name: name ?? before.name,
      role,
      access_expires_on: expiresOn,
      personal_code: patch.personalCode !== undefined ? patch.personalCode : before.personalCode,
      disabled_at: disabledAt,
    });
    setUserKovs(db, id, kovs);
    if (head !== before.kovHead) {
      setKovHead(db, id, head);
      recordAudit(db, { actorId: actor.id, action: 'user.kov_head', entity: 'app_user', entityId: id, oldValue: { head: before.kovHead }, newValue: { head }, ip: actor.ip ?? null });
    }
    if (activeAdminCount(db) === 0) throw conflict('Vähemalt üks aktiivne administraator peab alles jääma.');
    const after = getUser(db, id)!;
    if (after.disabled && !before.disabled) deleteUserSessions(db, id);
    const strip = ({ lastSeenAt: _l, createdAt: _c, ...rest }: UserView) => rest;
    recordAudit(db, { actorId: actor.id, action: 'user.update', entity: 'app_user', entityId: id, oldValue: strip(before), newValue: strip(after), ip: actor.ip ?? null });
    return after;
  });
}

/** A new set-password link for an existing user (first login or forgotten password); mailed with `publicOrigin`. */
export function reinviteUser(db: Db, id: number, actor: Actor, publicOrigin?: string): IssuedInvitation {
  return inTransaction(db, () => {
    const user = getUser(db, id);
    if (!user) throw notFound('Kasutajat ei leitud.');
    if (user.disabled) throw conflict('Suletud kontole ei saa kutset saata.');
    const invitation = issueInvitation(db, id, actor.id);
    recordAudit(db, { actorId: actor.id, action: 'invitation.create', entity: 'app_user', entityId: id, ip: actor.ip ?? null });
    if (publicOrigin) queueInvitationMail(db, publicOrigin, user, invitation);
    return invitation;
  });
}

/**
 * Marks a viewer or specialist account as head of the municipalities assigned to it (or unmarks it):
 * the head confirms the municipality's reporting-period submission (api/periods/). Audited.
 */
export function setHead(db: Db, id: number, head: boolean, actor: Actor): void {
  inTransaction(db, () => {
    const row = userAuthRow(db, id);
    if (!row) throw notFound('Kasutajat ei leitud.');
    if (head && row.role !== 'viewer' && row.role !== 'specialist') throw conflict('Omavalitsuse juhiks saab märkida ainult vaataja või spetsialisti konto.');
    setKovHead(db, id, head);
    recordAudit(db, { actorId: actor.id, action: 'user.kov_head', entity: 'app_user', entityId: id, newValue: { head }, ip: actor.ip ?? null });
  });
}
