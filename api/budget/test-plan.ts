// Test helper: the shipped 2023–2024 plan as a fresh object (tests mutate copies).
import { readFileSync } from 'node:fs';
import { ROOT_DIR } from '../config.ts';

export const SEED_PLAN_FILE = `${ROOT_DIR}data/budget/elvl-plan-2023-2024.json`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const seedPlan = (): any => JSON.parse(readFileSync(SEED_PLAN_FILE, 'utf8'));

/**
 * A small plan whose figures are worked out by hand in the tests (rates: 20 % until 2023, 22 % in 2024):
 * SF (VAT in the grant): TEENUS 2023/55 1 000 (+200 VAT), 2024/55 2 000 (+440), 2024/50 500 (no VAT);
 * BASE (VAT from the state budget): BAAS 2024/55 300,33 (+66,07: 66,0726 rounded to the cent).
 */
export const smallPlan = () => ({
  name: 'Väike plaan',
  fundingSources: [
    { code: 'SF', name: 'SF 2021–2027', vatTreatment: 'grant_includes_vat' },
    { code: 'BASE', name: 'Baaseelarve', vatTreatment: 'vat_from_state_budget' },
  ],
  initiatives: [
    { code: 'TEENUS', name: 'Teenuste kaardistus', fundingSource: 'SF', lines: [{ period: '2023', account: '55', net: 1000 }, { period: '2024', account: '55', net: 2000 }, { period: '2024', account: '50', net: 500 }] },
    { code: 'BAAS', name: 'Baasrahastus', fundingSource: 'BASE', lines: [{ period: '2024', account: '55', net: 300.33 }] },
  ],
});
