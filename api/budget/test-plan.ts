// Test helper: the shipped 2023–2024 plan as a fresh object (tests mutate copies).
import { readFileSync } from 'node:fs';
import { ROOT_DIR } from '../config.ts';

export const SEED_PLAN_FILE = `${ROOT_DIR}data/budget/elvl-plan-2023-2024.json`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const seedPlan = (): any => JSON.parse(readFileSync(SEED_PLAN_FILE, 'utf8'));
