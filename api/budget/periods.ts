// Plan periods: YYYY, YYYY-H1|H2, YYYY-Qn, YYYY-MM. Each is a closed range of calendar dates.

export interface Period {
  key: string;
  year: number;
  /** First and last day, ISO yyyy-mm-dd. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function range(key: string, year: number, firstMonth: number, lastMonth: number): Period {
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { key, year, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** Parses a period key; null when the syntax is wrong. */
export function parsePeriod(key: string): Period | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const part = m[2];
  if (!part) return range(key, year, 1, 12);
  if (part[0] === 'H') return part === 'H1' ? range(key, year, 1, 6) : range(key, year, 7, 12);
  if (part[0] === 'Q') {
    const q = Number(part[1]);
    return range(key, year, q * 3 - 2, q * 3);
  }
  const month = Number(part);
  return month >= 1 && month <= 12 ? range(key, year, month, month) : null;
}

/** Whether `inner` lies entirely within `outer`. */
export const within = (inner: Period, outer: Period) => inner.start >= outer.start && inner.end <= outer.end;

/** Whether two periods share at least one day. */
export const overlaps = (a: Period, b: Period) => a.start <= b.end && b.start <= a.end;

export const PERIOD_PATTERN = '^\\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$';

/** Whether s is a real calendar date yyyy-mm-dd. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
