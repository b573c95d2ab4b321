import { readFileSync } from 'node:fs';
import { ROOT_DIR } from '../../api/config.ts';
import type { Db } from '../../api/db/database.ts';
import type { Kov } from '../../api/contracts/kov.ts';
import { upsertKovs } from '../../api/kov/store.ts';

export const KOV_CSV = `${ROOT_DIR}data/kov.csv`;

/** Parses data/kov.csv (ehak_code,name,type,county); throws naming the line on bad rows. */
export function parseKovCsv(text: string): Kov[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== 'ehak_code,name,type,county') throw new Error(`kov.csv: unexpected header "${header}"`);
  return lines.map((line, i) => {
    const [ehak, name, type, county, extra] = line.split(',');
    if (!ehak || !/^\d{4}$/.test(ehak) || !name || (type !== 'linn' && type !== 'vald') || !county || extra !== undefined) {
      throw new Error(`kov.csv line ${i + 2}: expected 4-digit EHAK, name, linn|vald, county: "${line}"`);
    }
    return { ehak, name, type, county };
  });
}

/** Loads the 79 municipalities; idempotent (updates names if the reference data changed). */
export function seedKovs(db: Db): number {
  const kovs = parseKovCsv(readFileSync(KOV_CSV, 'utf8'));
  upsertKovs(db, kovs);
  return kovs.length;
}
