/**
 * Build-time access to the shipped E-ITS catalogue index (data/catalog/eits-2024-index.json, generated
 * by the catalogue domain from the public RIA data: ids, titles, classes, roles, KOV priorities, links —
 * never RIA's prose). Used by the content schemas (id validation), the E-ITS pages and the search index.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MeasureClass, Priority } from '../../api/contracts/labels.ts';

// Class labels as the standard names them: the tracker's one vocabulary.
export { CLASS_LABELS } from '../../api/contracts/labels.ts';
export type { MeasureClass, Priority };

export interface CatalogGroup { id: string; title: string; kind: string; parent: string | null }
export interface CatalogModule { id: string; title: string; group: string; subgroup: string | null }
export interface CatalogMeasure {
  id: string;
  module: string;
  title: string;
  class: MeasureClass;
  responsible: string;
  coResponsible: string[] | string;
  lifecycle: string;
  cia: string | string[];
  threats: string[];
  link: string;
}
export interface CatalogIndex {
  edition: string;
  generatedAt: string;
  groups: CatalogGroup[];
  modules: CatalogModule[];
  measures: CatalogMeasure[];
  profiles: Record<string, Record<string, Priority>>;
}

/** Where the index lives; TURVARADA_CATALOG_INDEX overrides it (tests, alternative editions). */
export function catalogIndexPath(): string {
  return resolve(process.env['TURVARADA_CATALOG_INDEX'] || resolve(process.cwd(), 'data/catalog/eits-2024-index.json'));
}

let cached: { path: string; index: CatalogIndex } | null = null;

/** Reads and caches the catalogue index. Throws a clear message when the file is missing or malformed. */
export function loadCatalogIndex(path = catalogIndexPath()): CatalogIndex {
  if (cached && cached.path === path) return cached.index;
  if (!existsSync(path)) {
    throw new Error(`E-ITS kataloogi indeks puudub: ${path}. Genereeri see kataloogi skriptiga (data/catalog/).`);
  }
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<CatalogIndex>;
  if (!Array.isArray(raw.modules) || !Array.isArray(raw.measures) || !Array.isArray(raw.groups)) {
    throw new Error(`E-ITS kataloogi indeks ${path} on vigane: groups, modules ja measures peavad olema massiivid.`);
  }
  const index: CatalogIndex = {
    edition: String(raw.edition ?? ''),
    generatedAt: String(raw.generatedAt ?? ''),
    groups: raw.groups,
    modules: raw.modules,
    measures: raw.measures,
    profiles: raw.profiles ?? {},
  };
  cached = { path, index };
  return index;
}

/** Fast lookups built once from the index. */
export interface CatalogLookup {
  index: CatalogIndex;
  modules: Map<string, CatalogModule>;
  measures: Map<string, CatalogMeasure>;
  measuresByModule: Map<string, CatalogMeasure[]>;
  /** KOV profile priority per measure id (absent = not in the KOV profile). */
  kov: Record<string, Priority>;
}

let lookupCache: { index: CatalogIndex; lookup: CatalogLookup } | null = null;

export function catalogLookup(index = loadCatalogIndex()): CatalogLookup {
  if (lookupCache && lookupCache.index === index) return lookupCache.lookup;
  const measuresByModule = new Map<string, CatalogMeasure[]>();
  for (const m of index.measures) {
    const list = measuresByModule.get(m.module) ?? [];
    list.push(m);
    measuresByModule.set(m.module, list);
  }
  const lookup: CatalogLookup = {
    index,
    modules: new Map(index.modules.map((m) => [m.id, m])),
    measures: new Map(index.measures.map((m) => [m.id, m])),
    measuresByModule,
    kov: index.profiles['KOV'] ?? {},
  };
  lookupCache = { index, lookup };
  return lookup;
}

/** Module page URL; measures are anchors on it. */
export function moduleUrl(moduleId: string): string {
  return `/e-its/${moduleId}/`;
}

export function measureUrl(measure: { id: string; module: string }): string {
  return `${moduleUrl(measure.module)}#${measure.id}`;
}
