import type { Db } from '../../api/db/database.ts';
import type { AppConfig } from '../../api/config.ts';

export type FlagSpec =
  | { type: 'string'; description: string; required?: boolean; multiple?: false }
  | { type: 'string'; description: string; required?: boolean; multiple: true }
  | { type: 'boolean'; description: string };

export type Flags = Record<string, string | string[] | boolean | undefined>;

export interface CommandContext {
  /** Opens the configured database (migrated). Commands that need no database never call it. */
  db(): Db;
  config: AppConfig;
  /** Positional arguments after `<noun> <verb>`. */
  positionals: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  noun: string;
  verb: string;
  summary: string;
  /** Extra usage text shown by --help (examples, formats). */
  help?: string;
  flags: Record<string, FlagSpec>;
  /** Positional argument names for the usage line, e.g. ['<päring>']. */
  positionals?: string[];
  run(flags: Flags, ctx: CommandContext): Promise<number | void> | number | void;
}

/** A usage mistake: printed with a hint to --help, exit code 2. */
export class UsageError extends Error {}

/** Bad input data (malformed file, invalid value): printed as is, exit code 2, nothing changed. */
export class InputError extends Error {}
