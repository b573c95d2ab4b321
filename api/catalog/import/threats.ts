import { basename } from 'node:path';
import { z } from 'zod';
import { recordAudit } from '../../audit/record.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { THREAT_ID_RE, sortKey } from '../ids.ts';
import { CatalogInputError, assertUnique, validateRecords } from './bundle.ts';
import { readJsonFile } from './read.ts';
import { emptyCounts, upsert, type Counts } from './write.ts';

/** risks.json (marcosepp/eits-python-api): the elementary threats with HTML descriptions. */
const ThreatSchema = z.object({
  code: z.string().regex(THREAT_ID_RE, 'ohu tähis peab olema kujul "G 0.n"'),
  title: z.string().trim().min(1, 'pealkiri puudub'),
  description: z.string().nullable().optional(),
});

export interface ThreatSummary extends Counts {
  file: string;
}

/** The threats of a risks.json file, validated (codes unique). */
export function readThreatsFile(filePath: string): Array<z.infer<typeof ThreatSchema>> {
  const file = basename(filePath);
  const data = readJsonFile(filePath);
  if (!Array.isArray(data)) throw new CatalogInputError(`${file}: ootasin ohtude massiivi [{code, title, description}]`);
  const threats = validateRecords(ThreatSchema, data, file, 'code');
  assertUnique(threats.map((t) => t.code), file);
  return threats;
}

/** Imports the elementary threats (all editions share them); idempotent, one transaction. */
export function importThreats(db: Db, filePath: string, options: { actorId?: number | null } = {}): ThreatSummary {
  const file = basename(filePath);
  const threats = readThreatsFile(filePath);
  return inTransaction(db, () => {
    const counts = emptyCounts();
    for (const t of threats) {
      const description = t.description?.trim() ? t.description.trim() : undefined;
      upsert(db, 'catalog_threat', ['id'], { id: t.code, title: t.title, description, sort_key: sortKey(t.code) }, { description: null }, counts);
    }
    if (counts.inserted + counts.updated > 0) {
      recordAudit(db, { actorId: options.actorId ?? null, action: 'catalog.threats.import', entity: 'catalog_threat', newValue: { file, ...counts } });
    }
    return { file, ...counts };
  });
}

/**
 * The shipped threats (codes and titles) into a database that lacks them; an operator's import, with
 * its descriptions, is never overwritten. Runs inside the caller's transaction.
 */
export function seedThreats(db: Db, threats: ReadonlyArray<{ code: string; title: string }>): number {
  const counts = emptyCounts();
  for (const t of threats) upsert(db, 'catalog_threat', ['id'], { id: t.code, title: t.title, sort_key: sortKey(t.code) }, { description: null }, counts, ['title']);
  return counts.inserted;
}
