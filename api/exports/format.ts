// Presentation helpers shared by the exports: Estonian labels, dd.mm.yyyy dates in Tallinn time,
// date cells for XLSX and file names. Data stays ISO in JSON; only CSV/XLSX get local forms.
// Class, status and approach labels: api/contracts/labels.ts, the same words the pages show.
export const KOV_TYPE_LABELS: Record<'linn' | 'vald', string> = { linn: 'linn', vald: 'vald' };

export const DATE_FMT = 'dd.mm.yyyy';
export const DATETIME_FMT = 'dd.mm.yyyy hh:mm';
export const PERCENT_FMT = '0.0%';

/** ISO date (YYYY-MM-DD) as dd.mm.yyyy; '' for null. */
export function formatIsoDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

const TALLINN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Tallinn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment's Tallinn wall-clock parts (people read local time, the database keeps UTC). */
function tallinnParts(at: Date): { y: string; m: string; d: string; hh: string; mm: string } {
  const p = Object.fromEntries(TALLINN.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: p['year']!, m: p['month']!, d: p['day']!, hh: p['hour']!, mm: p['minute']! };
}

/** ISO timestamp as "dd.mm.yyyy hh:mm" in Tallinn time; '' for null. */
export function formatTimestamp(iso: string | null): string {
  if (!iso) return '';
  const p = tallinnParts(new Date(iso));
  return `${p.d}.${p.m}.${p.y} ${p.hh}:${p.mm}`;
}

/** ISO date as an XLSX date cell (exceljs writes Dates as UTC serial days). */
export function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

/** ISO timestamp as an XLSX date-time cell showing Tallinn wall-clock time. */
export function timestampCell(iso: string | null): Date | null {
  if (!iso) return null;
  const p = tallinnParts(new Date(iso));
  return new Date(`${p.y}-${p.m}-${p.d}T${p.hh}:${p.mm}:00Z`);
}

/** "Jõelähtme vald" → "joelahtme-vald": ASCII file-name part. */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Rounds a share to 4 decimals (0.1234 = 12.34 %); null stays null. */
export const round4 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);
