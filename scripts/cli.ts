// One entry for every command-line task: `npm run cli -- <noun> <verb> [--flags]`.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../api/config.ts';
import { openDatabase, type Db } from '../api/db/database.ts';
import { SchemaTooNewError } from '../api/db/migrate.ts';
import { COMMANDS } from './commands/index.ts';
import { InputError, UsageError, type Command, type Flags } from './lib/command.ts';

function usageLine(cmd: Command): string {
  const flags = Object.entries(cmd.flags)
    .map(([name, f]) => {
      const req = 'required' in f && f.required;
      const text = f.type === 'boolean' ? `--${name}` : `--${name} <${name}>${f.type === 'string' && f.multiple ? '…' : ''}`;
      return req ? text : `[${text}]`;
    })
    .join(' ');
  const name = cmd.verb ? `${cmd.noun} ${cmd.verb}` : cmd.noun;
  return `npm run cli -- ${name}${cmd.positionals ? ' ' + cmd.positionals.join(' ') : ''} ${flags}`.trimEnd();
}

function commandHelp(cmd: Command): string {
  const lines = [cmd.summary, '', 'Kasutus:', '  ' + usageLine(cmd), ''];
  const entries = Object.entries(cmd.flags);
  if (entries.length) {
    lines.push('Valikud:');
    for (const [name, f] of entries) lines.push(`  --${name.padEnd(18)} ${f.description}`);
    lines.push('');
  }
  if (cmd.help) lines.push(cmd.help.trim(), '');
  return lines.join('\n');
}

function overview(): string {
  const lines = ['Turvarada käsurida', '', 'Kasutus: npm run cli -- <nimisõna> <tegusõna> [--valikud]', '', 'Käsud:'];
  for (const c of COMMANDS) lines.push(`  ${(c.noun + ' ' + c.verb).trim().padEnd(22)} ${c.summary}`);
  lines.push('', 'Iga käsu abi: npm run cli -- <nimisõna> <tegusõna> --help');
  return lines.join('\n') + '\n';
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [noun, maybeVerb, ...afterVerb] = argv;
  if (!noun || noun === '--help' || noun === '-h' || noun === 'help') {
    io.stdout.write(overview());
    return noun ? 0 : 2;
  }
  // A noun-only command (verb '') takes everything after the noun: `search "<päring>"`.
  const nounOnly = COMMANDS.find((c) => c.noun === noun && c.verb === '');
  const cmd = nounOnly ?? COMMANDS.find((c) => c.noun === noun && c.verb === maybeVerb);
  const verb = nounOnly ? '' : maybeVerb;
  const rest = nounOnly ? argv.slice(1) : afterVerb;
  if (!cmd) {
    const known = COMMANDS.filter((c) => c.noun === noun).map((c) => c.verb);
    io.stderr.write(
      known.length
        ? `Tundmatu käsk "${noun} ${verb ?? ''}". "${noun}" tegusõnad: ${known.join(', ')}.\n`
        : `Tundmatu käsk "${noun}". Vaata: npm run cli -- --help\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(cmd));
    return 0;
  }
  let parsed: { values: Flags; positionals: string[] };
  try {
    const options = Object.fromEntries(
      Object.entries(cmd.flags).map(([name, f]) => [name, { type: f.type, multiple: f.type === 'string' && f.multiple === true }]),
    );
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: (cmd.positionals?.length ?? 0) > 0 }) as typeof parsed;
    for (const [name, f] of Object.entries(cmd.flags)) {
      if ('required' in f && f.required && parsed.values[name] === undefined) throw new UsageError(`puudub kohustuslik valik --${name}`);
    }
  } catch (err) {
    io.stderr.write(`Vigane käsurida: ${(err as Error).message.split('\n')[0]}\nKasutus: ${usageLine(cmd)}\n`);
    return 2;
  }
  let db: Db | undefined;
  try {
    const config = loadConfig();
    const code = await cmd.run(parsed.values, {
      config,
      positionals: parsed.positionals,
      db: () => (db ??= openDatabase(config.databasePath)),
      stdout: io.stdout,
      stderr: io.stderr,
    });
    return code ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`Vigane käsurida: ${err.message}\nKasutus: ${usageLine(cmd)}\n`);
      return 2;
    }
    if (err instanceof InputError || err instanceof ConfigError || err instanceof SchemaTooNewError) {
      io.stderr.write(`Viga: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    db?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/cli.ts')) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
