/**
 * "Tähtsuse järgi": the order in which a KOV IT person should read the guides, derived from data instead
 * of a frontmatter field (which would need every content file):
 *
 * 1. the starting guide (START_GUIDE);
 * 2. the three protections the starting guide puts first (FIRST_STEPS, its "Teine kuu" section);
 * 3. every other guide by how many measures of the KOV profile's priority P1 it cites, then P2, then
 *    Estonian title order.
 *
 * The home page's "Kust alustada?" uses the same two lists, so home page and guide list agree.
 * Pure: no astro:content import, so tests use it directly.
 */
import type { Priority } from './catalog-index.ts';

/** The guide a new KOV IT person starts with. */
export const START_GUIDE = 'alustamine-vaikeses-omavalitsuses';

/** The three things a small municipality does first, as the starting guide names them, in its order. */
export const FIRST_STEPS: ReadonlyArray<{ slug: string; action: string }> = [
  { slug: 'mitmikautentimine-ja-paroolid', action: 'Lülita kõigil e-posti ja Microsoft 365 kontodel sisse mitmikautentimine' },
  { slug: 'andmete-varundamine', action: 'Tee varukoopiad, millest üks on võrgust eraldatud, ja proovi taastamist' },
  { slug: 'paikade-ja-uuenduste-haldus', action: 'Paigalda turvauuendused kindla graafiku järgi' },
];

export interface RankInput {
  slug: string;
  title: string;
  measures: string[];
}

export interface Ranked<T extends RankInput> {
  item: T;
  /** Measures cited that the KOV profile marks P1 (P2). */
  p1: number;
  p2: number;
  /** Why the item is pinned ahead of the P1 ranking, if it is. */
  pinned: 'start' | 'first-step' | null;
}

/** Items in importance order (see the module comment); every item appears exactly once. */
export function rankByImportance<T extends RankInput>(items: readonly T[], profile: Record<string, Priority>): Ranked<T>[] {
  const firstSteps = FIRST_STEPS.map((s) => s.slug);
  const pinRank = (slug: string) => (slug === START_GUIDE ? 0 : firstSteps.includes(slug) ? 1 + firstSteps.indexOf(slug) : Infinity);
  const count = (measures: string[], p: Priority) => new Set(measures.filter((m) => profile[m] === p)).size;
  return items
    .map((item) => ({
      item,
      p1: count(item.measures, 'P1'),
      p2: count(item.measures, 'P2'),
      pinned: item.slug === START_GUIDE ? ('start' as const) : firstSteps.includes(item.slug) ? ('first-step' as const) : null,
    }))
    .sort((a, b) => {
      const pa = pinRank(a.item.slug);
      const pb = pinRank(b.item.slug);
      if (pa !== pb) return pa === Infinity ? 1 : pb === Infinity ? -1 : pa - pb;
      return b.p1 - a.p1 || b.p2 - a.p2 || a.item.title.localeCompare(b.item.title, 'et');
    });
}

/**
 * The starting guide and first steps looked up among the guides. A renamed or removed guide stops the
 * build with a clear message instead of leaving the home page with a dead link.
 */
export function startingPoints<T extends { slug: string }>(items: readonly T[]): { start: T; steps: Array<{ item: T; action: string }> } {
  const find = (slug: string): T => {
    const hit = items.find((i) => i.slug === slug);
    if (!hit) throw new Error(`Avalehe "Kust alustada?" juhend puudub: content/guides/${slug}.mdx (vt site/lib/kb-importance.ts)`);
    return hit;
  };
  return { start: find(START_GUIDE), steps: FIRST_STEPS.map((s) => ({ item: find(s.slug), action: s.action })) };
}
