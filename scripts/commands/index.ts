import type { Command } from '../lib/command.ts';
import { dbCommands } from './db.ts';

/** Every CLI command. One line per domain. */
export const COMMANDS: Command[] = [...dbCommands];
