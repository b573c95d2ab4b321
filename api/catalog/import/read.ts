import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CatalogInputError } from './bundle.ts';
import { YamlError, parseYaml, type YamlValue } from './yaml.ts';

/** Reads a file as text; a missing or unreadable file is an input error naming it. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
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

export function parseYamlText(text: string, label: string): YamlValue {
  try {
    return parseYaml(text);
  } catch (err) {
    if (err instanceof YamlError) throw new CatalogInputError(`${label}: ${err.message}`);
    throw err;
  }
}

export const readJsonFile = (path: string) => parseJsonText(readText(path), basename(path));
export const readYamlFile = (path: string) => parseYamlText(readText(path), basename(path));
