import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '../../api/config.ts';

/**
 * The official E-ITS files (RIA's export, the 2023 document, the profile table, the threats).
 * They are not shipped with the product (RIA's prose), so tests that need them read them from
 * EITS_DATA_DIR, by default ../shared/eits beside the checkout as CI lays it out.
 */
export const EITS_DATA_DIR = resolve(ROOT_DIR, process.env.EITS_DATA_DIR ?? '../shared/eits');
export const hasEitsData = existsSync(resolve(EITS_DATA_DIR, '2024_eits_l3_250107.json'));
export const eitsFile = (name: string) => resolve(EITS_DATA_DIR, name);

let told = false;
/** True when the files are missing; says so once per test file, with where to get them. */
export function skipWithoutEitsData(): boolean {
  if (!hasEitsData && !told) {
    told = true;
    console.warn(`E-ITS files not found in ${EITS_DATA_DIR}: skipping tests that need them (set EITS_DATA_DIR to the folder with RIA's E-ITS export, e.g. ../shared/eits).`);
  }
  return !hasEitsData;
}
