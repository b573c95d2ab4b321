import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sortKey } from '../../api/catalog/ids.ts';
import { CatalogIndexSchema, type CatalogIndex } from '../../api/catalog/index-file.ts';
import { CatalogInputError } from '../../api/catalog/import/bundle.ts';
import { parseCisoLibrary } from '../../api/catalog/import/ciso-yaml.ts';
import { parseEits2023 } from '../../api/catalog/import/eits2023.ts';
import { parseProfileRows } from '../../api/catalog/import/profile-file.ts';
import { parseRiaFlat } from '../../api/catalog/import/ria-flat.ts';
import { readThreatsFile } from '../../api/catalog/import/threats.ts';
import { readYamlFile } from '../../api/catalog/import/read.ts';

export interface IndexSources {
  /** RIA flat measure list of the edition (ids, classes, roles, lifecycle, CIA, links). */
  measures: string;
  /** CISO Assistant library of the same edition (group tree, module titles). */
  library: string;
  /** Per-measure profile table (threat codes, priority columns). */
  profiles: string;
  /** 2023 module/measure document: threat codes for measures the profile table lacks. Optional. */
  modules2023?: string;
  /** The elementary threats (risks.json): codes and titles are shipped, descriptions are not. Optional. */
  risks?: string;
  /** profile name in the index → column in the profile table */
  profileColumns: Record<string, string>;
}

const readText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CatalogInputError(`${basename(path)}: faili ei saa lugeda (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
};
const readJson = (path: string): unknown => {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogInputError(`${basename(path)}: vigane JSON: ${(err as Error).message}`);
  }
};

/**
 * Builds the shipped catalogue index: facts only, no RIA prose. Threat codes come from the
 * profile table (2023 measure set), then the 2023 document; measures new in the edition get [].
 */
export function buildIndex(src: IndexSources, now = new Date()): { index: CatalogIndex; report: string[] } {
  const flat = parseRiaFlat(readJson(src.measures) as unknown[], basename(src.measures));
  const lib = parseCisoLibrary(readYamlFile(src.library), basename(src.library));
  const rows = parseProfileRows(readJson(src.profiles), basename(src.profiles));
  const sources = [basename(src.measures), basename(src.library), basename(src.profiles)];
  const threatsFromProfile = new Map(rows.map((r) => [r.measure, r.threats]));
  const threats2023 = new Map<string, string[]>();
  if (src.modules2023) {
    for (const m of parseEits2023(readJson(src.modules2023) as unknown[], basename(src.modules2023)).measures) threats2023.set(m.id, m.threats ?? []);
  }
  const edition = lib.edition ?? '2024';
  const moduleTitles = new Map(lib.modules.map((m) => [m.id, m]));
  const report: string[] = [];
  const missingTitles = [...new Set(flat.measures.map((m) => m.moduleId))].filter((id) => !moduleTitles.has(id));
  if (missingTitles.length) throw new CatalogInputError(`${basename(src.library)}: moodulite pealkirjad puuduvad: ${missingTitles.join(', ')}`);

  let fromProfile = 0;
  let from2023 = 0;
  const without: string[] = [];
  const measures = [...flat.measures]
    .sort((a, b) => (sortKey(a.id) < sortKey(b.id) ? -1 : 1))
    .map((m) => {
      let threats = threatsFromProfile.get(m.id);
      if (threats) fromProfile++;
      else if ((threats = threats2023.get(m.id))) from2023++;
      else without.push(m.id);
      if (!m.link) throw new CatalogInputError(`${basename(src.measures)}: meetmel ${m.id} puudub link`);
      return {
        id: m.id, module: m.moduleId, title: m.title, class: m.class, responsible: m.responsible ?? '', coResponsible: m.coResponsible ?? [],
        lifecycle: m.lifecycle ?? '', cia: (m.cia ?? '') as CatalogIndex['measures'][number]['cia'], threats: threats ?? [], link: m.link,
      };
    });
  if (from2023 && src.modules2023) sources.push(basename(src.modules2023));
  if (src.risks) sources.push(basename(src.risks));
  report.push(`ohud: profiilitabelist ${fromProfile}, 2023 dokumendist ${from2023}, ohtudeta (uued meetmed) ${without.length}`);

  const ids = new Set(measures.map((m) => m.id));
  const profiles: CatalogIndex['profiles'] = {};
  const unclassified: CatalogIndex['unclassified'] = {};
  const classInTable = new Map(rows.map((r) => [r.measure, r.class]));
  for (const [name, column] of Object.entries(src.profileColumns)) {
    const map: Record<string, 'P1' | 'P2' | 'P3'> = {};
    let skipped = 0;
    for (const r of rows) {
      const p = r.columns[column];
      if (!p) continue;
      if (ids.has(r.measure)) map[r.measure] = p as 'P1' | 'P2' | 'P3';
      else skipped++;
    }
    profiles[name] = Object.fromEntries(Object.entries(map).sort(([a], [b]) => (sortKey(a) < sortKey(b) ? -1 : 1)));
    unclassified[name] = unclassifiedOf(measures, map, classInTable);
    report.push(`profiil ${name} (veerg ${column}): ${Object.keys(map).length} meedet, väljaandes puudub ${skipped}, klassifitseerimata ${unclassified[name].length}`);
  }

  const index = CatalogIndexSchema.parse({
    edition,
    generatedAt: now.toISOString(),
    sources,
    groups: [...lib.groups].sort((a, b) => (sortKey(a.id) < sortKey(b.id) ? -1 : 1)).map((g) => ({ id: g.id, title: g.title, kind: g.kind, parent: g.parentId })),
    modules: [...lib.modules]
      .filter((m) => flat.measures.some((x) => x.moduleId === m.id))
      .sort((a, b) => (sortKey(a.id) < sortKey(b.id) ? -1 : 1))
      .map((m) => ({ id: m.id, title: m.title!, group: m.groupId, subgroup: m.subgroupId ?? null })),
    measures,
    profiles,
    unclassified,
    threats: src.risks ? readThreatsFile(src.risks).map((t) => ({ code: t.code, title: t.title })).sort((a, b) => (sortKey(a.code) < sortKey(b.code) ? -1 : 1)) : [],
  });
  return { index, report };
}

/**
 * Measures of the profile's modules that the profile cannot have classified: new in the edition (not
 * in the profile table's measure set) or of another class there, and not listed by the profile. A
 * measure the table knows in the same class and the profile leaves out was left out on purpose.
 */
export function unclassifiedOf(
  measures: ReadonlyArray<{ id: string; module: string; class: string }>,
  profile: Readonly<Record<string, string>>,
  classInTable: ReadonlyMap<string, string | null>,
): string[] {
  const modules = new Set(measures.filter((m) => profile[m.id]).map((m) => m.module));
  return measures
    .filter((m) => modules.has(m.module) && !profile[m.id])
    .filter((m) => !classInTable.has(m.id) || (classInTable.get(m.id) !== null && classInTable.get(m.id) !== m.class))
    .map((m) => m.id);
}
