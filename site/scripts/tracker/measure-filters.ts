// The measure table's filters live in the URL (?status=open&class=basic…), so a view can be shared,
// bookmarked and reloaded, and a dashboard figure can open the list it counts.
import { effectiveStatus, OPEN_STATUSES } from '../../../api/tracker/model.ts';
import type { Status } from '../../../api/contracts/labels.ts';
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';

export const FILTER_NAMES = ['q', 'object', 'status', 'class', 'priority', 'group', 'module', 'overdue'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Record<FilterName, string>;

/** The status filter's extra value: every measure that still needs work. */
export const OPEN = 'open';

export function filtersFromUrl(search: string): Filters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n) ?? ''])) as Filters;
}

/** The page URL with the filters that are set (the municipality stays first). */
export function urlWithFilters(location: Location, filters: Filters): string {
  const params = new URLSearchParams(location.search);
  for (const n of FILTER_NAMES) {
    if (filters[n]) params.set(n, filters[n]);
    else params.delete(n);
  }
  return `${location.pathname}?${params}`;
}

export function readForm(form: HTMLFormElement): Filters {
  const value = (n: FilterName) => {
    const el = form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement | null;
    if (!el) return '';
    if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked ? '1' : '';
    return el.value.trim();
  };
  return Object.fromEntries(FILTER_NAMES.map((n) => [n, value(n)])) as Filters;
}

/** Puts the filters into the form; a value the form does not offer is dropped, not kept invisibly. */
export function writeForm(form: HTMLFormElement, filters: Filters): Filters {
  const applied = { ...filters };
  for (const n of FILTER_NAMES) {
    const el = form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement | null;
    if (!el) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      el.checked = filters[n] === '1';
      applied[n] = el.checked ? '1' : '';
    } else {
      el.value = filters[n];
      if (el.value !== filters[n]) applied[n] = el.value = '';
    }
  }
  return applied;
}

/** The status the dashboard counts: a centrally delivered, not assessed measure counts as implemented. */
export const shownStatus = (r: MeasureRow): Status => effectiveStatus(r.status as Status, r.sharedService !== null);

export function matches(r: MeasureRow, f: Filters): boolean {
  const q = f.q.toLowerCase();
  const status = shownStatus(r);
  return (
    (!q || r.measureId.toLowerCase().includes(q) || r.title.toLowerCase().includes(q)) &&
    (!f.object || String(r.objectId) === f.object) &&
    (!f.status || (f.status === OPEN ? OPEN_STATUSES.includes(status) : status === f.status)) &&
    (!f.class || r.class === f.class) &&
    (!f.priority || r.priority === f.priority) &&
    (!f.group || r.module.split('.')[0] === f.group) &&
    (!f.module || r.module === f.module) &&
    (f.overdue !== '1' || r.overdue)
  );
}
