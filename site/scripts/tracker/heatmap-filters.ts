// The heatmap's filters live in the URL (?maakond=Harju maakond&tyyp=vald), as the measure table's do
// (measure-filters.ts): a view can be shared, bookmarked and reloaded.
import { KOV_TYPES } from '../../../api/contracts/kov.ts';
import type { OverviewRow } from '../../../api/contracts/reports.ts';

export interface HeatmapFilters {
  maakond: string;
  tyyp: string;
}
const NAMES = ['maakond', 'tyyp'] as const;

export function heatmapFiltersFromUrl(search: string): HeatmapFilters {
  const p = new URLSearchParams(search);
  return { maakond: p.get('maakond') ?? '', tyyp: p.get('tyyp') ?? '' };
}

export function urlWithHeatmapFilters(location: Location, f: HeatmapFilters): string {
  const params = new URLSearchParams(location.search);
  for (const n of NAMES) {
    if (f[n]) params.set(n, f[n]);
    else params.delete(n);
  }
  const q = params.toString();
  return `${location.pathname}${q ? `?${q}` : ''}`;
}

/** The counties present in the rows, in Estonian alphabetical order. */
export const counties = (rows: OverviewRow[]): string[] => [...new Set(rows.map((r) => r.county))].sort((a, b) => a.localeCompare(b, 'et'));

/** Keeps only values the data offers: an unknown county or type in a URL shows everything, visibly. */
export function validFilters(f: HeatmapFilters, rows: OverviewRow[]): HeatmapFilters {
  return { maakond: counties(rows).includes(f.maakond) ? f.maakond : '', tyyp: (KOV_TYPES as readonly string[]).includes(f.tyyp) ? f.tyyp : '' };
}

export const matchesHeatmap = (r: OverviewRow, f: HeatmapFilters): boolean => (!f.maakond || r.county === f.maakond) && (!f.tyyp || r.type === f.tyyp);
