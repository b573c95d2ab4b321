import type { Command } from '../lib/command.ts';
import { budgetCommands } from './budget.ts';
import { dbCommands } from './db.ts';
import { catalogCommands } from './catalog.ts';
import { catalogMigrateCommand } from './catalog-migrate.ts';
import { notificationCommands } from './notifications.ts';
import { searchCommands } from './search.ts';
import { usersCommands } from './users.ts';

/** Every CLI command. One line per domain. */
export const COMMANDS: Command[] = [...dbCommands, ...catalogCommands, catalogMigrateCommand, ...searchCommands, ...usersCommands, ...budgetCommands, ...notificationCommands];
