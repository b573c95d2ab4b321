import { basename } from 'node:path';
import { recordAudit } from '../../audit/record.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { measureIdsOf } from '../store.ts';
import { CatalogInputError, type Bundle } from './bundle.ts';
import { looksLikeCisoLibrary, parseCisoLibrary } from './ciso-yaml.ts';
import { looksLikeEits2023, parseEits2023 } from './eits2023.ts';
import { parseJsonText, parseYamlText, readText } from './read.ts';
import { looksLikeRiaFlat, parseRiaFlat } from './ria-flat.ts';
import { ensureEdition, writeBundle, type WriteResult } from './write.ts';

export { CatalogInputError } from './bundle.ts';
export { importThreats } from './threats.ts';
export { importProfile } from './profile.ts';

export interface ImportOptions {
  /** Edition to import into; required when the file does not declare one. */
  edition?: string;
  onProgress?: (done: number, total: number) => void;
  /** Who triggered the import (audit log); null for the CLI. */
  actorId?: number | null;
}

export interface ImportSummary extends WriteResult {
  edition: string;
  format: Bundle['format'];
  file: string;
  /** Measures of the edition in the database that this file does not list. */
  notInFile: number;
  withDescription: number;
}

const FORMAT_NAMES: Record<Bundle['format'], string> = {
  'ria-flat': 'RIA meetmete loend',
  'ciso-yaml': 'CISO Assistanti teek',
  'eits-2023': '2023 moodulite ja meetmete dokument',
  index: 'kataloogi indeks',
};
export const formatName = (f: Bundle['format']) => FORMAT_NAMES[f];

/** Detects the format from the content (not the extension) and parses it. */
export function parseCatalogText(text: string, label: string): Bundle {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const data = parseJsonText(trimmed, label);
    if (looksLikeRiaFlat(data)) return parseRiaFlat(data as unknown[], label);
    if (looksLikeEits2023(data)) return parseEits2023(data as unknown[], label);
    throw new CatalogInputError(`${label}: tundmatu vorming (ootasin RIA meetmete loendit [{mid, pid, …}] või 2023 dokumenti [{code, measures, …}])`);
  }
  const yaml = parseYamlText(text, label); // untrimmed, so error line numbers match the file
  if (looksLikeCisoLibrary(yaml)) return parseCisoLibrary(yaml, label);
  throw new CatalogInputError(`${label}: tundmatu vorming (YAML, kuid mitte CISO Assistanti raamistiku teek)`);
}

/** The edition RIA's links point to ('/et/versioon/2024/…'), when they agree. */
function editionFromLinks(bundle: Bundle): string | undefined {
  const found = new Set(bundle.measures.map((m) => /\/versioon\/(\d{4})\//.exec(m.link ?? '')?.[1]).filter((e): e is string => !!e));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Imports one catalogue file (format detected) into an edition, all in one transaction.
 * Idempotent: a re-run changes nothing. Bad input throws CatalogInputError and changes nothing.
 */
export function importCatalogFile(db: Db, filePath: string, options: ImportOptions = {}): ImportSummary {
  const file = basename(filePath);
  const bundle = parseCatalogText(readText(filePath), file);
  const edition = options.edition ?? bundle.edition ?? editionFromLinks(bundle);
  if (!edition) throw new CatalogInputError(`${file}: väljaannet ei saa failist tuvastada; anna see ette (--edition 2023)`);
  if (!/^\d{4}$/.test(edition)) throw new CatalogInputError(`väljaanne peab olema aastaarv (nt 2024), saadi "${edition}"`);
  try {
    return writeImport(db, file, edition, bundle, options);
  } catch (err) {
    // The parsers validate first; a constraint hit here is still bad input, not a crash.
    if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new CatalogInputError(`${file}: andmed ei sobi kataloogi (${(err as Error).message})`);
    throw err;
  }
}

function writeImport(db: Db, file: string, edition: string, bundle: Bundle, options: ImportOptions): ImportSummary {
  return inTransaction(db, () => {
    const editionChanged = ensureEdition(db, edition, file);
    const result = writeBundle(db, edition, bundle, options.onProgress);
    const inFile = new Set(bundle.measures.map((m) => m.id));
    const stored = measureIdsOf(db, edition);
    const changed = editionChanged || [result.groups, result.modules, result.measures].some((c) => c.inserted + c.updated > 0);
    const summary: ImportSummary = {
      edition,
      format: bundle.format,
      file,
      ...result,
      notInFile: stored.filter((id) => !inFile.has(id)).length,
      withDescription: bundle.measures.filter((m) => m.description).length,
    };
    if (changed) {
      recordAudit(db, {
        actorId: options.actorId ?? null,
        action: 'catalog.import',
        entity: 'catalog_edition',
        entityId: edition,
        newValue: { file, format: bundle.format, groups: result.groups, modules: result.modules, measures: result.measures },
      });
    }
    return summary;
  });
}
