/// <reference types="astro/client" />
/**
 * Build-time access to the content collections as KbItems (sorted by Estonian title order).
 * Only for .astro pages and endpoints (imports astro:content).
 */
import { getCollection } from 'astro:content';
import type { GuideData, SolutionData, TemplateData } from './content-schemas.ts';
import { itemUrl, type KbItem, type KbKind } from './kb-items.ts';

/**
 * A collection entry as the pages use it. Typed from our own schemas so the code also typechecks
 * before `astro sync` has generated .astro/types.d.ts (plain tsc in a fresh checkout).
 */
export interface Entry<D> {
  id: string;
  body?: string | undefined;
  data: D;
}
export type GuideEntry = Entry<GuideData>;
export type SolutionEntry = Entry<SolutionData>;
export type TemplateEntry = Entry<TemplateData>;
type AnyEntry = GuideEntry | SolutionEntry | TemplateEntry;

export function toItem(kind: KbKind, entry: AnyEntry): KbItem {
  const d = entry.data;
  return {
    kind,
    slug: entry.id,
    url: itemUrl(kind, entry.id),
    title: d.title,
    summary: d.summary,
    modules: d.modules,
    // High measures count as cited too (measure links, related items, search), though the page lists them apart.
    measures: [...d.measures, ...(d.highMeasures ?? [])],
    topics: 'topics' in d ? d.topics : [],
    keywords: d.keywords,
    body: entry.body ?? '',
  };
}

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'et');

export async function getGuides(): Promise<GuideEntry[]> {
  return ((await getCollection('guides')) as GuideEntry[]).sort(byTitle);
}
export async function getSolutions(): Promise<SolutionEntry[]> {
  return ((await getCollection('solutions')) as SolutionEntry[]).sort(byTitle);
}
export async function getTemplates(): Promise<TemplateEntry[]> {
  return ((await getCollection('templates')) as TemplateEntry[]).sort(byTitle);
}

/** Every guide, solution and template as KbItems. */
export async function getAllItems(): Promise<KbItem[]> {
  const [g, s, t] = await Promise.all([getGuides(), getSolutions(), getTemplates()]);
  return [...g.map((e) => toItem('guide', e)), ...s.map((e) => toItem('solution', e)), ...t.map((e) => toItem('template', e))];
}
