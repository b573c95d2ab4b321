import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { CatalogInputError } from './bundle.ts';

/**
 * Largest catalogue file the importer reads: the API's request body limit (MAX_BODY_BYTES in
 * api/app.ts). The official files are 0.05–2.3 MB; anything larger is refused before parsing.
 */
export const MAX_CATALOG_FILE_BYTES = 12 * 1024 * 1024;

/**
 * How often YAML aliases may be expanded (the `yaml` package's alias-bomb guard): CISO Assistant
 * libraries use none, so a small bound refuses a "billion laughs" file in milliseconds.
 */
const MAX_YAML_ALIASES = 100;

const tooLarge = (label: string, bytes: number) =>
  new CatalogInputError(`${label}: fail on liiga suur (${(bytes / 1024 / 1024).toFixed(1)} MB, lubatud kuni ${MAX_CATALOG_FILE_BYTES / 1024 / 1024} MB)`);

/** Reads a file as text; a missing, unreadable or oversized file is an input error naming it. */
export function readText(path: string): string {
  try {
    const { size } = statSync(path);
    if (size > MAX_CATALOG_FILE_BYTES) throw tooLarge(basename(path), size);
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof CatalogInputError) throw err;
    throw new CatalogInputError(`${basename(path)}: faili ei saa lugeda (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new CatalogInputError(`${label}: vigane JSON: ${(err as Error).message}`);
  }
}

/** The `yaml` package's error codes, said in the importer's language. */
const YAML_PROBLEMS: Record<string, string> = {
  BAD_DQ_ESCAPE: 'tundmatu või vigane paojada',
  BAD_INDENT: 'vigane taane',
  BLOCK_AS_IMPLICIT_KEY: 'vigane taane',
  DUPLICATE_KEY: 'võti kordub',
  MISSING_CHAR: 'puudub vajalik märk (lõpetav jutumärk, sulg või „-“)',
  MULTILINE_IMPLICIT_KEY: 'võti peab olema ühel real',
  MULTIPLE_DOCS: 'failis on mitu YAML-dokumenti',
  TAB_AS_INDENT: 'tabulaator taandes',
  TAG_RESOLVE_FAILED: 'toetamata silt (tag); lubatud on YAML 1.2 põhiskeem',
};

/**
 * Parses one YAML 1.2 document with the core schema (no custom or YAML 1.1 tags, no merge keys,
 * unique keys). Any error or warning, an alias bomb or a file over the size limit throws
 * CatalogInputError naming the file and, where the parser knows it, the line and column.
 */
export function parseYamlText(text: string, label: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CATALOG_FILE_BYTES) throw tooLarge(label, bytes);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', resolveKnownTags: false, merge: false, uniqueKeys: true, prettyErrors: false, lineCounter });
  const problem: YAMLError | undefined = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    throw new CatalogInputError(`${label}: YAML rida ${line}, veerg ${col}: ${YAML_PROBLEMS[problem.code] ?? 'vigane süntaks'} (${problem.message})`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // Aliases resolve here: an unknown anchor, or more expansions than the bound allows.
    if (err instanceof ReferenceError) throw new CatalogInputError(`${label}: YAML-i viited (alias) ei sobi: ${err.message}`);
    throw err;
  }
}

export const readJsonFile = (path: string) => parseJsonText(readText(path), basename(path));
export const readYamlFile = (path: string) => parseYamlText(readText(path), basename(path));
