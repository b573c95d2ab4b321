/// <reference types="astro/client" />
/**
 * Build-time access to the content collections as KbItems (sorted by Estonian title order).
 * Only for .astro pages and endpoints (imports astro:content).
 */
import { getCollection } from 'astro:content';
import { catalogLookup } from './catalog-index.ts';
import type { GuideData, SolutionData, TemplateData } from './content-schemas.ts';
import { compareIds, itemUrl, noteUrl, type KbItem, type KbKind, type NoteRef } from './kb-items.ts';
import type { MeasureNoteData } from './measure-note-schema.ts';

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
export type MeasureNoteEntry = Entry<MeasureNoteData>;
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

/** Every measure note (meetme selgitus), in catalogue order of the measure ids. */
export async function getMeasureNotes(): Promise<MeasureNoteEntry[]> {
  return ((await getCollection('measureNotes')) as MeasureNoteEntry[]).sort((a, b) => compareIds(a.data.measure, b.data.measure));
}

/** The notes as links for the measure map; the title is the measure's title from the catalogue. */
export async function getNoteRefs(): Promise<NoteRef[]> {
  const catalog = catalogLookup();
  return (await getMeasureNotes()).map((n) => ({
    measure: n.data.measure,
    url: noteUrl(n.data.measure),
    title: catalog.measures.get(n.data.measure)?.title ?? n.data.measure,
  }));
}
