/**
 * Build-time access to the content collections as KbItems (sorted by Estonian title order).
 * Only for .astro pages and endpoints (imports astro:content).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { itemUrl, type KbItem, type KbKind } from './kb-items.ts';

type AnyEntry = CollectionEntry<'guides'> | CollectionEntry<'solutions'> | CollectionEntry<'templates'>;

export function toItem(kind: KbKind, entry: AnyEntry): KbItem {
  const d = entry.data;
  return {
    kind,
    slug: entry.id,
    url: itemUrl(kind, entry.id),
    title: d.title,
    summary: d.summary,
    modules: d.modules,
    measures: d.measures,
    topics: 'topics' in d ? d.topics : [],
    keywords: d.keywords,
    body: entry.body ?? '',
  };
}

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'et');

export async function getGuides() {
  return (await getCollection('guides')).sort(byTitle);
}
export async function getSolutions() {
  return (await getCollection('solutions')).sort(byTitle);
}
export async function getTemplates() {
  return (await getCollection('templates')).sort(byTitle);
}

/** Every guide, solution and template as KbItems. */
export async function getAllItems(): Promise<KbItem[]> {
  const [g, s, t] = await Promise.all([getGuides(), getSolutions(), getTemplates()]);
  return [...g.map((e) => toItem('guide', e)), ...s.map((e) => toItem('solution', e)), ...t.map((e) => toItem('template', e))];
}
