import type { Db } from '../../api/db/database.ts';
import { DEMO_SEEDED_AT, metaValue, setMetaValue } from '../../api/meta/store.ts';
import { seedKovs } from './kov.ts';
import { seedDemoAccounts } from './accounts.ts';
import { describeCatalogSeed, seedCatalogIndex } from '../../api/catalog/seed.ts';
import { seedBudgetDemo } from './budget-demo.ts';
import { seedTemplatesDemo } from './templates-demo.ts';
import { seedTrackerDemo } from './tracker-demo.ts';
import { seedObjectsDemo } from './objects-demo.ts';
import { seedSolutionsDemo } from './solutions-demo.ts';

export type Log = (line: string) => void;

/**
 * Reference data every installation needs (municipalities, catalogue index). Idempotent.
 * Domains add their reference seeders here, in dependency order.
 */
const REFERENCE_SEEDERS: Array<{ name: string; run: (db: Db, log: Log) => void }> = [
  { name: 'kov', run: (db, log) => log(`Omavalitsusi: ${seedKovs(db)}`) },
  { name: 'catalog', run: (db, log) => log(describeCatalogSeed(seedCatalogIndex(db))) },
];

/**
 * Demo data that makes every view meaningful on first start. Runs only on an empty database
 * (no users yet). Domains add their demo seeders here, in dependency order.
 */
const DEMO_SEEDERS: Array<{ name: string; run: (db: Db, log: Log) => void | Promise<void> }> = [
  { name: 'accounts', run: seedDemoAccounts },
  { name: 'tracker', run: (db, log) => seedTrackerDemo(db, log) },
  { name: 'objects', run: seedObjectsDemo },
  { name: 'solutions', run: seedSolutionsDemo },
  { name: 'budget', run: seedBudgetDemo },
  { name: 'templates', run: (db, log) => seedTemplatesDemo(db, log) },
];

export function seedReference(db: Db, log: Log = () => {}): void {
  for (const s of REFERENCE_SEEDERS) s.run(db, log);
}

export function isDemoSeeded(db: Db): boolean {
  return metaValue(db, DEMO_SEEDED_AT) !== undefined;
}

export { hasUsers } from '../../api/users/store.ts';

export async function seedDemo(db: Db, log: Log = () => {}): Promise<void> {
  seedReference(db, log);
  for (const s of DEMO_SEEDERS) await s.run(db, log);
  setMetaValue(db, DEMO_SEEDED_AT, new Date().toISOString());
}
