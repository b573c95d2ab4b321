// Demo budget: ELVL's 2023–2024 action plan (the user's own document, shipped in data/budget) and a
// few illustrative actual costs of SF initiatives, so plan vs actual and the declaration have rows.
import { readFileSync } from 'node:fs';
import { analysePlan } from '../../api/budget/analyse.ts';
import { insertActuals, setBusinessPanel, type ActualInput } from '../../api/budget/actuals.ts';
import { insertPlan, loadPlan } from '../../api/budget/store.ts';
import { ROOT_DIR } from '../../api/config.ts';
import type { Db } from '../../api/db/database.ts';

export const DEMO_PLAN_FILE = `${ROOT_DIR}data/budget/elvl-plan-2023-2024.json`;

const DEMO_PANELS: Record<string, string> = { TEENUSED: '2023-08-29', KUBER: '2023-09-12' };

const DEMO_ACTUALS: ActualInput[] = [
  { initiative: 'TEENUSED', date: '2023-09-30', account: '50', net: 2173.67, vat: 0, supplier: 'ELVL palgaarvestus', documentNumber: 'PALK-2023-09-TEEN', description: 'Projektijuhi töötasu ja maksud, september 2023 (näidis)' },
  { initiative: 'KUBER', date: '2023-10-31', account: '50', net: 2374.33, vat: 0, supplier: 'ELVL palgaarvestus', documentNumber: 'PALK-2023-10-KUB', description: 'Infoturbe spetsialisti töötasu ja maksud, oktoober 2023 (näidis)' },
  { initiative: 'KUBER', date: '2023-11-30', account: '50', net: 2374.33, vat: 0, supplier: 'ELVL palgaarvestus', documentNumber: 'PALK-2023-11-KUB', description: 'Infoturbe spetsialisti töötasu ja maksud, november 2023 (näidis)' },
  { initiative: 'VOLIS', date: '2023-12-15', account: '50', net: 1155, vat: 0, supplier: 'ELVL palgaarvestus', documentNumber: 'PALK-2023-12-VOL', description: 'VOLIS2 analüüsi ülevaatuse töötasu (näidis)' },
  { initiative: 'KUBER', date: '2024-03-20', account: '55', net: 4800, vat: 1056, supplier: 'Näidis Analüüs OÜ', documentNumber: 'ARVE-2024-031', description: 'E-ITS rakendamise tööriistade analüüs, I etapp (näidis)' },
  { initiative: 'KOGUKOND', date: '2024-10-10', account: '55', net: 3200, vat: 704, supplier: 'Näidis Seminarikeskus OÜ', documentNumber: 'ARVE-2024-1010', description: 'KOV IT võrgustiku sügisseminari ruumirent ja toitlustus (näidis)' },
];

export function seedBudgetDemo(db: Db, log: (line: string) => void): void {
  const analysed = analysePlan(JSON.parse(readFileSync(DEMO_PLAN_FILE, 'utf8')));
  const { id } = insertPlan(db, analysed, null);
  const plan = loadPlan(db, id);
  for (const [code, date] of Object.entries(DEMO_PANELS)) setBusinessPanel(db, plan, code, date, null);
  insertActuals(db, plan, DEMO_ACTUALS, null);
  log(`Eelarve: plaan ${id} (${analysed.inconsistencies.length} vastuolu), ${DEMO_ACTUALS.length} näidiskulu`);
}
