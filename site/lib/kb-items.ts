/**
 * Pure helpers over knowledge-base items (no astro:content import, so tests and endpoints share them):
 * the common item shape, related-item scoring, the measure → content map and Markdown → plain text.
 */
export type KbKind = 'guide' | 'solution' | 'template';

export const KIND_LABELS: Record<KbKind, string> = { guide: 'Juhend', solution: 'Standardlahendus', template: 'Mall' };
export const KIND_PATHS: Record<KbKind, string> = { guide: '/juhendid/', solution: '/standardlahendused/', template: '/mallid/' };

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

/** measureId → the guides, solutions and templates citing it (build-time JSON for the tracker). */
export function measureLinkMap(items: KbItem[]): Record<string, Array<{ url: string; title: string; type: KbKind }>> {
  const map: Record<string, Array<{ url: string; title: string; type: KbKind }>> = {};
  for (const item of items) {
    for (const id of new Set(item.measures)) (map[id] ??= []).push({ url: item.url, title: item.title, type: item.kind });
  }
  for (const list of Object.values(map)) list.sort((a, b) => a.title.localeCompare(b.title, 'et'));
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
