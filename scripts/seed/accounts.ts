// Demo accounts: one per role (two reviewers, since template approval needs a quorum of two).
// One generated password for all of them, printed once; only its argon2id hashes are stored.
import { hashPassword } from '../../api/auth/passwords.ts';
import type { Db } from '../../api/db/database.ts';
import { createUser, type NewUser } from '../../api/users/service.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Emails other demo seeders may rely on (e.g. who recorded a status). */
export const DEMO_ACCOUNTS: ReadonlyArray<Omit<NewUser, 'expiresOn'> & { expiresInDays?: number; note: string }> = [
  { email: 'admin@demo.turvarada.ee', name: 'Ada Administraator', role: 'admin', kovs: [], note: 'ELVL-i administraator' },
  { email: 'analyst@demo.turvarada.ee', name: 'Andres Analüütik', role: 'analyst', kovs: [], note: 'ELVL-i aruandlus, kõik omavalitsused' },
  { email: 'specialist@demo.turvarada.ee', name: 'Siiri Spetsialist', role: 'specialist', kovs: ['0141', '0198', '0296'], note: 'Anija vald, Harku vald, Keila linn' },
  { email: 'viewer@demo.turvarada.ee', name: 'Vello Vaataja', role: 'viewer', kovs: ['0141'], note: 'Anija valla IT, ainult lugemine' },
  { email: 'reviewer1@demo.turvarada.ee', name: 'Reet Retsensent', role: 'reviewer', kovs: [], note: 'töörühm' },
  { email: 'reviewer2@demo.turvarada.ee', name: 'Rasmus Retsensent', role: 'reviewer', kovs: [], note: 'töörühm' },
  { email: 'auditor@demo.turvarada.ee', name: 'Aino Audiitor', role: 'auditor', kovs: ['0296'], expiresInDays: 90, note: 'Keila linn, 90 päeva' },
];

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 16 random characters in groups of four: 80 bits, easy to type from the terminal. */
function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => ALPHABET[b & 31]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export async function seedDemoAccounts(db: Db, log: (line: string) => void): Promise<void> {
  const password = generatePassword();
  for (const a of DEMO_ACCOUNTS) {
    const { expiresInDays, note: _note, ...input } = a;
    createUser(db, { ...input, expiresOn: expiresInDays ? inDays(expiresInDays) : null }, { id: null, ip: 'seed' }, await hashPassword(password));
  }
  log('Näidiskasutajad (parool kuvatakse ainult nüüd, salvestatud on vaid räsi):');
  for (const a of DEMO_ACCOUNTS) log(`  ${a.email.padEnd(30)} ${a.role.padEnd(10)} ${a.note}`);
  log(`  ühine parool: ${password}`);
}
