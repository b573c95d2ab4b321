// Password hashing (argon2id with the library's OWASP-recommended defaults) and the strength rule.
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS, COMMON_STEMS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id PHC string ($argon2id$v=19$m=19456,t=2,p=1$…). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

// Verified against when the account is unknown or has no password yet, so the answer takes as long
// as a real check and timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | null = null;
export function verifyDummy(password: string): Promise<boolean> {
  dummyHash ??= hash('turvarada-dummy-password-for-timing');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

/** Why a new password is refused (Estonian, shown to the user), or null when acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Parool peab olema vähemalt ${MIN_PASSWORD_LENGTH} märki pikk.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Parool võib olla kuni ${MAX_PASSWORD_LENGTH} märki pikk.`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_STEMS.has(stem) || stem.length === 0) {
    return 'See parool on levinud ja kergesti äraarvatav. Vali pikem, ainult sulle teada olev fraas.';
  }
  // A short pattern repeated ("abcabcabcabc", "aaaaaaaaaaaa").
  if (/^(.{1,4})\1+$/u.test(lower)) return 'Parool ei tohi koosneda korduvast mustrist.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Parool ei tohi sisaldada sinu e-posti aadressi.';
  const nameParts = (context.name ?? '').toLowerCase().split(/\s+/).filter((p) => p.length >= 4);
  if (nameParts.some((p) => lower.includes(p)) && lower.length < 20) return 'Parool ei tohi põhineda sinu nimel.';
  return null;
}
