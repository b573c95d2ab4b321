/**
 * Pure helpers over knowledge-base items (no astro:content import, so tests and endpoints share them):
 * the common item shape, related-item scoring, the measure → content map and Markdown → plain text.
 */
export type KbKind = 'guide' | 'solution' | 'template';

export const KIND_LABELS: Record<KbKind, string> = { guide: 'Juhend', solution: 'Standardlahendus', template: 'Mall' };
export const KIND_PATHS: Record<KbKind, string> = { guide: '/juhendid/', solution: '/standardlahendused/', template: '/mallid/' };

/** What /kb/measure-links.json can point to: a guide, solution or template, or a measure note. */
export type MeasureLinkType = KbKind | 'note';
export const MEASURE_LINK_LABELS: Record<MeasureLinkType, string> = { ...KIND_LABELS, note: 'Meetme selgitus' };

/** One entry of the measure → content map. `typeLabel` is the Estonian name of `type`. */
export interface MeasureLink {
  url: string;
  title: string;
  type: MeasureLinkType;
  typeLabel: string;
}

/** A measure note as the measure map sees it. */
export interface NoteRef {
  measure: string;
  url: string;
  title: string;
}

/** Catalogue order of E-ITS ids: OPS.1.1.7.M3 before OPS.1.1.7.M10, ME1 after the M measures. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Page of the note (meetme selgitus) of a measure. */
export function noteUrl(measureId: string): string {
  return `/e-its/meede/${measureId}/`;
}

/** The common view of a guide, solution or template used by lists, links and search. */
export interface KbItem {
  kind: KbKind;
  slug: string;
  url: string;
  title: string;
  summary: string;
  modules: string[];
  measures: string[];
  topics: string[];
  keywords: string[];
  body: string;
}

export interface KbLink {
  url: string;
  title: string;
  type: KbKind;
  typeLabel: string;
  summary?: string;
}

export function itemUrl(kind: KbKind, slug: string): string {
  return `${KIND_PATHS[kind]}${slug}/`;
}

export function toLink(item: KbItem, withSummary = true): KbLink {
  return { url: item.url, title: item.title, type: item.kind, typeLabel: KIND_LABELS[item.kind], ...(withSummary ? { summary: item.summary } : {}) };
}

/** dd.mm.yyyy in UTC (content dates are calendar dates). */
export function formatIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/**
 * Related items: shared measures weigh 3, shared modules 2, shared topics 1; ties by title.
 * Returns at most `limit` items, never the item itself, only items with something in common.
 */
export function relatedItems(item: KbItem, all: KbItem[], limit = 5): KbItem[] {
  const score = (other: KbItem) =>
    3 * other.measures.filter((m) => item.measures.includes(m)).length +
    2 * other.modules.filter((m) => item.modules.includes(m)).length +
    other.topics.filter((t) => item.topics.includes(t)).length;
  return all
    .filter((o) => o.url !== item.url)
    .map((o) => ({ o, s: score(o) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.o.title.localeCompare(b.o.title, 'et'))
    .slice(0, limit)
    .map((x) => x.o);
}

/**
 * measureId → the measure's note and the guides, solutions and templates citing it (build-time JSON
 * for the tracker). The note comes first, then the items by Estonian title order.
 */
export function measureLinkMap(items: KbItem[], notes: NoteRef[] = []): Record<string, MeasureLink[]> {
  const map: Record<string, MeasureLink[]> = {};
  const link = (url: string, title: string, type: MeasureLinkType): MeasureLink => ({ url, title, type, typeLabel: MEASURE_LINK_LABELS[type] });
  for (const item of items) {
    for (const id of new Set(item.measures)) (map[id] ??= []).push(link(item.url, item.title, item.kind));
  }
  for (const list of Object.values(map)) list.sort((a, b) => a.title.localeCompare(b.title, 'et'));
  for (const note of notes) (map[note.measure] ??= []).unshift(link(note.url, note.title, 'note'));
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

/** Items that cite a module directly or any of its measures. */
export function itemsForModule(moduleId: string, items: KbItem[]): KbItem[] {
  const prefix = moduleId + '.M';
  return items
    .filter((i) => i.modules.includes(moduleId) || i.measures.some((m) => m.startsWith(prefix) && !m.slice(prefix.length).includes('.')))
    .sort((a, b) => a.title.localeCompare(b.title, 'et'));
}

/** Markdown/MDX source → plain text for the search index (drops code, tags, link targets, markup). */
export function markdownToPlainText(md: string): string {
  return md
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
