// `users create|list|disable|invite|set-head`: account administration without the web UI (first admin, scripts).
import { invitationLink } from '../../api/auth/invitations.ts';
import { hashPassword, passwordProblem } from '../../api/auth/passwords.ts';
import { ApiError } from '../../api/lib/errors.ts';
import { createUser, listUsers, reinviteUser, setHead, updateUser, type UserView } from '../../api/users/service.ts';
import { normaliseEmail } from '../../api/users/validation.ts';
import type { Command, CommandContext } from '../lib/command.ts';
import { seedKovs } from '../seed/kov.ts';
import { kovCount } from '../../api/kov/store.ts';
import { InputError } from '../lib/command.ts';

/** The API's validation and conflict errors as CLI input errors (exit 2). */
function asInputError(err: unknown): never {
  if (err instanceof ApiError) {
    const flag: Record<string, string> = { kovs: 'kov', expiresOn: 'expires', personalCode: 'personal-code' };
    const details = Array.isArray(err.details)
      ? (err.details as Array<{ path: string; message: string }>).map((d) => `--${flag[d.path] ?? d.path}: ${d.message}`)
      : [];
    throw new InputError([err.message, ...details].join('\n  '));
  }
  throw err;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the terminator of `echo`/here-strings, not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function findByEmail(ctx: CommandContext, email: string): UserView {
  const user = listUsers(ctx.db()).find((u) => u.email === normaliseEmail(email));
  if (!user) throw new InputError(`Kasutajat ${email} ei ole.`);
  return user;
}

const expiresText = (inv: { expiresAt: number }) => new Date(inv.expiresAt * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export const usersCommands: Command[] = [
  {
    noun: 'users',
    verb: 'create',
    summary: 'Loob kasutaja; prindib parooli seadmise lingi või loeb parooli standardsisendist',
    help: `Rollid: admin, analyst, specialist, viewer, reviewer, auditor.
specialist ja viewer vajavad vähemalt ühte --kov; auditor täpselt ühte --kov ja --expires.
Näited:
  npm run cli -- users create --email admin@elvl.ee --name "Ada Admin" --role admin
  printf '%s' "$PAROOL" | npm run cli -- users create --email s@vald.ee --name "Siim" --role specialist --kov 0141 --kov 0198 --password-stdin`,
    flags: {
      email: { type: 'string', description: 'e-posti aadress (kasutajanimi)', required: true },
      name: { type: 'string', description: 'nimi', required: true },
      role: { type: 'string', description: 'roll', required: true },
      kov: { type: 'string', multiple: true, description: 'omavalitsuse EHAK kood (korduv)' },
      expires: { type: 'string', description: 'juurdepääsu lõppkuupäev AAAA-KK-PP (audiitor)' },
      'personal-code': { type: 'string', description: 'isikukood TARA sisselogimiseks, nt EE38001085718' },
      'password-stdin': { type: 'boolean', description: 'loe parool standardsisendist (vähemalt 12 märki)' },
    },
    async run(flags, ctx) {
      const input = {
        email: String(flags['email']),
        name: String(flags['name']),
        role: String(flags['role']),
        kovs: (flags['kov'] as string[] | undefined) ?? [],
        expiresOn: (flags['expires'] as string | undefined) ?? null,
        personalCode: (flags['personal-code'] as string | undefined) ?? null,
      };
      let hash: string | undefined;
      if (flags['password-stdin']) {
        const password = await readStdin();
        const problem = passwordProblem(password, input);
        if (problem) throw new InputError(problem);
        hash = await hashPassword(password);
      }
      const db = ctx.db();
      // The municipalities are reference data; a brand-new database (first admin before first start) lacks them.
      if (kovCount(db) === 0) seedKovs(db);
      let result;
      try {
        result = createUser(db, input, { id: null, ip: 'cli' }, hash, ctx.config.publicOrigin);
      } catch (err) {
        asInputError(err);
      }
      const { user, invitation } = result;
      ctx.stdout.write(`Kasutaja loodud: ${user.email} (${user.role}${user.kovs.length ? ', ' + user.kovs.join(' ') : ''}).\n`);
      if (invitation) {
        ctx.stdout.write(`Parooli seadmise link (ühekordne, kehtib kuni ${expiresText(invitation)}):\n${invitationLink(ctx.config.publicOrigin, invitation.token)}\n`);
        ctx.stdout.write(`Sama link on saadetud kirjaga aadressile ${user.email} (väljasaatmise järjekorras).\n`);
      }
    },
  },
  {
    noun: 'users',
    verb: 'list',
    summary: 'Loetleb kasutajad',
    flags: {},
    run(_flags, ctx) {
      const users = listUsers(ctx.db());
      if (!users.length) ctx.stdout.write('Kasutajaid pole.\n');
      for (const u of users) {
        const state = u.disabled ? 'suletud' : !u.hasPassword ? 'kutse saadetud' : u.expiresOn ? `kuni ${u.expiresOn}` : 'aktiivne';
        ctx.stdout.write(`${u.email}\t${u.name}\t${u.role}\t${u.kovs.join(',') || '-'}\t${state}\n`);
      }
    },
  },
  {
    noun: 'users',
    verb: 'disable',
    summary: 'Sulgeb kasutaja konto ja lõpetab tema seansid',
    flags: { email: { type: 'string', description: 'e-posti aadress', required: true } },
    run(flags, ctx) {
      const user = findByEmail(ctx, String(flags['email']));
      try {
        updateUser(ctx.db(), user.id, { disabled: true }, { id: null, ip: 'cli' });
      } catch (err) {
        asInputError(err);
      }
      ctx.stdout.write(`Konto suletud: ${user.email}\n`);
    },
  },
  {
    noun: 'users',
    verb: 'invite',
    summary: 'Annab kasutajale uue ühekordse parooli seadmise lingi (nt unustatud parool)',
    flags: { email: { type: 'string', description: 'e-posti aadress', required: true } },
    run(flags, ctx) {
      const user = findByEmail(ctx, String(flags['email']));
      let inv;
      try {
        inv = reinviteUser(ctx.db(), user.id, { id: null, ip: 'cli' }, ctx.config.publicOrigin);
      } catch (err) {
        asInputError(err);
      }
      ctx.stdout.write(`Parooli seadmise link (ühekordne, kehtib kuni ${expiresText(inv)}):\n${invitationLink(ctx.config.publicOrigin, inv.token)}\n`);
      ctx.stdout.write(`Sama link on saadetud kirjaga aadressile ${user.email} (väljasaatmise järjekorras).\n`);
    },
  },
  {
    noun: 'users',
    verb: 'set-head',
    summary: 'Märgib vaataja või spetsialisti tema omavalitsus(t)e juhiks, kes kinnitab aruandeperioodi esituse (--off võtab märke maha)',
    flags: {
      email: { type: 'string', description: 'e-posti aadress', required: true },
      off: { type: 'boolean', description: 'võta juhi märge maha' },
    },
    run(flags, ctx) {
      const user = findByEmail(ctx, String(flags['email']));
      const head = !flags['off'];
      try {
        setHead(ctx.db(), user.id, head, { id: null, ip: 'cli' });
      } catch (err) {
        asInputError(err);
      }
      ctx.stdout.write(head ? `${user.email} on nüüd omavalitsuse juht (kinnitab aruandeperioodi esituse).\n` : `${user.email} ei ole enam omavalitsuse juht.\n`);
    },
  },
];
