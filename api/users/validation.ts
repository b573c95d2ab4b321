// Rules for user data shared by the admin API and the CLI, so both refuse the same input.
import type { Db } from '../db/database.ts';
import { ROLES, type Role } from '../auth/session-user.ts';
import { ApiError } from '../lib/errors.ts';
import { tallinnToday } from '../lib/today.ts';
import { kovExists } from '../kov/store.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

export const validationFailed = (details: FieldProblem[]) => new ApiError(400, 'validation_failed', 'Sisendis on vigu.', details);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// TARA `sub`: country prefix and the national identifier, e.g. EE38001085718.
export const PERSONAL_CODE = /^[A-Z]{2}[A-Za-z0-9-]{5,40}$/;
const EE_PERSONAL_CODE = /^EE[1-8]\d{10}$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  if (email.length > 254 || !EMAIL.test(email)) return 'E-posti aadress ei ole korrektne.';
  return null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function personalCodeProblem(code: string): string | null {
  if (!PERSONAL_CODE.test(code)) return 'Isikukood peab olema kujul riigikood + kood, nt EE38001085718.';
  if (code.startsWith('EE') && !EE_PERSONAL_CODE.test(code)) return 'Eesti isikukood on EE ja 11 numbrit.';
  return null;
}

/** Which municipality assignments a role needs. */
export function kovRule(role: Role): { min: number; max: number } {
  if (role === 'specialist' || role === 'viewer') return { min: 1, max: 79 };
  if (role === 'auditor') return { min: 1, max: 1 };
  return { min: 0, max: 0 };
}

/** Checks role, municipalities and expiry together (they constrain each other). */
export function accessProblems(db: Db, role: string, kovs: string[], expiresOn: string | null, today = tallinnToday()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isRole(role)) {
    problems.push({ path: 'role', message: `Tundmatu roll "${role}". Lubatud: ${ROLES.join(', ')}.` });
    return problems;
  }
  const rule = kovRule(role);
  const unique = [...new Set(kovs)];
  const unknown = unique.filter((k) => !kovExists(db, k));
  if (unknown.length) problems.push({ path: 'kovs', message: `Tundmatu EHAK kood: ${unknown.join(', ')}.` });
  else if (unique.length < rule.min || unique.length > rule.max) {
    problems.push({
      path: 'kovs',
      message:
        rule.max === 0
          ? `Rollil ${role} ei ole omavalitsusi (näeb vastavalt rollile).`
          : rule.max === 1
            ? `Rollil ${role} on täpselt üks omavalitsus.`
            : `Rollil ${role} peab olema vähemalt üks omavalitsus.`,
    });
  }
  if (expiresOn !== null) {
    if (!isIsoDate(expiresOn)) problems.push({ path: 'expiresOn', message: 'Kuupäev peab olema kujul AAAA-KK-PP.' });
    else if (expiresOn <= today) problems.push({ path: 'expiresOn', message: 'Lõppkuupäev peab olema tulevikus.' });
  } else if (role === 'auditor') {
    problems.push({ path: 'expiresOn', message: 'Audiitori juurdepääsul peab olema lõppkuupäev.' });
  }
  return problems;
}
