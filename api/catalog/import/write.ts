import type { Db } from '../../db/database.ts';
import { sortKey } from '../ids.ts';
import { upsertContent, type ContentTable, type ImportRow as Row } from '../store.ts';
import { editionSources, insertEdition, setEditionSources } from '../stores/editions.ts';
import type { Bundle } from './bundle.ts';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}
export const emptyCounts = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });

/**
 * Inserts the row, or updates only the columns whose new value is defined and different, and counts
 * which. `undefined` means "the source does not know": the stored value is kept. This is what makes
 * a re-import a no-op and lets complementary files be imported in any order.
 */
export function upsert(db: Db, table: ContentTable, keys: string[], row: Row, defaults: Row, counts: Counts, fillOnly: readonly string[] = []): void {
  counts[upsertContent(db, table, keys, row, defaults, fillOnly)]++;
}

const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
/** Prose: a source without it (null/undefined) never erases text imported from another file. */
const prose = (v: string | null | undefined) => (v === null ? undefined : v);

/** Makes sure the edition row exists and lists `source`; returns whether it changed. */
export function ensureEdition(db: Db, edition: string, source: string, title = `E-ITS ${edition}`): boolean {
  const sources = editionSources(db, edition);
  if (!sources) {
    insertEdition(db, edition, title, new Date().toISOString(), [source]);
    return true;
  }
  if (sources.includes(source)) return false;
  setEditionSources(db, edition, [...sources, source]);
  return true;
}

export interface WriteResult {
  groups: Counts;
  modules: Counts;
  measures: Counts;
}

/** Writes one parsed file into an edition (caller holds the transaction). */
export function writeBundle(db: Db, edition: string, bundle: Bundle, onProgress?: (done: number, total: number) => void): WriteResult {
  const result: WriteResult = { groups: emptyCounts(), modules: emptyCounts(), measures: emptyCounts() };
  const total = bundle.groups.length + bundle.modules.length + bundle.measures.length;
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && (done % 50 === 0 || done === total)) onProgress(done, total);
  };
  // RIA's own measure list is authoritative for the measure text; the CISO Assistant copy
  // (an older snapshot of the same edition) only fills a missing description.
  const fillOnly = bundle.format === 'ciso-yaml' ? ['description'] : [];
  // Parents before children: fewer id segments first.
  const groups = [...bundle.groups].sort((a, b) => a.id.split('.').length - b.id.split('.').length);
  for (const g of groups) {
    upsert(db, 'catalog_group', ['edition', 'id'], { edition, id: g.id, parent_id: g.parentId, title: g.title, kind: g.kind, sort_key: sortKey(g.id) }, {}, result.groups);
    tick();
  }
  for (const m of bundle.modules) {
    const row: Row = {
      edition, id: m.id, group_id: m.groupId, subgroup_id: m.subgroupId, title: m.title, description: prose(m.description),
      responsibility: prose(m.responsibility), limits: prose(m.limits), module_threats: m.moduleThreats ? JSON.stringify(m.moduleThreats) : undefined,
      sort_key: sortKey(m.id),
    };
    // A flat measure list knows no module titles: the id stands in until a titled source is imported.
    upsert(db, 'catalog_module', ['edition', 'id'], row, { title: m.id, subgroup_id: null }, result.modules);
    tick();
  }
  for (const x of bundle.measures) {
    const row: Row = {
      edition, id: x.id, module_id: x.moduleId, title: x.title, class: x.class, responsible: x.responsible, co_responsible: json(x.coResponsible),
      lifecycle: x.lifecycle, cia: x.cia, threats: json(x.threats), link: x.link ?? undefined, description: prose(x.description), sort_key: sortKey(x.id),
    };
    upsert(db, 'catalog_measure', ['edition', 'id'], row, {}, result.measures, fillOnly);
    tick();
  }
  return result;
}
